// Delivery of webhooks: each event that matches an active webhook becomes one HTTP POST
// through the injected transport, sent `delay` after the event on the fake's clock, with
// the body as it was at the event. The fault plan's webhook_drop loses a delivery;
// webhook_duplicate sends it twice (the copies at the same instant, one after the other).
// Deliveries are not retried, whatever the receiver answers. Every delivery, sent or
// dropped, is recorded for tests: the most recent kLogLimit of them. At most kMaxPending
// deliveries wait at once; past that a delivery is dropped as "queue full" (issue 14, item 12),
// so a flood of events cannot grow the fake without bound.
#pragma once

#include <boost/json.hpp>

#include <deque>
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

  static constexpr size_t kMaxPending = 10'000;
  static constexpr size_t kLogLimit = 10'000;
  // A test lowers the caps to reach them.
  void set_caps(size_t max_pending, size_t log_limit) {
    max_pending_ = max_pending;
    log_limit_ = log_limit;
  }

  // The most recent deliveries (at most the log limit), oldest first.
  const std::deque<WebhookDelivery>& deliveries() const { return deliveries_; }
  // Deliveries scheduled but not sent yet.
  size_t pending() const { return timers_.size(); }
  // Deliveries dropped because kMaxPending were waiting.
  size_t queue_full_drops() const { return queue_full_drops_; }

 private:
  void add(WebhookDelivery d);
  void record(WebhookDelivery d);

  Clock& clock_;
  Transport& transport_;
  FaultPlan& faults_;
  std::deque<WebhookDelivery> deliveries_;
  size_t first_seq_ = 0;  // the number of the oldest delivery still in deliveries_
  std::set<TimerId> timers_;
  size_t max_pending_ = kMaxPending, log_limit_ = kLogLimit, queue_full_drops_ = 0;
};

// The body of an event's delivery, {"order":{...}} with related resources embedded (see
// Serializer); nullopt when the group has no payload in this fake or the object is gone.
std::optional<boost::json::object> event_payload(const Serializer& json, const Shop& shop, const ShopEvent& event);

}  // namespace lpsync::fakes::lightspeed
