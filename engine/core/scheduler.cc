#include "engine/core/scheduler.h"

#include <algorithm>

#include "engine/env/check.h"

namespace lpsync {

Scheduler::Entry* Scheduler::find(const Job& job) {
  for (auto& e : entries_) {
    if (e.job == &job) return &e;
  }
  return nullptr;
}

std::optional<Instant> Scheduler::next_run(const Job& job) const {
  for (const auto& e : entries_) {
    if (e.job == &job) return e.next;
  }
  return std::nullopt;
}

void Scheduler::add(Job& job, std::optional<Instant> first) {
  // One entry per job: wake() and next_run() find the first entry only.
  LPSYNC_CHECK(find(job) == nullptr, "a job is added to the scheduler once");
  entries_.push_back({&job, first, static_cast<int>(entries_.size())});
  arm();
}

void Scheduler::wake(Job& job, Instant at) {
  Entry* e = find(job);
  if (!e) return;
  if (!e->next || at < *e->next) e->next = at;
  arm();
}

void Scheduler::tick_at(Instant at) {
  if (!extra_tick_ || at < *extra_tick_) extra_tick_ = at;
  arm();
}

void Scheduler::start() {
  running_ = true;
  arm();
}

void Scheduler::stop() {
  running_ = false;
  if (armed_for_) clock_.cancel(timer_);
  armed_for_.reset();
}

void Scheduler::arm() {
  if (!running_) return;
  std::optional<Instant> earliest = extra_tick_;
  for (const auto& e : entries_) {
    if (e.next && (!earliest || *e.next < *earliest)) earliest = e.next;
  }
  if (armed_for_ && earliest && *armed_for_ <= *earliest) return;  // the armed timer comes first anyway
  if (armed_for_) clock_.cancel(timer_);
  armed_for_.reset();
  if (!earliest) return;
  armed_for_ = earliest;
  timer_ = clock_.call_at(*earliest, [this] {
    armed_for_.reset();
    tick();
  });
}

void Scheduler::tick() {
  // Jobs run one at a time on the clock's thread: a tick inside a job's run would run
  // another job (or the same one) in the middle of it.
  LPSYNC_CHECK(!in_tick_, "the scheduler's tick is not re-entered from a job's run");
  struct InTick {
    bool& flag;
    explicit InTick(bool& f) : flag(f) { flag = true; }
    ~InTick() { flag = false; }  // also when a job throws (a store that cannot write)
  } in_tick(in_tick_);
  Instant now = clock_.now();

  if (extra_tick_ && *extra_tick_ <= now) extra_tick_.reset();
  if (before_tick_) before_tick_(now);
  int runs = 0;
  while (running_) {
    Entry* due = nullptr;
    for (auto& e : entries_) {
      if (!e.next || *e.next > now) continue;
      if (!due || e.job->priority() < due->job->priority() ||
          (e.job->priority() == due->job->priority() && e.order < due->order)) {
        due = &e;
      }
    }
    if (!due) break;
    due->next.reset();
    std::optional<Instant> next = due->job->run(now);
    if (next && *next <= now && ++runs >= kMaxRunsPerInstant) next = now + Duration::seconds(1);
    // A wake during the run may have set an earlier time.
    if (next && (!due->next || *next < *due->next)) due->next = next;
  }
  if (after_tick_) after_tick_(now);
  arm();
}

}  // namespace lpsync
