// UTC instants and durations as value types, with the two text forms the APIs use:
// ISO-8601 ("2026-11-02T08:00:00Z", offsets allowed) and Lightspeed's filter form
// "YYYY-MM-DD HH:MM:SS" (UTC). Millisecond resolution; no time zones beyond fixed offsets.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lpsync {

class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration millis(int64_t n) { return Duration(n); }
  static constexpr Duration seconds(int64_t n) { return Duration(n * 1000); }
  static constexpr Duration minutes(int64_t n) { return Duration(n * 60'000); }
  static constexpr Duration hours(int64_t n) { return Duration(n * 3'600'000); }
  static constexpr Duration days(int64_t n) { return Duration(n * 86'400'000); }

  constexpr int64_t millis() const { return ms_; }
  // Whole seconds, rounded toward zero.
  constexpr int64_t seconds() const { return ms_ / 1000; }
  // Whole seconds, rounded up (for "reset in N seconds" headers).
  constexpr int64_t seconds_ceil() const { return ms_ <= 0 ? ms_ / 1000 : (ms_ + 999) / 1000; }

  constexpr Duration operator+(Duration o) const { return Duration(ms_ + o.ms_); }
  constexpr Duration operator-(Duration o) const { return Duration(ms_ - o.ms_); }
  constexpr Duration operator-() const { return Duration(-ms_); }
  constexpr Duration operator*(int64_t k) const { return Duration(ms_ * k); }
  constexpr Duration operator/(int64_t k) const { return Duration(ms_ / k); }
  Duration& operator+=(Duration o) { ms_ += o.ms_; return *this; }
  Duration& operator-=(Duration o) { ms_ -= o.ms_; return *this; }
  constexpr auto operator<=>(const Duration&) const = default;

 private:
  constexpr explicit Duration(int64_t ms) : ms_(ms) {}
  int64_t ms_ = 0;
};

class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant from_unix_millis(int64_t ms) { return Instant(ms); }
  static constexpr Instant from_unix_seconds(int64_t s) { return Instant(s * 1000); }

  constexpr int64_t unix_millis() const { return ms_; }
  // Seconds since the epoch, rounded toward negative infinity.
  constexpr int64_t unix_seconds() const { return ms_ >= 0 ? ms_ / 1000 : -((-ms_ + 999) / 1000); }

  constexpr Instant operator+(Duration d) const { return Instant(ms_ + d.millis()); }
  constexpr Instant operator-(Duration d) const { return Instant(ms_ - d.millis()); }
  constexpr Duration operator-(Instant o) const { return Duration::millis(ms_ - o.ms_); }
  Instant& operator+=(Duration d) { ms_ += d.millis(); return *this; }
  constexpr auto operator<=>(const Instant&) const = default;

 private:
  constexpr explicit Instant(int64_t ms) : ms_(ms) {}
  int64_t ms_ = 0;
};

// "2026-11-02T08:00:00Z", or with milliseconds when they are not zero ("...:00.250Z").
std::string format_iso8601(Instant t);
// "2026-11-02T08:00:00+00:00": the offset form Lightspeed uses in its payloads.
std::string format_iso8601_offset(Instant t);
// "2026-11-02 08:00:00" (UTC): Lightspeed's filter parameters and Picqer's date fields.
std::string format_sql_datetime(Instant t);

// Accepts "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM|+HHMM)"; a space may stand for the 'T'.
// Without a zone designator the text is rejected (ambiguous).
std::optional<Instant> parse_iso8601(std::string_view text);
// Accepts exactly "YYYY-MM-DD HH:MM:SS", read as UTC.
std::optional<Instant> parse_sql_datetime(std::string_view text);

// "+90s", "-13h", "+10m", "+1d", "+250ms" -> a duration; nullopt when malformed.
std::optional<Duration> parse_offset(std::string_view text);
// "13h", "90s", "2d", "500ms" (no sign) -> a duration; nullopt when malformed or negative.
std::optional<Duration> parse_duration(std::string_view text);
// The shortest exact form: "13h", "90s", "1d", "250ms", "0s".
std::string format_duration(Duration d);

}  // namespace lpsync
