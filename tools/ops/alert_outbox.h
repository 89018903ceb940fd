// The alerts waiting to be sent, one entry per alert and channel, each with its attempts and
// the time of its next try: retried with doubling delays up to a cap, given up after a number
// of attempts, and bounded (a full outbox refuses new alerts rather than grow). Pure: the
// sender's thread gives it the time.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tools/ops/alert_rules.h"

namespace lpsync::ops {

enum class Channel { webhook, mail };

struct RetryPolicy {
  Duration first_retry = Duration::seconds(30);
  Duration max_retry = Duration::minutes(30);
  int max_attempts = 8;
  size_t max_queued = 100;
};

// The wait before attempt `attempts + 1`, after `attempts` failed ones (>= 1).
Duration retry_delay(int attempts, const RetryPolicy& p);

struct Delivery {
  Alert alert;
  Channel channel = Channel::webhook;
  int attempts = 0;  // failed so far
  Instant next_at;
  std::string to;            // whose channels (the connection's name; "" = the sender's own)
  std::string last_failure;  // why the last attempt failed ("" none)
};

class AlertOutbox {
 public:
  explicit AlertOutbox(RetryPolicy p) : p_(p) {}
  // Due at once; false when the outbox is full (the alert is not kept). `to`: Delivery::to.
  bool add(const Alert& a, Channel c, Instant now, const std::string& to = "");
  // The first delivery due at `now`, taken out; nullopt when none is.
  std::optional<Delivery> take_due(Instant now);
  // The first delivery `may` accepts, due or not (the last tries at a stop); nullopt: none.
  std::optional<Delivery> take_first(const std::function<bool(const Delivery&)>& may);
  // Everything still queued, taken out.
  std::vector<Delivery> take_all();
  // Back in as it is (not an attempt: at a stop, what was not tried).
  void put_back(Delivery d) { queue_.push_back(std::move(d)); }
  // A failed attempt: back in, due after its delay; false when it was the last attempt.
  bool failed(Delivery d, Instant now);
  std::optional<Instant> next_due() const;
  const std::deque<Delivery>& queued() const { return queue_; }
  size_t size() const { return queue_.size(); }

 private:
  RetryPolicy p_;
  std::deque<Delivery> queue_;
};

}  // namespace lpsync::ops
