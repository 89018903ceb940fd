#include "fakes/common/journal.h"

namespace lpsync::fakes {

std::string Journal::overflow() const {
  if (complete()) return "";
  return "the fake's request journal kept the first " + std::to_string(entries_.size()) + " requests (" +
         std::to_string(body_bytes_) + " body bytes) and only counted " + std::to_string(dropped_) +
         " more (journal cap): request counts are too low; run a shorter scenario";
}

size_t Journal::count(std::string_view pattern) const {
  size_t n = 0;
  for (const auto& e : entries_) n += matches_pattern(pattern, e.method, e.path);
  return n;
}

size_t Journal::writes() const {
  size_t n = 0;
  for (const auto& e : entries_) n += e.method != "GET";
  return n;
}

size_t Journal::writes(std::string_view pattern) const {
  size_t n = 0;
  for (const auto& e : entries_) n += e.method != "GET" && matches_pattern(pattern, e.method, e.path);
  return n;
}

std::vector<JournalEntry> Journal::matching(std::string_view pattern) const {
  std::vector<JournalEntry> out;
  for (const auto& e : entries_) {
    if (matches_pattern(pattern, e.method, e.path)) out.push_back(e);
  }
  return out;
}

}  // namespace lpsync::fakes
