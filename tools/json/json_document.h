// Reads a file's text (a scenario, a config) as one JSON document, more strictly and more exactly
// than boost::json::parse alone:
//  - a key repeated in an object is an error (Boost.JSON would keep the last silently, and a
//    repeated key in a hand-written file is a typo that must not pass);
//  - numbers with a fraction or exponent are converted with std::from_chars, which rounds
//    correctly (Boost.JSON 1.81 does not always), so any double the writer prints reads back
//    equal;
//  - a syntax error says where: line and column (1-based, in bytes).
#pragma once

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lpsync {

struct JsonDocumentError {
  // Syntax errors: "$". A repeated key: the JSON path of its second use ("$.a[2].key").
  std::string path;
  std::string message;  // says what is wrong and how to fix it
  // A repeated key only: the keys leading to it ({"a", "key"}; array positions are left out).
  std::vector<std::string> repeated_key;
  bool operator==(const JsonDocumentError&) const = default;
};

// Not Result<T, Kind>: the error is a place (JSON path, repeated key) and a message, not a kind.
std::variant<boost::json::value, JsonDocumentError> read_json_document(std::string_view text);

}  // namespace lpsync
