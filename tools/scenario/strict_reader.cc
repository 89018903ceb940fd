#include "tools/scenario/strict_reader.h"

#include <vector>

namespace lpsync::scenario {
namespace {

constexpr std::string_view kTimeHelp =
    "use an ISO-8601 UTC instant such as 2026-11-02T08:00:00Z, or an offset from start: a sign, a whole "
    "number and a unit s, m, h or d, such as +90s, +10m, -13h, +1d";
constexpr std::string_view kDurationHelp = "use a whole number and a unit s, m, h or d, such as 90s, 10m, 13h, 1d";

// Keeps the shared parse_offset/parse_duration, which multiply without a check, far from
// overflowing: at most 12 digits (10 for days), i.e. about 31 years in milliseconds.
bool magnitude_fits(std::string_view text) {
  size_t digits = 0;
  for (char c : text) digits += c >= '0' && c <= '9';
  return digits <= 12 && (text.empty() || text.back() != 'd' || digits <= 10);
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Times the APIs' text forms can carry and the engine's polls can ask for: a time outside
// (say an offset of -999999999999h) would reach the fakes and the poll cursors as nonsense.
constexpr Instant kEarliest = Instant::from_unix_millis(0);                   // 1970-01-01T00:00:00Z
constexpr Instant kLatest = Instant::from_unix_millis(253'402'300'799'000);  // 9999-12-31T23:59:59Z

void check_time_range(const Reader& r, std::string_view text, Instant t) {
  if (t < kEarliest || t > kLatest) {
    r.fail("the time " + quoted(text) + " is out of range: give a time from " + format_iso8601(kEarliest) + " to " +
           format_iso8601(kLatest));
  }
}

}  // namespace

void fail_at(const std::string& path, const std::string& message) { throw json::Error(path, message); }

void check_keys(const Reader& object, Words allowed) {
  if (!object.is_object()) object.fail("expected an object, got " + std::string(json::kind_name(object.raw())));
  for (const std::string& key : object.keys()) {
    if (contains(allowed, key)) continue;
    if (allowed.empty()) fail_at(object.path() + "." + key, "unknown key \"" + key + "\"; this takes no arguments: {}");
    fail_at(object.path() + "." + key, unknown_word_message("key", key, allowed, "allowed"));
  }
}

void check_keys(const Reader& object, std::initializer_list<std::string_view> allowed) {
  check_keys(object, Words(allowed.begin(), allowed.size()));
}

Reader required(const Reader& object, std::string_view key) {
  if (auto value = object.find(key)) return *value;
  fail_at(object.path() + "." + std::string(key), "missing required key " + quoted(key));
}

std::string read_word(const Reader& r, Words allowed, std::string_view what) {
  std::string word = r.as_string();
  if (!contains(allowed, word)) r.fail(unknown_word_message(what, word, allowed));
  return word;
}

Instant read_time(const Reader& r, Instant start) {
  if (!r.raw().is_string()) r.fail("expected a time (text), got " + std::string(json::kind_name(r.raw())));
  std::string text = r.as_string();
  std::optional<Instant> t;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    auto offset = magnitude_fits(text) ? parse_offset(text) : std::nullopt;
    if (!offset) r.fail("invalid time offset " + quoted(text) + "; " + std::string(kTimeHelp));
    t = start + *offset;
  } else {
    t = parse_iso8601(text);
    if (!t) r.fail("invalid time " + quoted(text) + "; " + std::string(kTimeHelp));
  }
  check_time_range(r, text, *t);
  return *t;
}

Instant read_instant(const Reader& r) {
  std::string text = r.as_string();
  auto t = parse_iso8601(text);
  if (!t) {
    r.fail("invalid instant " + quoted(text) + "; use an ISO-8601 UTC instant such as 2026-11-02T08:00:00Z "
           "(offsets such as +90s are relative to this one)");
  }
  check_time_range(r, text, *t);
  return *t;
}

Duration read_duration(const Reader& r) {
  if (!r.raw().is_string()) r.fail("expected a duration (text such as \"13h\"), got " + std::string(json::kind_name(r.raw())));
  std::string text = r.as_string();
  auto d = magnitude_fits(text) ? parse_duration(text) : std::nullopt;
  if (!d) r.fail("invalid duration " + quoted(text) + "; " + std::string(kDurationHelp));
  if (*d <= Duration()) r.fail("the duration must be longer than 0; " + std::string(kDurationHelp));
  return *d;
}

int64_t read_int(const Reader& r, int64_t min, int64_t max) {
  int64_t v = r.as_int();
  if (v < min || v > max) {
    r.fail("must be an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
           std::to_string(v));
  }
  return v;
}

double read_amount(const Reader& r) {
  double v = r.as_number();
  if (v < 0) r.fail("must not be negative");
  return v;
}

}  // namespace lpsync::scenario
