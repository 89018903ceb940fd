// Command-line flags: "--name value", "--name=value", boolean "--name", and positional
// arguments. Unknown flags and missing values are errors with a message a person can act on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/result.h"

namespace lpsync::cli {

struct FlagSpec {
  std::string name;        // without the dashes
  bool takes_value = false;
  std::string help;        // "FILE  write the trace here"
};

enum class ArgsProblem {
  unknown_option,    // "-x": a single dash
  unknown_flag,      // a --name the command does not take
  missing_value,     // a flag that takes a value came last
  unexpected_value,  // --name=value for a flag that takes none
};

class Args {
 public:
  // Parses `argv` (without the program and command names). On failure the error's message
  // says what is wrong, e.g. "unknown flag --trce (known: --trace, --check-determinism)".
  static Result<Args, ArgsProblem> parse(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::string value_or(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
  }
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// "  --trace FILE      write the trace here" lines for a usage text.
std::string describe_flags(const std::vector<FlagSpec>& specs);

}  // namespace lpsync::cli
