// Webhook deliveries: each event goes to every active hook subscribed to it, as an HTTP POST
// through the injected transport, `webhook_delay` after the event. The body is
// {idhook, name, event, event_triggered_at, data}, signed with X-Picqer-Signature =
// base64(HMAC-SHA256(body, secret)) when the hook has a secret. A transport error or a status
// outside 200-299 fails the attempt; it is retried after each of `webhook_retry_delays` with the
// same body. A delivery that fails every attempt is a complete failure; `webhook_deactivate_after`
// complete failures within `webhook_deactivate_window` deactivate the hook. Attempts due for an
// inactive (or removed) hook are not sent. The fault plan's webhook_drop loses a delivery and
// webhook_duplicate sends it twice.
//
// Locking: publish() runs under the fake's lock; the timers take that lock themselves and never
// hold it while sending, so a receiver may call the fake back from inside a delivery.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "fakes/common/fault_plan.h"
#include "fakes/picqer/account.h"

namespace lpsync::fakes::picqer {

// One attempt (or a decision not to attempt), for tests and reports.
struct DeliveryAttempt {
  int64_t iddelivery = 0;
  int64_t idhook = 0;
  std::string event;
  int attempt = 0;  // 0: the first; 1..: retries
  Instant at;
  int status = 0;   // the receiver's HTTP status; 0 when there was none
  std::string outcome;  // "delivered", "failed: ...", "dropped (fault)", "hook inactive"
};

class Deliveries {
 public:
  Deliveries(Clock& clock, Transport& transport, std::mutex& mu, Account& account, FaultPlan& faults);
  ~Deliveries();  // cancels every timer still set
  Deliveries(const Deliveries&) = delete;
  Deliveries& operator=(const Deliveries&) = delete;

  // Under the lock: queue the event for every active hook subscribed to it.
  void publish(const Event& event);

  // Under the lock. The most recent attempts (at most kLogLimit), oldest first.
  static constexpr size_t kLogLimit = 10000;
  const std::deque<DeliveryAttempt>& log() const { return log_; }
  size_t pending() const { return pending_.size(); }
  // At most this many deliveries (attempts and retries) wait at once; past it an event's
  // delivery is dropped and logged "dropped (queue full ...)" (issue 14, item 12).
  static constexpr size_t kMaxPending = 10000;
  void set_max_pending(size_t n) { max_pending_ = n; }  // tests lower it

 private:
  struct Pending {
    int64_t idhook = 0;
    std::string event;
    std::string body;
    int attempt = 0;
    TimerId timer = 0;
  };
  void schedule(int64_t iddelivery, Duration delay);
  void attempt(int64_t iddelivery);  // a timer: takes the lock
  void record(DeliveryAttempt a);
  void complete_failure(int64_t idhook);

  Clock& clock_;
  Transport& transport_;
  std::mutex& mu_;
  Account& account_;
  FaultPlan& faults_;
  int64_t next_delivery_ = 1;
  std::map<int64_t, Pending> pending_;
  std::deque<DeliveryAttempt> log_;
  size_t max_pending_ = kMaxPending;
};

}  // namespace lpsync::fakes::picqer
