#include "tools/live/cli_support.h"

#include "tools/live/log.h"

namespace lpsync::live {

std::optional<LiveConfig> config_from_args(const cli::Args& args, const std::string& command, std::ostream& err,
                                           const Environment& env, size_t arguments) {
  auto file = args.value("config");
  if (!file || file->empty()) {
    err << "lpsync " << command << ": name the connection's config file: --config FILE (docs/live.md)\n";
    return std::nullopt;
  }
  if (args.positional().size() > arguments) {
    err << "lpsync " << command << ": unexpected argument \"" << args.positional()[arguments] << "\"\n";
    return std::nullopt;
  }
  ConfigResult loaded = load_config(*file, env);
  if (!loaded) {
    for (const auto& e : loaded.errors) err << e << "\n";
    err << "lpsync " << command << ": the config has " << loaded.errors.size()
        << (loaded.errors.size() == 1 ? " problem" : " problems") << " (above); docs/live.md describes every key\n";
    return std::nullopt;
  }
  return loaded.config;
}

std::optional<bool> human_log_from_args(const cli::Args& args, const std::string& command, std::ostream& err) {
  std::string format = args.value_or("log-format", "");
  if (format.empty()) return is_terminal(err);
  if (format == "json") return false;
  if (format == "text") return true;
  err << "lpsync " << command << ": --log-format is json or text, not \"" << format << "\"\n";
  return std::nullopt;
}

}  // namespace lpsync::live
