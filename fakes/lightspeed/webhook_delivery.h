// Delivery of webhooks: each event that matches an active webhook becomes one HTTP POST
// through the injected transport, sent `delay` after the event on the fake's clock, with
// the body as it was at the event. The fault plan's webhook_drop loses a delivery;
// webhook_duplicate sends it twice (the copies at the same instant, one after the other).
// Deliveries are not retried, whatever the receiver answers. Every delivery, sent or
// dropped, is recorded for tests.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "fakes/common/fault_plan.h"
#include "fakes/lightspeed/serialize.h"

namespace lpsync::fakes::lightspeed {

struct WebhookDelivery {
  int64_t webhook_id = 0;
  std::string event;  // "orders/updated"
  int64_t object_id = 0;
  Instant due;        // when it is (or was to be) sent
  Request request;
  int copy = 1;             // 2 for the second copy of a webhook_duplicate fault
  bool dropped = false;     // lost to a webhook_drop fault: never sent
  bool sent = false;
  std::optional<int> status;  // the receiver's answer, when one came
  std::string error;          // the transport error, when none came
};

class WebhookSender {
 public:
  WebhookSender(Clock& clock, Transport& transport, FaultPlan& faults)
      : clock_(clock), transport_(transport), faults_(faults) {}
  ~WebhookSender();
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  void schedule(int64_t webhook_id, const std::string& event, int64_t object_id, Request request, Duration delay);

  const std::vector<WebhookDelivery>& deliveries() const { return deliveries_; }
  // Deliveries scheduled but not sent yet.
  size_t pending() const { return timers_.size(); }

 private:
  void add(WebhookDelivery d);

  Clock& clock_;
  Transport& transport_;
  FaultPlan& faults_;
  std::vector<WebhookDelivery> deliveries_;
  std::set<TimerId> timers_;
};

// The body of an event's delivery, {"order":{...}} with related resources embedded (see
// Serializer); nullopt when the group has no payload in this fake or the object is gone.
std::optional<boost::json::object> event_payload(const Serializer& json, const Shop& shop, const ShopEvent& event);

}  // namespace lpsync::fakes::lightspeed
