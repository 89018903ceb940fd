#include "engine/rules/order_lifecycle.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

using Action = FollowUp::Action;

ls::Order order_with(std::string status, std::string payment) {
  ls::Order o;
  o.number = "ORD1";
  o.status = std::move(status);
  o.payment_status = std::move(payment);
  o.shipment_status = "not_shipped";
  return o;
}
ls::Order paid() { return order_with("processing_awaiting_shipment", "paid"); }
ls::Order unpaid() { return order_with("processing_awaiting_payment", "not_paid"); }
ls::Order cancelled() { return order_with("cancelled", "cancelled"); }

OrderAsImported at(PicqerStage stage) { return {stage, false, false}; }

TEST(NeedsPersonReason, NamesRoundTrip) {
  for (auto r : {NeedsPersonReason::cancelled_after_pick, NeedsPersonReason::on_hold_after_import,
                 NeedsPersonReason::lines_changed_after_import}) {
    EXPECT_EQ(parse_needs_person_reason(to_string(r)), r);
    EXPECT_FALSE(explain(r).empty());
  }
  EXPECT_EQ(parse_needs_person_reason("cancelled"), std::nullopt);
}

TEST(OrderShippable, PaidOrEligibleUnderEligibleToShip) {
  EXPECT_TRUE(order_shippable(paid(), OrderFilter::all));
  EXPECT_FALSE(order_shippable(unpaid(), OrderFilter::all));
  ls::Order cod = unpaid();
  cod.shipment_is_cash_on_delivery = true;
  EXPECT_TRUE(order_shippable(cod, OrderFilter::eligible_to_ship));
  EXPECT_FALSE(order_shippable(cod, OrderFilter::all)) << "cash on delivery is shippable only under its filter";
  ls::Order post = unpaid();
  post.payment_is_post = true;
  EXPECT_TRUE(order_shippable(post, OrderFilter::eligible_to_ship));
}

TEST(AfterCreate, PaidIsProcessedUnpaidIsAllocated) {
  EXPECT_EQ(after_create(paid(), OrderFilter::paid, true), AfterCreate::process);
  EXPECT_EQ(after_create(paid(), OrderFilter::all, true), AfterCreate::process);
  EXPECT_EQ(after_create(unpaid(), OrderFilter::all, true), AfterCreate::allocate);
  EXPECT_EQ(after_create(unpaid(), OrderFilter::all, false), AfterCreate::allocate);
  EXPECT_EQ(after_create(paid(), OrderFilter::paid, false), AfterCreate::leave_concept);
}

OrderAsImported allocated() { return {PicqerStage::unprocessed, true, false}; }

TEST(FollowUp, UnpaidOrderIsAllocatedOnceThenProcessedWhenPaid) {
  EXPECT_EQ(follow_up(unpaid(), at(PicqerStage::unprocessed), OrderFilter::all, true).action, Action::allocate);
  EXPECT_EQ(follow_up(unpaid(), allocated(), OrderFilter::all, true).action, Action::nothing);
  EXPECT_EQ(follow_up(paid(), allocated(), OrderFilter::all, true).action, Action::process);
  EXPECT_EQ(follow_up(unpaid(), at(PicqerStage::processing), OrderFilter::all, true).action, Action::nothing);
  EXPECT_EQ(follow_up(paid(), at(PicqerStage::unprocessed), OrderFilter::all, true).action, Action::process);
  EXPECT_EQ(follow_up(paid(), at(PicqerStage::unprocessed), OrderFilter::all, false).action, Action::nothing);
  EXPECT_EQ(follow_up(paid(), at(PicqerStage::processing), OrderFilter::all, true).action, Action::nothing);
}

TEST(FollowUp, NotProcessedWhenTheShopShippedItItself) {
  ls::Order o = paid();
  o.shipment_status = "shipped";
  EXPECT_EQ(follow_up(o, at(PicqerStage::unprocessed), OrderFilter::all, true).action, Action::nothing);
}

TEST(FollowUp, CancellationByPicqerStage) {
  EXPECT_EQ(follow_up(cancelled(), at(PicqerStage::unprocessed), OrderFilter::all, true).action, Action::cancel);
  EXPECT_EQ(follow_up(cancelled(), at(PicqerStage::processing), OrderFilter::paid, true).action,
            Action::cancel_force);
  for (auto stage : {PicqerStage::picked, PicqerStage::completed}) {
    FollowUp f = follow_up(cancelled(), at(stage), OrderFilter::paid, true);
    EXPECT_EQ(f.action, Action::needs_person);
    EXPECT_EQ(f.reason, NeedsPersonReason::cancelled_after_pick);
  }
  EXPECT_EQ(follow_up(cancelled(), at(PicqerStage::cancelled), OrderFilter::paid, true).action, Action::nothing);
  // A failed payment cancels too.
  EXPECT_EQ(follow_up(order_with("processing_awaiting_payment", "cancelled"), at(PicqerStage::unprocessed),
                      OrderFilter::all, true)
                .action,
            Action::cancel);
}

