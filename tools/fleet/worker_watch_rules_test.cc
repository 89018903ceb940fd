// When the worker's watch writes a connection's figures (kept_figures_due).
#include <gtest/gtest.h>

#include "tools/fleet/worker_watch.h"

namespace lpsync::fleet {
namespace {

const Instant kT0 = *parse_iso8601("2026-11-02T08:00:00Z");

TEST(KeptFigures, WrittenWhenChangedOrAQuarterOfAnHourOld) {
  EXPECT_TRUE(kept_figures_due(std::nullopt, "{\"polls\":1}", kT0)) << "never written";
  std::pair<std::string, Instant> kept{"{\"polls\":1}", kT0};
  EXPECT_FALSE(kept_figures_due(kept, "{\"polls\":1}", kT0 + Duration::minutes(1)));
  EXPECT_FALSE(kept_figures_due(kept, "{\"polls\":1}", kT0 + Duration::minutes(14)));
  EXPECT_TRUE(kept_figures_due(kept, "{\"polls\":2}", kT0 + Duration::minutes(1)));
  EXPECT_TRUE(kept_figures_due(kept, "{\"polls\":1}", kT0 + kKeptFiguresRefresh));
}

}  // namespace
}  // namespace lpsync::fleet
