#include "engine/env/live_clock.h"

namespace lpsync {

LiveClock::~LiveClock() {
  std::map<TimerId, Instant> left;
  {
    std::lock_guard lock(mu_);
    left.swap(pending_);
    for (const auto& [id, unused] : posts_) left.emplace(id, Instant());
    posts_.clear();
  }
  for (const auto& [id, when] : left) wall_.cancel(id);
}

Instant LiveClock::now() const {
  Instant t = wall_.now();
  if (recorder_) recorder_(t);
  return t;
}

TimerId LiveClock::schedule(Instant when, std::function<void()> fn, bool counted_as_timer) {
  // The wall clock's id is only known after call_at; the callback finds its own entry by a
  // shared slot filled in right after (before the callback can run: it runs on the clock's
  // thread, and the deadline check takes the clock's lock after this returns).
  auto slot = std::make_shared<TimerId>(0);
  std::lock_guard lock(mu_);
  TimerId id = wall_.call_at(when, [this, slot, fn = std::move(fn)] {
    {
      std::lock_guard inner(mu_);
      pending_.erase(*slot);
      posts_.erase(*slot);
      ++callbacks_;
    }
    if (!on_error_) {
      fn();
    } else {
      if (failed_) return;
      try {
        fn();
      } catch (const std::exception& e) {
        failed_ = true;
        on_error_(e);
        return;
      }
    }
    if (after_) after_();
  });
  *slot = id;
  if (counted_as_timer) {
    pending_.emplace(id, when);
  } else {
    posts_.emplace(id, true);
  }
  return id;
}

TimerId LiveClock::call_at(Instant when, std::function<void()> fn) { return schedule(when, std::move(fn), true); }

void LiveClock::post(std::function<void()> fn) { schedule(Instant::from_unix_millis(0), std::move(fn), false); }

bool LiveClock::cancel(TimerId id) {
  {
    std::lock_guard lock(mu_);
    pending_.erase(id);
    posts_.erase(id);
  }
  return wall_.cancel(id);
}

std::optional<Instant> LiveClock::next_deadline() const {
  std::lock_guard lock(mu_);
  std::optional<Instant> earliest;
  for (const auto& [id, when] : pending_) {
    if (!earliest || when < *earliest) earliest = when;
  }
  return earliest;
}

int64_t LiveClock::callbacks() const {
  std::lock_guard lock(mu_);
  return callbacks_;
}

}  // namespace lpsync