TEST(FollowUp, OnHoldAndChangedLinesNeedAPerson) {
  FollowUp hold = follow_up(order_with("on_hold", "paid"), at(PicqerStage::processing), OrderFilter::paid, true);
  EXPECT_EQ(hold, (FollowUp{Action::needs_person, NeedsPersonReason::on_hold_after_import}));
  OrderAsImported changed = at(PicqerStage::processing);
  changed.lines_changed = true;
  EXPECT_EQ(follow_up(paid(), changed, OrderFilter::paid, true),
            (FollowUp{Action::needs_person, NeedsPersonReason::lines_changed_after_import}));
  // A cancellation outranks changed lines: the order is stopped, not corrected.
  EXPECT_EQ(follow_up(cancelled(), changed, OrderFilter::paid, true).action, Action::cancel_force);
}

TEST(PicqerStage, FromStatusAndPicklists) {
  pq::Order o;
  o.status = "concept";
  EXPECT_EQ(picqer_stage(o, {}), PicqerStage::unprocessed);
  o.status = "expected";
  EXPECT_EQ(picqer_stage(o, {}), PicqerStage::unprocessed);
  o.status = "processing";
  EXPECT_EQ(picqer_stage(o, {{1, 9, "new"}}), PicqerStage::processing);
  EXPECT_EQ(picqer_stage(o, {{1, 9, "new"}, {2, 9, "closed"}}), PicqerStage::picked);
  o.status = "paused";
  EXPECT_EQ(picqer_stage(o, {}), PicqerStage::processing);
  o.status = "completed";
  EXPECT_EQ(picqer_stage(o, {{2, 9, "closed"}}), PicqerStage::completed);
  o.status = "cancelled";
  EXPECT_EQ(picqer_stage(o, {{2, 9, "closed"}}), PicqerStage::cancelled);
}

TEST(OrderLinesDigest, SameLinesInAnyOrderSameDigestAnyChangeAnother) {
  ls::OrderLine a{1, 11, 0, "", "", "SKU-A", "", "", 2};
  ls::OrderLine b{2, 12, 0, "", "", "SKU-B", "", "", 1};
  std::string d = order_lines_digest({a, b});
  EXPECT_EQ(order_lines_digest({b, a}), d);
  ls::OrderLine more = b;
  more.quantity = 3;
  EXPECT_NE(order_lines_digest({a, more}), d);
  EXPECT_NE(order_lines_digest({a}), d);
  ls::OrderLine other = b;
  other.variant_id = 13;
  EXPECT_NE(order_lines_digest({a, other}), d);
  EXPECT_NE(order_lines_digest({}), "");
}

// For every order, stage, filter and setting: nothing unpaid is ever processed, a cancelled
// order is never processed, and a reason is given exactly when a person is needed.
RC_GTEST_PROP(OrderLifecycle, NothingUnpaidOrCancelledIsProcessed, ()) {
  ls::Order o;
  o.status = *rc::gen::element<std::string>("processing_awaiting_payment", "processing_awaiting_shipment",
                                            "processing_awaiting_pickup", "on_hold", "cancelled", "completed_shipped");
  o.payment_status = *rc::gen::element<std::string>("paid", "not_paid", "partially_paid", "cancelled");
  o.shipment_status = *rc::gen::element<std::string>("not_shipped", "shipped", "partially_shipped");
  o.shipment_is_cash_on_delivery = *rc::gen::arbitrary<bool>();
  o.payment_is_post = *rc::gen::arbitrary<bool>();
  auto filter = *rc::gen::element(OrderFilter::paid, OrderFilter::all, OrderFilter::eligible_to_ship);
  bool process_orders = *rc::gen::arbitrary<bool>();
  OrderAsImported imported{*rc::gen::element(PicqerStage::unprocessed, PicqerStage::processing, PicqerStage::picked,
                                           PicqerStage::completed, PicqerStage::cancelled),
                         *rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>()};

  FollowUp f = follow_up(o, imported, filter, process_orders);
  bool shop_cancelled = status_gate(o) == HeldReason::cancelled;
  if (f.action == Action::process) {
    RC_ASSERT(order_shippable(o, filter));
    RC_ASSERT(!shop_cancelled);
    RC_ASSERT(process_orders);
  }
  if (after_create(o, filter, process_orders) == AfterCreate::process) RC_ASSERT(order_shippable(o, filter));
  if (f.action == Action::allocate) {
    RC_ASSERT(!order_shippable(o, filter));
    RC_ASSERT(!imported.allocated);
    RC_ASSERT(imported.stage == PicqerStage::unprocessed);
  }
  RC_ASSERT(f.reason.has_value() == (f.action == Action::needs_person));
  if (shop_cancelled && imported.stage != PicqerStage::cancelled) {
    RC_ASSERT(f.action == Action::cancel || f.action == Action::cancel_force ||
              f.reason == NeedsPersonReason::cancelled_after_pick);
  }
}

}  // namespace
}  // namespace lpsync
