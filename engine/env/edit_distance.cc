#include "engine/env/edit_distance.h"

#include <algorithm>
#include <vector>

namespace lpsync {

size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() * b.size() > 4'000'000) {
    size_t n = std::min(a.size(), b.size()), d = std::max(a.size(), b.size()) - n;
    for (size_t i = 0; i < n; ++i) d += a[i] != b[i];
    return d;
  }
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace lpsync
