// How many single-character edits turn one text into another (Levenshtein), for "did you
// mean" hints and for naming the closest of several texts. Very long texts are compared by
// a cheap upper bound instead (length difference plus differing positions).
#pragma once

#include <cstddef>
#include <string_view>

namespace lpsync {

size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace lpsync
