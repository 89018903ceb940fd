// Runs the engine's jobs on the clock, one at a time. Each job says when it wants to run
// next; jobs due at the same instant run in priority order (orders, shipments, stock, bulk
// import), then in the order they were added. A job can be woken earlier by a trigger (a
// webhook, a settings change). Everything happens on the clock's thread, so the engine
// needs no locks and a run is reproducible.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/client/budget.h"
#include "engine/env/clock.h"

namespace lpsync {

class Job {
 public:
  virtual ~Job() = default;
  virtual std::string_view name() const = 0;
  virtual Priority priority() const = 0;
  // Does a bounded piece of work. Returns when to run next; nullopt: only when woken.
  virtual std::optional<Instant> run(Instant now) = 0;
};

class Scheduler {
 public:
  explicit Scheduler(Clock& clock) : clock_(clock) {}
  ~Scheduler() { stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Adds a job (not owned) that first runs at `first` (nullopt: when woken).
  void add(Job& job, std::optional<Instant> first);
  // Makes the job run at `at` or earlier than it planned.
  void wake(Job& job, Instant at);
  // Makes sure a tick happens at `at` even when no job is due then.
  void tick_at(Instant at);
  // Called before each batch of due jobs (the engine applies settings changes here).
  void before_each_tick(std::function<void(Instant)> fn) { before_tick_ = std::move(fn); }
  // Called after each batch of due jobs that ran to the end (the engine stores its decision log
  // here; after a job threw, it waits for the next tick).
  void after_each_tick(std::function<void(Instant)> fn) { after_tick_ = std::move(fn); }
  void start();
  void stop();

  std::optional<Instant> next_run(const Job& job) const;

  // A job that keeps asking to run at the same instant without time moving is moved one
  // second on after this many runs: a guard against a busy loop, reported as a problem.
  static constexpr int kMaxRunsPerInstant = 10'000;

 private:
  struct Entry {
    Job* job;
    std::optional<Instant> next;
    int order;
  };
  void arm();
  void tick();
  Entry* find(const Job& job);

  Clock& clock_;
  std::vector<Entry> entries_;
  std::function<void(Instant)> before_tick_;
  std::function<void(Instant)> after_tick_;
  bool running_ = false;
  bool in_tick_ = false;
  TimerId timer_ = 0;
  std::optional<Instant> armed_for_;
  std::optional<Instant> extra_tick_;
};

}  // namespace lpsync
