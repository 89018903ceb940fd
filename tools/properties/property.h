// The property tests of issue 8 as one entry point per property, usable inside
// RC_GTEST_PROP (bazel test) and by `lpsync check-properties` (long sweeps).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/state/state_store.h"

namespace lpsync::properties {

enum class Property { window, unique_skus, read_only, at_most_once, nothing_lost, stock, determinism };
const std::vector<Property>& all_properties();
std::string name_of(Property p);

// Generates a history, runs it and checks `p` (RC_ASSERT-style: throws on failure with the
// violations and the path of the counterexample scenario). Call it inside a property.
void check(Property p);

// How often the sweep reached each fault kind, held reason and retry path (anti-vacuity).
struct Coverage {
  std::map<std::string, int64_t> reached;
  int64_t histories = 0;
  // The names in the catalogue that were never reached.
  std::vector<std::string> never_reached() const;
};
Coverage& coverage();

// The durable store of each at-most-once history (SQLite files by default; the tests also
// run them on PostgreSQL), and how to remove it after the history.
struct DurableHistoryStore {
  std::function<std::unique_ptr<StateStore>()> open;
  std::function<void()> remove;
};
std::function<DurableHistoryStore()>& durable_history_store();

// Where counterexamples are written ($TEST_UNDECLARED_OUTPUTS_DIR, else the system's temp dir).
std::string counterexample_dir();

}  // namespace lpsync::properties
