#include "engine/rules/order_by_hand.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

// An order of the shop that the gate and the `paid` filter let through.
ls::Order paid_order() {
  return {.id = 1, .number = "ORD1", .status = "processing_awaiting_shipment", .payment_status = "paid",
          .shipment_status = "not_shipped"};
}

TEST(OrderByHand, AnOrderThatPassesIsImportedWhateverItsAge) {
  ls::Order o = paid_order();
  o.updated_at = *parse_iso8601("2020-01-01T00:00:00Z");  // years outside the window
  EXPECT_EQ(by_hand_decision({o}, false, true, OrderFilter::paid), std::nullopt);
}

TEST(OrderByHand, NotFoundWhenTheShopListsNone) {
  EXPECT_EQ(by_hand_decision({}, false, true, OrderFilter::paid),
            (ByHandVerdict{ByHandResult::not_found, std::nullopt}));
}

TEST(OrderByHand, AlreadyImportedComesFirstEvenWhileInactive) {
  ls::Order o = paid_order();
  o.status = "cancelled";
  EXPECT_EQ(by_hand_decision({o}, true, false, OrderFilter::paid),
            (ByHandVerdict{ByHandResult::already_imported, std::nullopt}));
}

TEST(OrderByHand, TheGateAndTheFilterGiveTheReason) {
  ls::Order o = paid_order();
  o.status = "on_hold";
  EXPECT_EQ(by_hand_decision({o}, false, true, OrderFilter::paid), (ByHandVerdict{ByHandResult::held, HeldReason::on_hold}));
  o = paid_order();
  o.payment_status = "not_paid";
  EXPECT_EQ(by_hand_decision({o}, false, true, OrderFilter::paid), (ByHandVerdict{ByHandResult::held, HeldReason::not_paid}));
  EXPECT_EQ(by_hand_decision({o}, false, true, OrderFilter::all), std::nullopt);
}

TEST(OrderByHand, AnInactiveConnectionWritesNothing) {
  EXPECT_EQ(by_hand_decision({paid_order()}, false, false, OrderFilter::paid),
            (ByHandVerdict{ByHandResult::not_active, std::nullopt}));
}

TEST(OrderByHand, ResultWordsRoundTrip) {
  for (auto r : {ByHandResult::imported, ByHandResult::already_imported, ByHandResult::held, ByHandResult::not_found,
                 ByHandResult::not_active, ByHandResult::failed}) {
    EXPECT_EQ(parse_by_hand_result(to_string(r)), r);
  }
  EXPECT_EQ(parse_by_hand_result("imported_now"), std::nullopt);
}

}  // namespace
}  // namespace lpsync
