// Importing one order by hand (sync-rules section 2) through Engine::import_order, against
// both fakes: an order older than the 12-hour window is imported once asked, never twice;
// held and unknown orders get their reason; an inactive connection writes nothing; and the
// request needs no order poll before it, even when it creates a product (base stock).
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

struct Asked {
  std::optional<ByHandAnswer> answer;
  int64_t polls_when_answered = -1;
};

// Asks now, runs the clock a minute, and returns the answer.
Asked ask(sim::World& w, const std::string& number) {
  Asked out;
  w.engine()->import_order(number, [&](const ByHandAnswer& a) {
    out.answer = a;
    out.polls_when_answered = w.engine()->report_as_is().order_polls;
  });
  w.run_until(w.clock().now() + Duration::minutes(1));
  return out;
}

TEST(OrderByHand, AnOrderOlderThanTheWindowIsImportedOnceAsked) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "OLD", {{31, 1}});  // DUP: held for its duplicate SKU
  w.start_engine();
  w.run_until(kStart + Duration::hours(13));
  EXPECT_TRUE(picqer_references(w).empty());
  EXPECT_TRUE(w.engine()->report().held.empty()) << "out of the window: no longer listed";

  ls_fake::VariantPatch fixed;
  fixed.sku = "POSTER";
  w.lightspeed().update_variant(31, fixed);
  Asked first = ask(w, "OLD");
  ASSERT_TRUE(first.answer);
  EXPECT_EQ(first.answer->result, ByHandResult::imported);
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"OLD"}));
  EXPECT_EQ(first.answer->idorder, w.picqer().orders_by_reference("OLD").at(0).idorder);

  Asked again = ask(w, "OLD");
  ASSERT_TRUE(again.answer);
  EXPECT_EQ(again.answer->result, ByHandResult::already_imported);
  EXPECT_EQ(again.answer->idorder, first.answer->idorder);
  EXPECT_EQ(w.picqer().orders_by_reference("OLD").size(), 1u);
  EXPECT_EQ(w.engine()->report().by_hand.size(), 2u);
}

// An order held in the window and imported by hand leaves the held list at once (the report
// and the store, which `status` shows), not only at the next poll.
TEST(OrderByHand, AnImportedOrderIsNoLongerListedAsHeld) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "DUPE", {{31, 1}});
  place_order(w, "PAID", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(w.store().held().size(), 1u);
  ls_fake::VariantPatch fixed;
  fixed.sku = "POSTER";
  w.lightspeed().update_variant(31, fixed);
  w.engine()->import_order("DUPE", nullptr);
  w.clock().run_until(w.clock().now() + Duration::seconds(1));  // the by-hand job only, no poll yet
  ASSERT_EQ(w.picqer().orders_by_reference("DUPE").size(), 1u);
  EXPECT_TRUE(w.store().held().empty());
  EXPECT_TRUE(w.engine()->report_as_is().held.empty());
}

TEST(OrderByHand, HeldAndUnknownOrdersAreAnsweredWithTheirReason) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "DUPE", {{11, 1}, {41, 1}});
  place_order(w, "UNPAID", {{21, 1}}, "not_paid");
  w.start_engine();
  w.run_until(kStart + Duration::hours(13));
  Asked dupe = ask(w, "DUPE");
  ASSERT_TRUE(dupe.answer);
  EXPECT_EQ(dupe.answer->result, ByHandResult::held);
  EXPECT_EQ(dupe.answer->reason, HeldReason::duplicate_sku);
  Asked unpaid = ask(w, "UNPAID");
  ASSERT_TRUE(unpaid.answer);
  EXPECT_EQ(unpaid.answer->reason, HeldReason::not_paid);
  Asked none = ask(w, "ORD404");
  ASSERT_TRUE(none.answer);
  EXPECT_EQ(none.answer->result, ByHandResult::not_found);
  EXPECT_TRUE(picqer_references(w).empty());
}

TEST(OrderByHand, AnInactiveConnectionWritesNothing) {
  Settings s;  // not active
  sim::World w(world_config(s));
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  size_t writes_before = w.picqer().journal().writes();
  Asked a = ask(w, "ORD1");
  ASSERT_TRUE(a.answer);
  EXPECT_EQ(a.answer->result, ByHandResult::not_active);
  EXPECT_EQ(w.picqer().journal().writes(), writes_before);
  EXPECT_TRUE(picqer_references(w).empty());
}

TEST(OrderByHand, NeedsNoPollBeforeItEvenToCreateAProduct) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "ORD1", {{21, 2}});  // MUG is not in Picqer: created, base stock counts the open orders
  place_order(w, "ORD2", {{21, 1}}, "not_paid");
  w.start_engine();
  // Asked at the start, due with the first poll: the request goes first, so no poll has
  // counted the open orders yet; it counts them itself instead of waiting for ever.
  Asked a = ask(w, "ORD1");
  ASSERT_TRUE(a.answer);
  EXPECT_EQ(a.answer->result, ByHandResult::imported);
  EXPECT_EQ(a.polls_when_answered, 0);
  // 9 - 2 - 1 = 6 in the shop, plus both open orders (2 + 1): 9.
  EXPECT_EQ(w.picqer().stock("MUG", 1).stock, 9);
  EXPECT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
}

// Section 12: held orders are listed with their age, so the held list keeps the time each
// order was first held for its reason (in the report and the store, across a restart).
TEST(OrderByHand, HeldOrdersKeepTheTimeTheyWereFirstHeld) {
  sim::World w(world_config());
  add_standard_catalogue(w);
  place_order(w, "DUPE", {{31, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::hours(3));
  w.crash();
  w.run_until(kStart + Duration::hours(3) + Duration::minutes(10));
  ASSERT_EQ(w.engine()->report().held.size(), 1u);
  EXPECT_EQ(w.engine()->report().held[0].decided_at, kStart);
  EXPECT_EQ(w.store().held().at(0).decided_at, kStart);
  EXPECT_GE(w.engine()->report().last_order_poll, kStart + Duration::hours(3));
}

}  // namespace
}  // namespace lpsync::testing
