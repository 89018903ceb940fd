#include "fakes/common/journal.h"

namespace lpsync::fakes {

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
