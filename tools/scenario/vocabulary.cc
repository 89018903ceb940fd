#include "tools/scenario/vocabulary.h"

#include <algorithm>
#include <vector>

namespace lpsync::scenario {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
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

}  // namespace

bool contains(Words words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string join(Words words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

std::optional<std::string_view> closest(Words words, std::string_view word) {
  std::optional<std::string_view> best;
  size_t best_distance = std::max<size_t>(2, word.size() / 4) + 1;
  for (std::string_view w : words) {
    size_t d = edit_distance(word, w);
    if (d < best_distance) best = w, best_distance = d;
  }
  return best;
}

std::string unknown_word_message(std::string_view what, std::string_view word, Words known,
                                 std::string_view known_label) {
  std::string out = "unknown " + std::string(what) + " \"" + std::string(word) + "\"";
  if (auto hint = closest(known, word)) out += " (did you mean \"" + std::string(*hint) + "\"?)";
  return out + "; " + std::string(known_label) + ": " + join(known);
}

}  // namespace lpsync::scenario
