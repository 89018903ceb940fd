// The figures an operator watches (sync-rules section 12), gathered in one struct so that
// `GET /metrics`, `GET /healthz`, the alert rules and the summary of `lpsync status` all show
// the same numbers. Labels hold reason names, API names and webhook topics: never a secret,
// never a customer's data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::ops {

struct ApiFigures {
  int64_t requests = 0;          // sent by this process
  int64_t rate_limited = 0;      // 429 answers received by this process
  int64_t budget_remaining = 0;  // in the tightest window, when gathered
  int64_t exhausted_early_window_s = 0;  // a window (s) whose budget went in its first half, 0 none
};

struct OpsFigures {
  Instant gathered_at;
  std::optional<Instant> started_at;  // the run's start (absent: no run is going on)
  bool polls_expected = false;        // the connection is active and polls orders or stock

  // From the state.
  int64_t orders_imported = 0;                          // every order lpsync put in Picqer
  std::map<std::string, int64_t> held_by_reason;        // held at the last poll, by reason
  std::map<std::string, int64_t> needing_person_by_reason;
  // The orders themselves (number, reason), for the alerts; not in /metrics. At most
  // kMaxOrdersNeedingPerson (the counts above have them all).
  static constexpr size_t kMaxOrdersNeedingPerson = 100;
  std::vector<std::pair<std::string, std::string>> orders_needing_person;
  int64_t shipments_pushed = 0;                         // shipments marked shipped in the shop
  bool bulk_running = false, bulk_finished = false;
  int64_t bulk_done = 0, bulk_total = 0;

  // From this run's engine (zero without a run).
  int64_t stock_pushes = 0;
  std::map<std::string, ApiFigures> apis;  // "lightspeed", "picqer"
  int64_t order_polls = 0;                 // complete order polls
  int64_t order_poll_failures = 0;
  std::optional<Instant> last_successful_poll;
  std::optional<Instant> poll_failing_since;  // the first failure since the last success
  std::map<std::string, int64_t> problems_by_kind;  // open problems, by the kind of their key
  // The open problems themselves with the time each was first seen, oldest first (for the
  // console; not in /metrics): as many as the report keeps.
  struct OpenProblem {
    std::string kind;
    std::string message;
    Instant since;
  };
  std::vector<OpenProblem> problems;
  int64_t webhooks_refused = 0;

  // From the listener (zero without one).
  std::map<std::string, int64_t> webhook_arrivals;           // by topic
  std::map<std::string, Instant> webhook_last_arrival;       // by topic
};

// The kind of a report problem key: "order:ORD1" -> "order", "order_poll" -> "order_poll".
std::string problem_kind(const std::string& key);

}  // namespace lpsync::ops
