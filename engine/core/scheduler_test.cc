#include "engine/core/scheduler.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);

class Recorder : public Job {
 public:
  Recorder(std::string name, Priority p, std::string& log, Duration every)
      : name_(std::move(name)), priority_(p), log_(log), every_(every) {}
  std::string_view name() const override { return name_; }
  Priority priority() const override { return priority_; }
  std::optional<Instant> run(Instant now) override {
    log_ += name_ + "@" + std::to_string((now - kT0).seconds()) + " ";
    ++runs;
    if (every_ == Duration()) return std::nullopt;
    return now + every_;
  }
  int runs = 0;

 private:
  std::string name_;
  Priority priority_;
  std::string& log_;
  Duration every_;
};

TEST(Scheduler, RunsDueJobsByPriorityThenByAge) {
  SimClock clock(kT0);
  std::string log;
  Scheduler s(clock);
  Recorder bulk("bulk", Priority::bulk, log, Duration::seconds(10));
  Recorder orders("orders", Priority::orders, log, Duration::seconds(10));
  Recorder stock("stock", Priority::stock, log, Duration::seconds(30));
  s.add(bulk, kT0);
  s.add(stock, kT0);
  s.add(orders, kT0);
  s.start();
  clock.run_until(kT0 + Duration::seconds(30));
  EXPECT_EQ(log, "orders@0 stock@0 bulk@0 orders@10 bulk@10 orders@20 bulk@20 orders@30 stock@30 bulk@30 ");
}

TEST(Scheduler, WakeBringsAJobForwardAndIdleJobsWaitForIt) {
  SimClock clock(kT0);
  std::string log;
  Scheduler s(clock);
  Recorder hook("hook", Priority::stock, log, Duration());
  s.add(hook, std::nullopt);
  s.start();
  clock.run_until(kT0 + Duration::hours(1));
  EXPECT_EQ(hook.runs, 0);
  s.wake(hook, kT0 + Duration::hours(1) + Duration::seconds(5));
  clock.run_until(kT0 + Duration::hours(2));
  EXPECT_EQ(log, "hook@3605 ");
}

TEST(Scheduler, StopCancelsEverything) {
  SimClock clock(kT0);
  std::string log;
  {
    Scheduler s(clock);
    Recorder orders("orders", Priority::orders, log, Duration::seconds(10));
    s.add(orders, kT0 + Duration::seconds(5));
    s.start();
    clock.run_until(kT0 + Duration::seconds(6));
    s.stop();
    clock.run_until(kT0 + Duration::minutes(5));
    EXPECT_EQ(orders.runs, 1);
  }
  EXPECT_EQ(clock.pending(), 0u);
}

class Spinner : public Job {
 public:
  std::string_view name() const override { return "spin"; }
  Priority priority() const override { return Priority::bulk; }
  std::optional<Instant> run(Instant now) override {
    ++runs;
    return now;
  }
  int runs = 0;
};

TEST(Scheduler, ABusyLoopAtOneInstantIsBroken) {
  SimClock clock(kT0);
  Scheduler s(clock);
  Spinner spin;
  s.add(spin, kT0);
  s.start();
  clock.run_until(kT0 + Duration::millis(500));
  EXPECT_EQ(spin.runs, Scheduler::kMaxRunsPerInstant);
  EXPECT_EQ(s.next_run(spin), kT0 + Duration::seconds(1));
}

TEST(SchedulerDeathTest, AJobIsAddedOnce) {
  SimClock clock(kT0);
  Scheduler s(clock);
  Spinner spin;
  s.add(spin, kT0);
  EXPECT_DEATH(s.add(spin, std::nullopt), "a job is added to the scheduler once");
}

// A job that lets the clock run inside its run would have the scheduler run jobs in the
// middle of it: refused.
class ClockRunner : public Job {
 public:
  ClockRunner(SimClock& clock, Scheduler& s) : clock_(clock), s_(s) {}
  std::string_view name() const override { return "clock runner"; }
  Priority priority() const override { return Priority::bulk; }
  std::optional<Instant> run(Instant now) override {
    s_.wake(*this, now + Duration::millis(1));
    clock_.run_until(now + Duration::millis(2));
    return std::nullopt;
  }

 private:
  SimClock& clock_;
  Scheduler& s_;
};

TEST(SchedulerDeathTest, ATickInsideAJobsRunIsRefused) {
  SimClock clock(kT0);
  Scheduler s(clock);
  ClockRunner runner(clock, s);
  s.add(runner, kT0);
  s.start();
  EXPECT_DEATH(clock.run_until(kT0 + Duration::seconds(1)), "tick is not re-entered");
}

}  // namespace
}  // namespace lpsync
