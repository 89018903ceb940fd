// Reads a scenario file's text as one JSON document, more strictly and more exactly than
// boost::json::parse alone:
//  - a key repeated in an object is an error (Boost.JSON would keep the last silently, and a
//    repeated key in a scenario is a typo that must not pass);
//  - numbers with a fraction or exponent are converted with std::from_chars, which rounds
//    correctly (Boost.JSON 1.81 does not always), so any double the writer prints reads back
//    equal;
//  - a syntax error says where: line and column (1-based, in bytes).
#pragma once

#include <boost/json.hpp>

#include <string_view>
#include <variant>

#include "tools/scenario/parse_error.h"

namespace lpsync::scenario {

// Syntax errors come back at path "$"; a repeated key at the JSON path of its second use.
std::variant<boost::json::value, ParseError> read_json_document(std::string_view text);

}  // namespace lpsync::scenario
