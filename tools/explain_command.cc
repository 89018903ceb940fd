// lpsync explain --config FILE (ORDER_NUMBER | --sku SKU) [--json]: the whole story of one
// order or SKU from the connection's state (tools/live/explain_run.h).
#include <cstdlib>
#include <ostream>

#include "tools/command.h"
#include "tools/live/cli_support.h"
#include "tools/live/explain_run.h"

namespace lpsync::cli {

int run_explain(const Args& args, std::ostream& out, std::ostream& err) {
  // Explain reads only the state: secrets written as env:NAME need not be set for it.
  live::Environment lenient = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    return std::string(v && *v ? v : "unused-by-explain");
  };
  live::ExplainWhat what;
  what.sku = args.value("sku");
  size_t arguments = what.sku ? 0 : 1;
  if (!what.sku && args.positional().size() != 1) {
    err << "lpsync explain: give one order number, or --sku SKU (lpsync explain --help)\n";
    return kExitUsage;
  }
  if (what.sku && what.sku->empty()) {
    err << "lpsync explain: --sku needs a SKU\n";
    return kExitUsage;
  }
  auto config = live::config_from_args(args, "explain", err, lenient, arguments);
  if (!config) return kExitUsage;
  if (!what.sku) what.order = args.positional().front();
  return live::show_explain(*config, what, args.has("json"), out, err);
}

}  // namespace lpsync::cli
