// The first problem found in a scenario file: where (a JSON path such as
// "$.timeline[3].fault.kind", "$" for the document, "" for the file itself) and what is wrong.
#pragma once

#include <ostream>
#include <string>

namespace lpsync::scenario {

struct ParseError {
  std::string path;
  std::string message;  // says what is wrong and what is allowed

  std::string to_string() const { return path.empty() ? message : path + ": " + message; }
  bool operator==(const ParseError&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const ParseError& e) { return out << e.to_string(); }

}  // namespace lpsync::scenario
