#include "tools/properties/property.h"

#include <rapidcheck.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "engine/rules/reasons.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/properties/checks.h"
#include "tools/properties/commands.h"
#include "tools/scenario/scenario_writer.h"

namespace lpsync::properties {
namespace {

// Histories of at most this many commands keep one run around a simulated day or two.
constexpr int kMaxCommands = 24;

// The decisions of "After import" (issue 17) a sweep must reach, so its checks are not vacuous.
constexpr const char* kLifecycleDecisions[] = {"order_allocated", "order_processed", "order_cancelled_in_picqer",
                                               "order_needs_person"};

const std::vector<std::string>& catalogue() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (auto k : {"http_429", "http_500", "http_503", "timeout", "reset", "indeterminate", "webhook_drop",
                   "webhook_duplicate"}) {
      names.push_back(std::string("fault ") + k);
    }
    for (int i = 0; i <= static_cast<int>(HeldReason::product_not_in_picqer); ++i) {
      names.push_back("held " + std::string(to_string(static_cast<HeldReason>(i))));
    }
    for (auto d : {"order_poll_interrupted", "order_adopted", "product_adopted"}) names.push_back(std::string("retry ") + d);
    for (auto d : kLifecycleDecisions) names.push_back(std::string("decision ") + d);
    return names;
  }();
  return kNames;
}

void count(const Outcome& o) {
  Coverage& c = coverage();
  ++c.histories;
  for (const auto& [k, n] : o.injected) c.reached["fault " + std::string(fakes::to_string(k))] += n;
  for (const auto& text : o.run.trace) {
    for (auto d : {"order_poll_interrupted", "order_adopted", "product_adopted"}) {
      if (text.find(std::string("\"decision\":\"") + d + "\"") != std::string::npos) ++c.reached[std::string("retry ") + d];
    }
    for (auto d : kLifecycleDecisions) {
      if (text.find(std::string("\"decision\":\"") + d + "\"") != std::string::npos) ++c.reached[std::string("decision ") + d];
    }
    auto at = text.find("\"decision\":\"order_held\"");
    if (at != std::string::npos) {
      auto r = text.find("\"reason\":\"", at);
      if (r != std::string::npos) {
        r += 10;
        c.reached["held " + text.substr(r, text.find('"', r) - r)]++;
      }
    }
  }
}

// What the rules say should have held, as scenario expectations: replaying the file with
// the engine that failed shows the same failure as an unmet expectation.
scenario::Expectations expected(Property p, const scenario::Scenario& s, const Model& m, const Outcome& o) {
  scenario::Expectations e;
  switch (p) {
    case Property::window:
    case Property::nothing_lost: {
      auto may = m.may_import(), must = m.must_import();
      std::set<std::string> want = must;
      for (const auto& po : o.picqer_orders) {
        if (may.count(po.reference)) want.insert(po.reference);
      }
      e.picqer_orders.emplace();
      for (const auto& ref : want) e.picqer_orders->push_back({ref, std::nullopt, std::nullopt});
      break;
    }
    case Property::at_most_once: {
      std::set<std::string> refs;
      for (const auto& po : o.picqer_orders) refs.insert(po.reference);
      e.picqer_orders_count = static_cast<int64_t>(refs.size());
      break;
    }
    case Property::unique_skus: {
      int64_t bad = static_cast<int64_t>(check_unique_skus(m, o).size());
      e.picqer_products_count = static_cast<int64_t>(o.picqer_products.size()) - bad;
      break;
    }
    case Property::read_only: {
      int64_t writes = 0;
      for (const auto& entry : o.lightspeed_journal) writes += entry.method != "GET";
      for (const auto& b : read_only_breaches(s, o)) writes -= b.api == "lightspeed";
      e.lightspeed_writes = writes;
      break;
    }
    case Property::stock:
      e.lightspeed_variants = desired_levels(m, o);
      break;
    case Property::determinism:
      break;  // replay with --check-determinism
  }
  return e;
}

std::string write_counterexample(Property p, scenario::Scenario s, const Model& m, const Outcome& o) {
  s.name = "counterexample-" + name_of(p);
  s.description = "Shrunk by the " + name_of(p) + " property: the expectations are what the sync rules require.";
  s.expect = expected(p, s, m, o);
  std::filesystem::path path = std::filesystem::path(counterexample_dir()) / (s.name + ".json");
  std::ofstream(path) << scenario::write_scenario(s);
  return path.string();
}

}  // namespace

const std::vector<Property>& all_properties() {
  static const std::vector<Property> kAll = {Property::window,       Property::unique_skus, Property::read_only,
                                             Property::at_most_once, Property::nothing_lost, Property::stock,
                                             Property::determinism};
  return kAll;
}

