#include "engine/rules/order_rules.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

ls::Order paid_order() {
  ls::Order o;
  o.status = "processing_awaiting_shipment";
  o.payment_status = "paid";
  o.shipment_status = "not_shipped";
  return o;
}

TEST(OrderWindow, IncludesTheBoundAndNothingOlder) {
  Instant now = *parse_iso8601("2026-11-02T20:00:00Z");
  EXPECT_EQ(order_window_start(now), *parse_iso8601("2026-11-02T08:00:00Z"));
  EXPECT_TRUE(in_order_window(now - Duration::hours(12), now));
  EXPECT_FALSE(in_order_window(now - Duration::hours(12) - Duration::seconds(1), now));
  EXPECT_TRUE(in_order_window(now, now));
}

TEST(CatalogRead, ServesAnOrderOnlyWhenFreshAndBegunAfterTheOrderTookItsState) {
  const Instant now = *parse_iso8601("2026-11-02T10:00:00Z");
  const Instant order = now - Duration::minutes(3);
  // Began 2 minutes after the order, 50 s ago: serves.
  EXPECT_TRUE(catalog_read_serves(now - Duration::seconds(50), now, order));
  // Exactly a minute old, and exactly a minute after the order: both bounds included.
  EXPECT_TRUE(catalog_read_serves(now - Duration::minutes(1), now, now - Duration::minutes(2)));
  // Older than a minute: the merchant may have changed a SKU since.
  EXPECT_FALSE(catalog_read_serves(now - Duration::seconds(61), now, order));
  // Began before the order, or less than the shop's clock allowance after it.
  EXPECT_FALSE(catalog_read_serves(now - Duration::seconds(10), now, now - Duration::seconds(40)));
  EXPECT_FALSE(catalog_read_serves(now - Duration::seconds(10), now, now - Duration::seconds(5)));
}

TEST(StatusGate, EachReason) {
  ls::Order o = paid_order();
  EXPECT_EQ(status_gate(o), std::nullopt);

  o = paid_order(), o.status = "cancelled";
  EXPECT_EQ(status_gate(o), HeldReason::cancelled);
  o = paid_order(), o.payment_status = "cancelled";
  EXPECT_EQ(status_gate(o), HeldReason::cancelled);

  for (const char* s : {"partially_shipped", "shipped", "cancelled_"}) {
    o = paid_order(), o.shipment_status = s;
    EXPECT_EQ(status_gate(o), HeldReason::shipped) << s;
  }
  for (const char* s : {"completed", "completed_shipped", "completed_picked_up"}) {
    o = paid_order(), o.status = s;
    EXPECT_EQ(status_gate(o), HeldReason::shipped) << s;
  }

  o = paid_order(), o.status = "on_hold";
  EXPECT_EQ(status_gate(o), HeldReason::on_hold);

  for (const char* s : {"new", "offer", "processing", "", "PROCESSING_awaiting_shipment"}) {
    o = paid_order(), o.status = s;
    EXPECT_EQ(status_gate(o), HeldReason::unknown_status) << s;
  }
  for (const char* s : {"processing_awaiting_payment", "processing_awaiting_pickup", "processing_ready_for_pickup",
                        "processing_partially_paid"}) {
    o = paid_order(), o.status = s;
    EXPECT_EQ(status_gate(o), std::nullopt) << s;
  }
}

TEST(StatusGate, CancelledWinsOverShipped) {
  ls::Order o = paid_order();
  o.status = "cancelled";
  o.shipment_status = "shipped";
  EXPECT_EQ(status_gate(o), HeldReason::cancelled);
}

TEST(OrderFilter, Paid) {
  ls::Order o = paid_order();
  EXPECT_EQ(order_filter(o, OrderFilter::paid), std::nullopt);
  for (const char* s : {"not_paid", "partially_paid"}) {
    o.payment_status = s;
    EXPECT_EQ(order_filter(o, OrderFilter::paid), HeldReason::not_paid) << s;
  }
  o.shipment_is_cash_on_delivery = true;  // cash on delivery is not paid
  EXPECT_EQ(order_filter(o, OrderFilter::paid), HeldReason::not_paid);
}

TEST(OrderFilter, All) {
  ls::Order o = paid_order();
  for (const char* s : {"not_paid", "partially_paid", "paid"}) {
    o.payment_status = s;
    EXPECT_EQ(order_filter(o, OrderFilter::all), std::nullopt) << s;
  }
  o.payment_status = "cancelled";
  EXPECT_EQ(order_decision(o, OrderFilter::all), HeldReason::cancelled);
}

TEST(OrderFilter, EligibleToShip) {
  ls::Order o = paid_order();
  EXPECT_EQ(order_filter(o, OrderFilter::eligible_to_ship), std::nullopt);
  o.payment_status = "not_paid";
  EXPECT_EQ(order_filter(o, OrderFilter::eligible_to_ship), HeldReason::not_eligible_to_ship);
  o.shipment_is_cash_on_delivery = true;
  EXPECT_EQ(order_filter(o, OrderFilter::eligible_to_ship), std::nullopt);
  o.shipment_is_cash_on_delivery = false;
  o.payment_is_post = true;
  EXPECT_EQ(order_filter(o, OrderFilter::eligible_to_ship), std::nullopt);
}

TEST(OrderDecision, GateComesBeforeFilter) {
  ls::Order o = paid_order();
  o.payment_status = "not_paid";
  o.status = "on_hold";
  EXPECT_EQ(order_decision(o, OrderFilter::paid), HeldReason::on_hold);
  o.status = "processing_awaiting_payment";
  EXPECT_EQ(order_decision(o, OrderFilter::paid), HeldReason::not_paid);
}

TEST(PendingStock, OnlyOrdersNeitherCancelledNorShipped) {
  ls::Order o = paid_order();
  EXPECT_TRUE(order_holds_unreserved_stock(o));
  o.payment_status = "not_paid";
  EXPECT_TRUE(order_holds_unreserved_stock(o));
  o.status = "on_hold";
  EXPECT_TRUE(order_holds_unreserved_stock(o));
  o.status = "cancelled";
  EXPECT_FALSE(order_holds_unreserved_stock(o));
  o = paid_order(), o.shipment_status = "shipped";
  EXPECT_FALSE(order_holds_unreserved_stock(o));
}

TEST(Reasons, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(HeldReason::product_not_in_picqer); ++i) {
    auto r = static_cast<HeldReason>(i);
    EXPECT_EQ(parse_held_reason(to_string(r)), r);
  }
  EXPECT_FALSE(parse_held_reason("paid"));
  EXPECT_EQ(parse_sku_problem("duplicate_sku"), SkuProblem::duplicate_sku);
  EXPECT_EQ(held_reason_for(SkuProblem::missing_sku), HeldReason::missing_sku);
}

}  // namespace
}  // namespace lpsync
