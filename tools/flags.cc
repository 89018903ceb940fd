#include "tools/flags.h"

namespace lpsync::cli {

namespace {

Error<ArgsProblem> unknown_flag(const std::string& name, const std::vector<FlagSpec>& specs) {
  std::string message = "unknown flag --" + name;
  if (specs.empty()) return {ArgsProblem::unknown_flag, message + " (this command takes no flags)"};
  message += " (known:";
  for (size_t k = 0; k < specs.size(); ++k) message += (k ? ", --" : " --") + specs[k].name;
  return {ArgsProblem::unknown_flag, message + ")"};
}

}  // namespace

Result<Args, ArgsProblem> Args::parse(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs) {
  Args out;
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!only_positional && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        return Error<ArgsProblem>{ArgsProblem::unknown_option,
                                  "unknown option " + arg + " (options are written --name)"};
      }
      out.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (!spec) return unknown_flag(name, specs);
    if (spec->takes_value) {
      if (inline_value) {
        out.values_[name] = *inline_value;
      } else if (i + 1 < argv.size()) {
        out.values_[name] = argv[++i];
      } else {
        return Error<ArgsProblem>{ArgsProblem::missing_value, "--" + name + " needs a value"};
      }
    } else {
      if (inline_value) {
        return Error<ArgsProblem>{ArgsProblem::unexpected_value, "--" + name + " takes no value"};
      }
      out.values_[name] = "";
    }
  }
  return out;
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string describe_flags(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string left = "  --" + s.name;
    std::string help = s.help;
    if (s.takes_value) {
      auto space = help.find("  ");
      if (space != std::string::npos) {
        left += " " + help.substr(0, space);
        help = help.substr(space + 2);
      }
    }
    if (left.size() < 28) left.resize(28, ' ');
    else left += "  ";
    out += left + help + "\n";
  }
  return out;
}

}  // namespace lpsync::cli
