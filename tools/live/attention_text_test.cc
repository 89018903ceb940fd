#include "tools/live/attention_text.h"

#include <gtest/gtest.h>

#include "tools/live/report_text.h"

namespace lpsync::live {
namespace {

const Instant kNow = *parse_iso8601("2026-11-02T20:00:00Z");

TEST(AttentionText, AgesInWholeUnits) {
  EXPECT_EQ(age_text(Duration::seconds(45)), "45 s");
  EXPECT_EQ(age_text(Duration::minutes(12) + Duration::seconds(59)), "12 min");
  EXPECT_EQ(age_text(Duration::hours(3) + Duration::minutes(12)), "3 h 12 min");
  EXPECT_EQ(age_text(Duration::hours(53)), "2 d 5 h");
  EXPECT_EQ(age_text(Duration::seconds(-5)), "0 s");
}

TEST(AttentionText, AHeldOrderSaysItsAgeReasonAndFix) {
  HeldOrder h{7, "ORD7", HeldReason::duplicate_sku, kNow - Duration::hours(3) - Duration::minutes(12)};
  EXPECT_EQ(held_line(h, kNow),
            "ORD7: held 3 h 12 min: duplicate_sku - a line's variant shares its SKU with another variant; fix: give "
            "each variant its own SKU in the shop, then lpsync import-order ORD7");
  // Nothing to ask for when there is nothing to import.
  h.reason = HeldReason::cancelled;
  EXPECT_EQ(held_line(h, kNow).find("import-order"), std::string::npos);
}

TEST(AttentionText, ListsAreCountedAndCapped) {
  std::vector<HeldOrder> held;
  for (int i = 0; i < 3; ++i) held.push_back({i, "ORD" + std::to_string(i), HeldReason::not_paid, kNow});
  std::string text = held_text(held, kNow, 2);
  EXPECT_EQ(text.rfind("Orders held (not imported): 3\n", 0), 0u) << text;
  EXPECT_NE(text.find("  ORD1: held 0 s: not_paid"), std::string::npos) << text;
  EXPECT_NE(text.find("  ... and 1 more\n"), std::string::npos) << text;
  EXPECT_EQ(needs_person_text({}, kNow), "Orders needing a person: 0\n");
  OrderNeedingPerson n{"ORD5", "cancelled_after_pick", "cancelled in the shop after it was picked", kNow - Duration::minutes(5)};
  EXPECT_EQ(needs_person_text({n}, kNow),
            "Orders needing a person: 1\n  ORD5: needs a person for 5 min: cancelled_after_pick - cancelled in the "
            "shop after it was picked\n");
}

TEST(AttentionText, EachByHandAnswerSaysWhatHappened) {
  Settings s;
  auto text = [&](ByHandResult r, std::optional<HeldReason> reason = std::nullopt) {
    return by_hand_text({"ORD1", r, reason, 42, "Picqer refused the key", kNow}, s);
  };
  EXPECT_EQ(text(ByHandResult::imported), "Order ORD1 imported into Picqer: Picqer order 42.\n");
  EXPECT_NE(text(ByHandResult::already_imported).find("already in Picqer (Picqer order 42): nothing was created again"),
            std::string::npos);
  EXPECT_EQ(text(ByHandResult::held, HeldReason::missing_sku),
            "Order ORD1 was not imported: missing_sku - a line's variant has no SKU.\nFix: give the line's variant a "
            "SKU in the shop; then run lpsync import-order ORD1 again.\n");
  EXPECT_NE(text(ByHandResult::not_found).find("The shop has no order with number ORD1"), std::string::npos);
  EXPECT_NE(text(ByHandResult::not_active).find("not active (settings.active is false), so nothing was written"),
            std::string::npos);
  EXPECT_NE(text(ByHandResult::failed).find("not imported: Picqer refused the key"), std::string::npos);
}

// status reads the orders needing a person from the state (the order links keep them), so it
// shows them without a running engine or a status file of the last run.
TEST(AttentionText, StatusListsTheOrdersNeedingAPersonFromTheState) {
  MemoryStateStore store;
  store.put_order_link({7, "ORD7", 70, true, kNow - Duration::hours(5), false, false, "d/1", kNow - Duration::hours(2),
                        "on_hold_after_import", false});
  store.put_order_link({8, "ORD8", 80, true, kNow - Duration::hours(5)});
  std::string text = status_text(status_document(store), kNow);
  EXPECT_NE(text.find("Orders needing a person: 1\n  ORD7: needs a person for 2 h 0 min: on_hold_after_import - put on "
                      "hold in the shop"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("ORD8: needs"), std::string::npos) << text;
}

}  // namespace
}  // namespace lpsync::live
