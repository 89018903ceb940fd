#include "tools/scenario/vocabulary.h"

#include <algorithm>

#include "engine/env/edit_distance.h"
#include <vector>

namespace lpsync::scenario {
namespace {

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