std::string name_of(Property p) {
  switch (p) {
    case Property::window: return "window";
    case Property::unique_skus: return "unique-skus";
    case Property::read_only: return "read-only";
    case Property::at_most_once: return "at-most-once";
    case Property::nothing_lost: return "nothing-lost";
    case Property::stock: return "stock-convergence";
    case Property::determinism: return "determinism";
  }
  return "?";
}

Coverage& coverage() {
  static Coverage c;
  return c;
}

std::vector<std::string> Coverage::never_reached() const {
  std::vector<std::string> out;
  for (const auto& name : catalogue()) {
    auto it = reached.find(name);
    if (it == reached.end() || it->second == 0) out.push_back(name);
  }
  return out;
}

std::function<DurableHistoryStore()>& durable_history_store() {
  static std::function<DurableHistoryStore()> make = [] {
    static int64_t histories = 0;
    std::filesystem::path dir = std::filesystem::path(counterexample_dir()) / "lpsync-property-stores";
    std::filesystem::create_directories(dir);
    std::string path = (dir / ("state-" + std::to_string(++histories) + ".db")).string();
    return DurableHistoryStore{[path]() -> std::unique_ptr<StateStore> {
                                 auto opened = SqliteStateStore::open(path);
                                 if (!opened) throw std::runtime_error(opened.error().message);
                                 return std::move(opened.value().store);
                               },
                               [path] {
                                 for (const char* suffix : {"", "-wal", "-shm", ".lock"}) {
                                   std::filesystem::remove(path + suffix);
                                 }
                               }};
  };
  return make;
}

std::string counterexample_dir() {
  if (const char* d = std::getenv("TEST_UNDECLARED_OUTPUTS_DIR")) return d;
  return std::filesystem::temp_directory_path().string();
}

void check(Property p) {
  // Window and duplicate-SKU histories run without faults; the others with them.
  bool faults = p != Property::window && p != Property::unique_skus;
  History start = *gen_start();
  auto commands = *rc::gen::withSize([&](int size) { return rc::gen::resize(std::min(size, kMaxCommands), gen_commands(start, faults)); });
  History h = start;
  rc::state::applyAll(commands, h);
  scenario::Scenario s = h.finished();

  // At most once is also checked with a durable store across crashes and restarts.
  std::optional<DurableHistoryStore> store;
  if (p == Property::at_most_once) store = durable_history_store()();
  Outcome o = run_history(s, store ? store->open : DurableStore());
  if (store) store->remove();
  if (!o.run.errors.empty()) {
    std::string message = "the fakes refused an action of the history:";
    for (const auto& e : o.run.errors) message += "\n  " + e;
    RC_FAIL(message);
  }
  count(o);
  Model m(s, o.picqer_products);
  Violations v;
  switch (p) {
    case Property::window: v = check_window(m, o); {
        auto lost = check_nothing_lost(m, o);
        v.insert(v.end(), lost.begin(), lost.end());
      }
      break;
    case Property::unique_skus: v = check_unique_skus(m, o); break;
    case Property::read_only: v = check_read_only(s, o); break;
    case Property::at_most_once: {
        v = check_at_most_once(o);
        for (const auto& more : {check_nothing_unpaid_processed(m, o), check_shipment_delay(m, o)}) {
          v.insert(v.end(), more.begin(), more.end());
        }
      }
      break;
    case Property::nothing_lost: {
        v = check_nothing_lost(m, o);
        for (const auto& more : {check_cancelled_before_pick(m, o), check_needs_person(m, o)}) {
          v.insert(v.end(), more.begin(), more.end());
        }
      }
      break;
    case Property::stock: {
        v = check_stock_converged(m, o);
        auto base = check_base_stock(m, o);
        v.insert(v.end(), base.begin(), base.end());
      }
      break;
    case Property::determinism: {
      Outcome again = run_history(s);
      if (again.run.trace_hash != o.run.trace_hash) v.push_back("the same history gave two different traces");
      break;
    }
  }
  if (!v.empty()) {
    std::string message = name_of(p) + " violated:";
    for (const auto& x : v) message += "\n  " + x;
    std::string file = write_counterexample(p, s, m, o);
    message += "\nCounterexample scenario: " + file;
    if (std::getenv("TEST_UNDECLARED_OUTPUTS_DIR")) {
      message += " (under bazel test: in bazel-testlogs/<the test>/test.outputs/outputs.zip)";
    }
    message += "\nReplay it: lpsync replay FILE --trace trace.jsonl";
    RC_FAIL(message);
  }
}

}  // namespace lpsync::properties
