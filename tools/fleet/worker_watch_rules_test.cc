// When the worker's watch writes a connection's figures (kept_figures_due).
#include <gtest/gtest.h>

#include "tools/fleet/worker_watch.h"

namespace lpsync::fleet {
namespace {

const Instant kT0 = *parse_iso8601("2026-11-02T08:00:00Z");

TEST(KeptFigures, WrittenWhenChangedOrAQuarterOfAnHourOld) {
  const boost::json::object one{{"polls", 1}}, two{{"polls", 2}};
  EXPECT_TRUE(kept_figures_due(std::nullopt, one, kT0)) << "never written";
  std::pair<boost::json::object, Instant> kept{one, kT0};
  EXPECT_FALSE(kept_figures_due(kept, one, kT0 + Duration::minutes(1)));
  EXPECT_FALSE(kept_figures_due(kept, one, kT0 + Duration::minutes(14)));
  EXPECT_TRUE(kept_figures_due(kept, two, kT0 + Duration::minutes(1)));
  EXPECT_TRUE(kept_figures_due(kept, one, kT0 + kKeptFiguresRefresh));
}

}  // namespace
}  // namespace lpsync::fleet
