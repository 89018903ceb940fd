// The alerts waiting to be sent, one entry per alert and channel, each with its attempts and
// the time of its next try: retried with doubling delays up to a cap, given up after a number
// of attempts, and bounded (a full outbox refuses new alerts rather than grow). Pure: the
// sender's thread gives it the time.
#pragma once

#include <deque>
#include <optional>

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
};

class AlertOutbox {
 public:
  explicit AlertOutbox(RetryPolicy p) : p_(p) {}
  // Due at once; false when the outbox is full (the alert is not kept).
  bool add(const Alert& a, Channel c, Instant now);
  // The first delivery due at `now`, taken out; nullopt when none is.
  std::optional<Delivery> take_due(Instant now);
  // A failed attempt: back in, due after its delay; false when it was the last attempt.
  bool failed(Delivery d, Instant now);
  std::optional<Instant> next_due() const;
  size_t size() const { return queue_.size(); }

 private:
  RetryPolicy p_;
  std::deque<Delivery> queue_;
};

}  // namespace lpsync::ops
