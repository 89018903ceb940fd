// write_scenario and parse_scenario are inverse: any valid Scenario, written and read back,
// is equal to itself, and writing is deterministic.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tools/scenario/scenario_generators.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/scenario/scenario_writer.h"

namespace lpsync::scenario {
namespace {

RC_GTEST_PROP(RoundTrip, WriteThenParseGivesAnEqualScenario, ()) {
  Scenario s = *gen_scenario();
  std::string text = write_scenario(s);
  ParseResult back = parse_scenario(text);
  if (!back.ok()) RC_FAIL(back.error().to_string() + "\n" + text);
  RC_ASSERT(back.scenario() == s);
  RC_ASSERT(write_scenario(back.scenario()) == text);
}

RC_GTEST_PROP(RoundTrip, TheTimelineInTimeOrderIsSortedAndStable, ()) {
  Scenario s = *gen_scenario();
  std::vector<size_t> order = time_order(s.timeline);
  RC_ASSERT(order.size() == s.timeline.size());
  for (size_t i = 1; i < order.size(); ++i) {
    const Event& a = s.timeline[order[i - 1]];
    const Event& b = s.timeline[order[i]];
    RC_ASSERT(a.at <= b.at);
    if (a.at == b.at) RC_ASSERT(order[i - 1] < order[i]);
  }
}

}  // namespace
}  // namespace lpsync::scenario
