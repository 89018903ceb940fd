// The request journal of a fake: every request it received, in order, with the answer it
// gave, for tests and scenario expectations ("how many PUT /variants/* were sent?").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/time.h"
#include "fakes/common/fault_plan.h"

namespace lpsync::fakes {

struct JournalEntry {
  Instant at;
  std::string method;
  std::string path;   // the API-neutral resource path ("/variants/11"), see matches_pattern
  std::string query;  // raw query string
  std::string body;
  int status = 0;     // 0 when no answer was given (timeout, reset, indeterminate)
  std::optional<FaultKind> fault;
  bool applied = true;  // false when the request had no effect (refused, timed out, reset)
};

class Journal {
 public:
  void add(JournalEntry entry) {
    if (!keep_entries_) return;
    entries_.push_back(std::move(entry));
  }
  // Benchmarks of very large runs (memory) keep no journal at all.
  void set_keep_entries(bool keep) { keep_entries_ = keep; }
  void clear() { entries_.clear(); }
  const std::vector<JournalEntry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  // Entries whose method and path match `pattern` (see matches_pattern).
  size_t count(std::string_view pattern) const;
  // Requests other than GET.
  size_t writes() const;
  // Writes that match `pattern`.
  size_t writes(std::string_view pattern) const;
  std::vector<JournalEntry> matching(std::string_view pattern) const;

 private:
  std::vector<JournalEntry> entries_;
  bool keep_entries_ = true;
};

}  // namespace lpsync::fakes
