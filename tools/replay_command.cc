// lpsync replay FILE...: runs scenario files against the in-process fakes.
#include <fstream>
#include <ostream>

#include "tools/command.h"
#include "tools/live/explain_text.h"
#include "tools/sim/world.h"
#include "tools/scenario/runner.h"
#include "tools/scenario/scenario_parser.h"

namespace lpsync::cli {
namespace {

// Runs twice and compares the traces line by line; "" when they are the same.
std::string first_difference(const scenario::Scenario& s, bool http) {
  scenario::RunOptions options;
  options.keep_trace = true;
  options.over_http = http;
  auto a = scenario::run_scenario(s, options);
  auto b = scenario::run_scenario(s, options);
  if (a.trace_hash == b.trace_hash && a.trace == b.trace) return "";
  size_t n = std::min(a.trace.size(), b.trace.size());
  for (size_t i = 0; i < n; ++i) {
    if (a.trace[i] != b.trace[i]) {
      return "line " + std::to_string(i + 1) + " differs:\n  first run:  " + a.trace[i] + "\n  second run: " + b.trace[i];
    }
  }
  return "one run has " + std::to_string(a.trace.size()) + " lines, the other " + std::to_string(b.trace.size());
}

}  // namespace

int run_replay(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional().empty()) {
    err << "lpsync replay: name at least one scenario file (see scenarios/)\n";
    return kExitUsage;
  }
  std::string transport = args.value_or("transport", "direct");
  if (transport != "direct" && transport != "http") {
    err << "lpsync replay: --transport is \"direct\" or \"http\", not \"" << transport << "\"\n";
    return kExitUsage;
  }
  std::ofstream trace_file;
  if (auto path = args.value("trace")) {
    trace_file.open(*path);
    if (!trace_file) {
      err << "lpsync replay: cannot write the trace to " << *path << "\n";
      return kExitUsage;
    }
  }
  // Every file is read and checked before anything runs.
  std::vector<scenario::Scenario> scenarios;
  for (const auto& file : args.positional()) {
    auto parsed = scenario::load_scenario_file(file);
    if (!parsed.ok()) {
      err << file << ": " << parsed.error().to_string() << "\n";
      return kExitUsage;
    }
    scenarios.push_back(parsed.scenario());
  }
  int status = kExitOk;
  for (const auto& s : scenarios) {
    scenario::RunOptions options;
    options.over_http = transport == "http";
    options.trace_out = trace_file.is_open() ? &trace_file : nullptr;
    // The story is read from the world's store at the end of the run, as `lpsync explain`
    // reads a live state; the run and its trace are the same with or without it.
    std::string story;
    if (auto asked = args.value("explain")) {
      options.after_run = [&story, asked](sim::World& w) {
        bool sku = asked->rfind("sku:", 0) == 0;
        story = live::story_text(sku ? live::sku_story(w.store(), asked->substr(4), w.clock().now())
                                     : live::order_story(w.store(), *asked, w.clock().now()));
      };
    }
    auto result = scenario::run_scenario(s, options);
    out << result.summary() << "\n";
    if (!story.empty()) out << "\n" << story << "\n";
    for (const auto& e : result.errors) out << "  invalid: " << e << "\n";
    for (const auto& f : result.failures) {
      out << "  " << f.what << "\n    expected: " << f.expected << "\n    actual:   " << f.actual << "\n";
    }
    if (!result.errors.empty()) {
      status = kExitUsage;
    } else if (!result.passed() && status == kExitOk) {
      status = kExitFailed;
    }
    if (args.has("check-determinism")) {
      std::string diff = first_difference(s, options.over_http);
      if (!diff.empty()) {
        out << "  NOT DETERMINISTIC: " << diff << "\n";
        if (status == kExitOk) status = kExitFailed;
      } else {
        out << "  deterministic: two runs gave the same trace\n";
      }
    }
  }
  return status;
}

}  // namespace lpsync::cli
