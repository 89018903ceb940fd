#include "engine/env/clock.h"

#include <chrono>

namespace lpsync {

Instant SimClock::now() const {
  std::lock_guard lock(mu_);
  return now_;
}

TimerId SimClock::call_at(Instant when, std::function<void()> fn) {
  std::lock_guard lock(mu_);
  TimerId id = next_id_++;
  timers_.emplace(std::make_pair(when, id), std::move(fn));
  deadlines_.emplace(id, when);
  return id;
}

bool SimClock::cancel(TimerId id) {
  std::lock_guard lock(mu_);
  auto it = deadlines_.find(id);
  if (it == deadlines_.end()) return false;
  timers_.erase({it->second, id});
  deadlines_.erase(it);
  return true;
}

bool SimClock::pop_due(Instant limit, std::function<void()>& fn) {
  std::lock_guard lock(mu_);
  if (timers_.empty()) return false;
  auto it = timers_.begin();
  if (it->first.first > limit) return false;
  if (it->first.first > now_) now_ = it->first.first;
  fn = std::move(it->second);
  deadlines_.erase(it->first.second);
  timers_.erase(it);
  return true;
}

bool SimClock::run_next() {
  std::function<void()> fn;
  Instant limit;
  {
    std::lock_guard lock(mu_);
    if (timers_.empty()) return false;
    limit = timers_.begin()->first.first;
  }
  if (!pop_due(limit, fn)) return false;
  fn();
  return true;
}

size_t SimClock::run_until(Instant until) {
  size_t fired = 0;
  std::function<void()> fn;
  while (pop_due(until, fn)) {
    fn();
    ++fired;
  }
  std::lock_guard lock(mu_);
  if (until > now_) now_ = until;
  return fired;
}

bool SimClock::next_deadline(Instant& out) const {
  std::lock_guard lock(mu_);
  if (timers_.empty()) return false;
  out = timers_.begin()->first.first;
  return true;
}

size_t SimClock::pending() const {
  std::lock_guard lock(mu_);
  return timers_.size();
}

Instant SystemClock::now() const {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant::from_unix_millis(std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
}

TimerId SystemClock::call_at(Instant when, std::function<void()> fn) {
  std::lock_guard lock(mu_);
  TimerId id = next_id_++;
  timers_.emplace(std::make_pair(when, id), std::move(fn));
  deadlines_.emplace(id, when);
  wake_.notify_all();
  return id;
}

bool SystemClock::cancel(TimerId id) {
  std::lock_guard lock(mu_);
  auto it = deadlines_.find(id);
  if (it == deadlines_.end()) return false;
  timers_.erase({it->second, id});
  deadlines_.erase(it);
  return true;
}

void SystemClock::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (timers_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto it = timers_.begin();
    Instant due = it->first.first;
    Instant current = now();
    if (due > current) {
      wake_.wait_for(lock, std::chrono::milliseconds((due - current).millis()));
      continue;
    }
    auto fn = std::move(it->second);
    deadlines_.erase(it->first.second);
    timers_.erase(it);
    lock.unlock();
    fn();
    lock.lock();
  }
  stopping_ = false;
}

void SystemClock::stop() {
  std::lock_guard lock(mu_);
  stopping_ = true;
  wake_.notify_all();
}

}  // namespace lpsync
