// What every part of the scenario parser needs on top of json::Reader: unknown keys as
// errors, required keys, closed word sets, the scenario's time notation and durations.
// These throw json::Error (path + message); parse_scenario turns that into a ParseError, so
// no exception reaches its caller.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "engine/env/json.h"
#include "engine/env/time.h"
#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario {

using json::Reader;

[[noreturn]] void fail_at(const std::string& path, const std::string& message);

// `object` must be an object whose keys are all in `allowed`; the first other key fails at
// its own path, naming it and listing the allowed keys.
void check_keys(const Reader& object, Words allowed);
void check_keys(const Reader& object, std::initializer_list<std::string_view> allowed);

// The value of a key the object must have (present and not null).
Reader required(const Reader& object, std::string_view key);

// A string from a closed set: `what` names it in the message ("order status").
std::string read_word(const Reader& r, Words allowed, std::string_view what);

// A time: an ISO-8601 UTC instant, or an offset from `start` such as "+90s" or "-13h".
Instant read_time(const Reader& r, Instant start);
// An ISO-8601 instant only (for `start` itself).
Instant read_instant(const Reader& r);
// A positive duration such as "13h", "90s", "10m", "1d".
Duration read_duration(const Reader& r);

// An integer in [min, max]; the message says the range.
int64_t read_int(const Reader& r, int64_t min, int64_t max);
inline constexpr int64_t kMaxId = 9'007'199'254'740'991;  // 2^53 - 1: exact in every JSON reader
// A positive id.
inline int64_t read_id(const Reader& r) { return read_int(r, 1, kMaxId); }
// A non-negative number (money).
double read_amount(const Reader& r);

}  // namespace lpsync::scenario
