// Command-line flags: "--name value", "--name=value", boolean "--name", and positional
// arguments. Unknown flags and missing values are errors with a message a person can act on.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lpsync::cli {

struct FlagSpec {
  std::string name;        // without the dashes
  bool takes_value = false;
  std::string help;        // "FILE  write the trace here"
};

class Args {
 public:
  // Parses `argv` (without the program and command names). On failure returns nullopt and
  // sets `error`, e.g. "unknown flag --trce (known: --trace, --check-determinism)".
  static std::optional<Args> parse(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs,
                                   std::string& error);

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
