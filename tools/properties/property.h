// The property tests of issue 8 as one entry point per property, usable inside
// RC_GTEST_PROP (bazel test) and by `lpsync check-properties` (long sweeps).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

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

// Where counterexamples are written ($TEST_UNDECLARED_OUTPUTS_DIR, else the system's temp dir).
std::string counterexample_dir();

}  // namespace lpsync::properties
