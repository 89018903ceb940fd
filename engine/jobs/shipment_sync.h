// Shipments from Picqer to the shop (section 5), while active, send_shipments and not
// read-only. For every imported order that got a Picqer shipment that is not cancelled,
// the shop hears of it no sooner than shipment_delay after Picqer made it: the order is
// checked again then, its shipments read afresh, and one cancelled by then is never told.
// The order's Lightspeed shipment is marked shipped with the tracking code, or, for a
// pickup order, written doNotifyReadyForPickup (never "shipped"); the customer is notified
// exactly once per Picqer shipment (an intent before the write; after a lost answer the
// shop's shipment or order is read back instead of written again). Later shipments of the
// same order are reported, not pushed. Triggers: the shipment webhook, and a poll of
// Picqer's completed orders since the oldest open imported order.
#pragma once

#include <map>
#include <set>

#include "engine/core/scheduler.h"
#include "engine/jobs/step.h"
#include "engine/rules/shipment_rules.h"

namespace lpsync {

class ShipmentSync final : public Job {
 public:
  // What the job touches besides the basics.
  struct Parts {
    LightspeedReads& lightspeed;
    ShopWrites shop_writes;
    PicqerClient& picqer;
    const OrderLinkStore& orders;
    ShipmentPushStore& pushes;
    IntentStore& intents;
    StoreCommits& commits;
  };
  ShipmentSync(JobBasics basics, Parts parts) : basics_(basics), parts_(parts) {}

  std::string_view name() const override { return "shipments"; }
  Priority priority() const override { return Priority::shipments; }
  std::optional<Instant> run(Instant now) override;

  // A webhook said this Picqer order may have a new shipment.
  Instant order_shipped(int64_t idorder, Instant now);
  static constexpr Duration kWebhookDelay = Duration::seconds(5);

 private:
  Step poll_completed();
  void queue_due(Instant now);
  StepWith<std::vector<pq::Shipment>> shipments_of(const OrderLink& link);
  Step check_order(const OrderLink& link);
  ShipmentFacts facts_of(const OrderLink& link, const pq::Shipment& shipment);
  void wait_until(const OrderLink& link, Instant at);
  bool room_to_wait(int64_t idorder);
  StepWith<ls::Order> shop_order(const OrderLink& link);
  Step push(const OrderLink& link, const pq::Shipment& shipment, ShipmentFacts facts);
  std::optional<OrderLink> link_of_picqer_order(int64_t idorder) const;

  JobBasics basics_;
  Parts parts_;
  Backoff backoff_;
  std::set<int64_t> queued_;  // idorders to check
  std::map<int64_t, Instant> waiting_;     // idorder -> when its next shipment may reach the shop
  std::map<int64_t, Instant> first_seen_;  // idshipment -> first read, for shipments without `created`
  Instant next_poll_;
};

}  // namespace lpsync
