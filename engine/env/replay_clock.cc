#include "engine/env/replay_clock.h"

namespace lpsync {

Instant ReplayClock::now() const {
  if (next_ < readings_.size()) return readings_[next_++];
  overrun_ = true;
  return readings_.empty() ? Instant() : readings_.back();
}

TimerId ReplayClock::call_at(Instant when, std::function<void()> fn) {
  TimerId id = next_id_++;
  timers_.emplace(std::make_pair(when, id), std::move(fn));
  deadlines_.emplace(id, when);
  return id;
}

bool ReplayClock::cancel(TimerId id) {
  auto it = deadlines_.find(id);
  if (it == deadlines_.end()) return false;
  timers_.erase({it->second, id});
  deadlines_.erase(it);
  return true;
}

bool ReplayClock::run_next(const std::function<bool(int64_t callback)>& inbound) {
  int64_t number = callbacks_ + 1;
  if (inbound) {
    // An inbound webhook was posted as its own callback: it ran before any timer then.
    callbacks_ = number;
    if (inbound(number)) return true;
    callbacks_ = number - 1;
  }
  if (timers_.empty()) return false;
  auto it = timers_.begin();
  auto fn = std::move(it->second);
  deadlines_.erase(it->first.second);
  timers_.erase(it);
  callbacks_ = number;
  fn();
  return true;
}

}  // namespace lpsync
