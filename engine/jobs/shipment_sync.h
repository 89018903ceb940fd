// Shipments from Picqer to the shop (section 5), while active, send_shipments and not
// read-only. For every imported order that got a Picqer shipment that is not cancelled,
// the order's Lightspeed shipment is marked shipped with the tracking code, and the
// customer notified: exactly once per Picqer shipment (an intent before the write; after a
// lost answer the shop's shipment is read back instead of written again). Later shipments
// of the same order are reported, not pushed. Triggers: the shipment webhook, and a poll
// of Picqer's completed orders since the oldest open imported order.
#pragma once

#include <set>

#include "engine/core/scheduler.h"
#include "engine/jobs/step.h"

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
  Step check_order(const OrderLink& link);
  Step push(const OrderLink& link, const pq::Shipment& shipment);
  std::optional<OrderLink> link_of_picqer_order(int64_t idorder) const;

  JobBasics basics_;
  Parts parts_;
  Backoff backoff_;
  std::set<int64_t> queued_;  // idorders to check
  Instant next_poll_;
};

}  // namespace lpsync
