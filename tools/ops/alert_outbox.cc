#include "tools/ops/alert_outbox.h"

#include <algorithm>

namespace lpsync::ops {

Duration retry_delay(int attempts, const RetryPolicy& p) {
  Duration d = p.first_retry;
  for (int i = 1; i < attempts && d < p.max_retry; ++i) d = d * 2;
  return std::min(d, p.max_retry);
}

bool AlertOutbox::add(const Alert& a, Channel c, Instant now, const std::string& to) {
  if (queue_.size() >= p_.max_queued) return false;
  queue_.push_back(Delivery{a, c, 0, now, to, ""});
  return true;
}

std::optional<Delivery> AlertOutbox::take_first(const std::function<bool(const Delivery&)>& may) {
  auto it = std::find_if(queue_.begin(), queue_.end(), may);
  if (it == queue_.end()) return std::nullopt;
  Delivery d = std::move(*it);
  queue_.erase(it);
  return d;
}

std::vector<Delivery> AlertOutbox::take_all() {
  std::vector<Delivery> out(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
  queue_.clear();
  return out;
}

std::optional<Delivery> AlertOutbox::take_due(Instant now) {
  auto it = std::find_if(queue_.begin(), queue_.end(), [&](const Delivery& d) { return d.next_at <= now; });
  if (it == queue_.end()) return std::nullopt;
  Delivery d = std::move(*it);
  queue_.erase(it);
  return d;
}

bool AlertOutbox::failed(Delivery d, Instant now) {
  ++d.attempts;
  if (d.attempts >= p_.max_attempts) return false;
  d.next_at = now + retry_delay(d.attempts, p_);
  queue_.push_back(std::move(d));
  return true;
}

std::optional<Instant> AlertOutbox::next_due() const {
  std::optional<Instant> next;
  for (const auto& d : queue_) {
    if (!next || d.next_at < *next) next = d.next_at;
  }
  return next;
}

}  // namespace lpsync::ops
