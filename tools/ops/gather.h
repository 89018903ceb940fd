// Gathers the operator's figures (ops_figures.h): the state's part from the status document
// that `lpsync status` shows (tools/live/report_text.h status_document), the run's part from
// the engine's report and what the run watched. On the engine's thread.
#pragma once

#include <boost/json.hpp>

#include <optional>

#include "engine/core/report.h"
#include "tools/ops/ops_figures.h"

namespace lpsync::ops {

// Orders imported, held and needing a person by reason, shipments, the bulk import.
void add_state(OpsFigures& f, const boost::json::object& status_document);

// What a run knows beside its engine's report.
// When each open problem was first seen: the engine's report keeps problems without times, so
// the run notes them as it gathers its figures (at most one entry per open problem).
class ProblemTimes {
 public:
  // Notes the problems new in `open` as of `now` and forgets those no longer open.
  void update(const std::map<std::string, std::string>& open, Instant now);
  std::optional<Instant> since(const std::string& key) const;

 private:
  std::map<std::string, Instant> since_;
};

struct RunFacts {
  Instant started_at;
  bool polls_expected = false;
  int64_t poll_failures = 0;
  std::optional<Instant> poll_failing_since;
  const ProblemTimes* problem_times = nullptr;  // none: each problem as of gathering
};

// Stock pushes, requests, 429s and budgets per API, polls, open problems by kind. `report`
// must have its API figures refreshed (Engine::report()).
void add_run(OpsFigures& f, const Report& report, const RunFacts& facts);

// Counts order poll failures and when the current run of failures began (the trace's
// order_poll_failed and order_poll_interrupted), until a poll completes.
class PollWatch {
 public:
  void on_failure(Instant at) {
    ++failures_;
    if (!failing_since_) failing_since_ = at;
  }
  // Called with the report's count of complete polls: a new one ends the failures.
  void on_polls(int64_t complete_polls) {
    if (complete_polls != polls_) failing_since_.reset();
    polls_ = complete_polls;
  }
  int64_t failures() const { return failures_; }
  std::optional<Instant> failing_since() const { return failing_since_; }

 private:
  int64_t failures_ = 0, polls_ = 0;
  std::optional<Instant> failing_since_;
};

}  // namespace lpsync::ops
