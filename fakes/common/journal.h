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

// A journal keeps at most this many entries and this many body bytes (issue 14, item 12);
// past either the requests are counted, not kept, and complete() turns false. A fake serving
// for days (serve-fakes) thus stays bounded; a scenario that long fails its request counts.
inline constexpr size_t kMaxJournalEntries = 500'000;
inline constexpr size_t kMaxJournalBodyBytes = size_t{256} << 20;

class Journal {
 public:
  void add(JournalEntry entry) {
    if (!keep_entries_) return;
    if (entries_.size() >= max_entries_ || body_bytes_ + entry.body.size() > max_body_bytes_) {
      ++dropped_;
      return;
    }
    body_bytes_ += entry.body.size();
    entries_.push_back(std::move(entry));
  }
  // A test lowers the caps to reach them.
  void set_caps(size_t max_entries, size_t max_body_bytes) {
    max_entries_ = max_entries;
    max_body_bytes_ = max_body_bytes;
  }
  // False once a request was not kept: counts from entries() are then too low.
  bool complete() const { return dropped_ == 0; }
  size_t dropped() const { return dropped_; }
  // One line for a failed check: what was hit and what it means; "" while complete.
  std::string overflow() const;
  // Benchmarks of very large runs (memory) keep no journal at all.
  void set_keep_entries(bool keep) { keep_entries_ = keep; }
  void clear() {
    entries_.clear();
    body_bytes_ = 0;
    dropped_ = 0;
  }
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
  size_t max_entries_ = kMaxJournalEntries, max_body_bytes_ = kMaxJournalBodyBytes;
  size_t body_bytes_ = 0, dropped_ = 0;
};

}  // namespace lpsync::fakes
