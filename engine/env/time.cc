#include "engine/env/time.h"

#include <cstdio>

namespace lpsync {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month, day, hour, minute, second, millis;
};

Civil civil_from_instant(Instant t) {
  int64_t ms = t.unix_millis();
  int64_t days = ms >= 0 ? ms / 86'400'000 : -((-ms + 86'399'999) / 86'400'000);
  int64_t rest = ms - days * 86'400'000;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<int64_t>(yoe) + era * 400 + (c.month <= 2);
  c.hour = static_cast<unsigned>(rest / 3'600'000);
  c.minute = static_cast<unsigned>(rest / 60'000 % 60);
  c.second = static_cast<unsigned>(rest / 1000 % 60);
  c.millis = static_cast<unsigned>(rest % 1000);
  return c;
}

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n digits at text[pos..]; advances pos.
bool read_digits(std::string_view text, size_t& pos, size_t n, unsigned& out) {
  if (pos + n > text.size()) return false;
  unsigned v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// Parses "YYYY-MM-DD?HH:MM:SS" where ? is one of `separators`; returns the UTC instant.
std::optional<Instant> parse_date_time(std::string_view text, size_t& pos, std::string_view separators) {
  unsigned y, mo, d, h, mi, s;
  if (!read_digits(text, pos, 4, y) || !expect(text, pos, '-') || !read_digits(text, pos, 2, mo) ||
      !expect(text, pos, '-') || !read_digits(text, pos, 2, d)) {
    return std::nullopt;
  }
  if (pos >= text.size() || separators.find(text[pos]) == std::string_view::npos) return std::nullopt;
  ++pos;
  if (!read_digits(text, pos, 2, h) || !expect(text, pos, ':') || !read_digits(text, pos, 2, mi) ||
      !expect(text, pos, ':') || !read_digits(text, pos, 2, s)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59) {
    return std::nullopt;
  }
  int64_t days = days_from_civil(y, mo, d);
  return Instant::from_unix_seconds(days * 86400 + h * 3600 + mi * 60 + s);
}

std::string date_part(const Civil& c, char sep) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u%c%02u:%02u:%02u", static_cast<long long>(c.year), c.month,
                c.day, sep, c.hour, c.minute, c.second);
  return buf;
}

}  // namespace

std::string format_iso8601(Instant t) {
  Civil c = civil_from_instant(t);
  std::string out = date_part(c, 'T');
  if (c.millis != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%03u", c.millis);
    out += buf;
  }
  return out + "Z";
}

std::string format_iso8601_offset(Instant t) { return date_part(civil_from_instant(t), 'T') + "+00:00"; }

std::string format_sql_datetime(Instant t) { return date_part(civil_from_instant(t), ' '); }

std::optional<Instant> parse_iso8601(std::string_view text) {
  size_t pos = 0;
  auto base = parse_date_time(text, pos, "T ");
  if (!base) return std::nullopt;
  Instant t = *base;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t start = pos;
    unsigned ms = 0, digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) ms = ms * 10 + static_cast<unsigned>(text[pos] - '0'), ++digits;
      ++pos;
    }
    if (pos == start) return std::nullopt;
    while (digits < 3) ms *= 10, ++digits;
    t += Duration::millis(ms);
  }
  if (pos >= text.size()) return std::nullopt;
  char z = text[pos++];
  if (z == 'Z' || z == 'z') return pos == text.size() ? std::optional(t) : std::nullopt;
  if (z != '+' && z != '-') return std::nullopt;
  unsigned oh, om;
  if (!read_digits(text, pos, 2, oh)) return std::nullopt;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (!read_digits(text, pos, 2, om) || pos != text.size() || oh > 23 || om > 59) return std::nullopt;
  Duration offset = Duration::minutes(oh * 60 + om);
  // Local time = UTC + offset, so UTC = local - offset.
  return z == '+' ? t - offset : t + offset;
}

std::optional<Instant> parse_sql_datetime(std::string_view text) {
  size_t pos = 0;
  auto t = parse_date_time(text, pos, " ");
  if (!t || pos != text.size()) return std::nullopt;
  return t;
}

namespace {

std::optional<Duration> parse_magnitude(std::string_view text) {
  size_t pos = 0;
  int64_t n = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (n > 1'000'000'000'000LL) return std::nullopt;
    n = n * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == 0) return std::nullopt;
  std::string_view unit = text.substr(pos);
  int64_t unit_ms = unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60'000 : unit == "h" ? 3'600'000
                  : unit == "d" ? 86'400'000 : 0;
  if (unit_ms == 0) return std::nullopt;
  // Beyond about 290 million years a duration no longer fits in milliseconds.
  if (n > INT64_MAX / unit_ms) return std::nullopt;
  return Duration::millis(n * unit_ms);
}

}  // namespace

std::optional<Duration> parse_offset(std::string_view text) {
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  auto d = parse_magnitude(text.substr(1));
  if (!d) return std::nullopt;
  return text[0] == '-' ? -*d : *d;
}

std::optional<Duration> parse_duration(std::string_view text) { return parse_magnitude(text); }

std::string format_duration(Duration d) {
  int64_t ms = d.millis();
  std::string sign = ms < 0 ? "-" : "";
  if (ms < 0) ms = -ms;
  if (ms == 0) return "0s";
  if (ms % 86'400'000 == 0) return sign + std::to_string(ms / 86'400'000) + "d";
  if (ms % 3'600'000 == 0) return sign + std::to_string(ms / 3'600'000) + "h";
  if (ms % 60'000 == 0) return sign + std::to_string(ms / 60'000) + "m";
  if (ms % 1000 == 0) return sign + std::to_string(ms / 1000) + "s";
  return sign + std::to_string(ms) + "ms";
}

}  // namespace lpsync
