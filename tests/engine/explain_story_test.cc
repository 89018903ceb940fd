// The story `lpsync explain` tells, from a simulated run on an in-memory store (sync-rules
// section 12): an order held for a duplicate SKU, fixed in the shop and imported by hand has
// its decisions in order, and no trace of the customer; the log is state, so the trace of the
// run is the same with or without it (the determinism check covers the scenarios).
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "tests/engine/shop_fixture.h"
#include "tools/live/explain_text.h"

namespace lpsync::testing {
namespace {

TEST(ExplainStory, HeldThenFixedThenImportedInOrder) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "DUPE", {{31, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ls_fake::VariantPatch fixed;
  fixed.sku = "POSTER";
  w.lightspeed().update_variant(31, fixed);
  w.engine()->import_order("DUPE", nullptr);
  w.run_until(kStart + Duration::minutes(10));

  boost::json::object story = live::order_story(w.store(), "DUPE", w.clock().now());
  std::vector<std::string> whats;
  for (const auto& d : story.at("decisions").as_array()) whats.emplace_back(d.at("what").as_string());
  std::vector<std::string> expected = {"order_held", "order_by_hand_asked", "order_imported", "order_processed",
                                       "order_by_hand"};
  EXPECT_EQ(whats, expected) << json::serialize(story);
  std::string text = live::story_text(story);
  EXPECT_NE(text.find("held: duplicate_sku"), std::string::npos) << text;
  for (const char* personal : {"Ann", "de Vries", "ann@example.nl"}) {
    EXPECT_EQ(text.find(personal), std::string::npos) << personal << " in\n" << text;
    EXPECT_EQ(json::serialize(story).find(personal), std::string::npos) << personal;
  }
}

}  // namespace
}  // namespace lpsync::testing
