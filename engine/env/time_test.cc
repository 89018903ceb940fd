#include "engine/env/time.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace lpsync {
namespace {

TEST(Time, FormatsTheThreeForms) {
  Instant t = *parse_iso8601("2026-11-02T08:00:05Z");
  EXPECT_EQ(format_iso8601(t), "2026-11-02T08:00:05Z");
  EXPECT_EQ(format_iso8601_offset(t), "2026-11-02T08:00:05+00:00");
  EXPECT_EQ(format_sql_datetime(t), "2026-11-02 08:00:05");
  EXPECT_EQ(format_iso8601(t + Duration::millis(250)), "2026-11-02T08:00:05.250Z");
}

TEST(Time, KnownEpochValues) {
  EXPECT_EQ(parse_iso8601("1970-01-01T00:00:00Z")->unix_millis(), 0);
  EXPECT_EQ(parse_iso8601("2000-03-01T00:00:00Z")->unix_seconds(), 951868800);
  EXPECT_EQ(format_iso8601(Instant::from_unix_seconds(-1)), "1969-12-31T23:59:59Z");
}

TEST(Time, OffsetsAreConvertedToUtc) {
  EXPECT_EQ(*parse_iso8601("2013-09-24T21:48:17+02:00"), *parse_iso8601("2013-09-24T19:48:17Z"));
  EXPECT_EQ(*parse_iso8601("2013-09-24T21:48:17-0130"), *parse_iso8601("2013-09-24T23:18:17Z"));
  EXPECT_EQ(*parse_iso8601("2013-09-24 21:48:17Z"), *parse_iso8601("2013-09-24T21:48:17Z"));
}

TEST(Time, RejectsMalformedText) {
  for (const char* bad : {"", "2026-11-02", "2026-11-02T08:00:00", "2026-13-01T00:00:00Z",
                          "2026-02-29T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T08:00:00Zjunk",
                          "2026-11-02T08:00:00+25:00", "26-11-02T08:00:00Z"}) {
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parse_iso8601("2024-02-29T00:00:00Z").has_value());
  EXPECT_FALSE(parse_sql_datetime("2026-11-02T08:00:00").has_value());
  EXPECT_FALSE(parse_sql_datetime("2026-11-02 08:00:00Z").has_value());
  EXPECT_EQ(*parse_sql_datetime("2026-11-02 08:00:00"), *parse_iso8601("2026-11-02T08:00:00Z"));
}

TEST(Time, OffsetsAndDurations) {
  EXPECT_EQ(*parse_offset("+90s"), Duration::seconds(90));
  EXPECT_EQ(*parse_offset("-13h"), -Duration::hours(13));
  EXPECT_EQ(*parse_offset("+10m"), Duration::minutes(10));
  EXPECT_EQ(*parse_offset("+1d"), Duration::days(1));
  EXPECT_EQ(*parse_offset("+250ms"), Duration::millis(250));
  EXPECT_FALSE(parse_offset("90s").has_value());
  EXPECT_FALSE(parse_offset("+90").has_value());
  EXPECT_FALSE(parse_offset("+s").has_value());
  EXPECT_FALSE(parse_offset("+9w").has_value());
  EXPECT_FALSE(parse_duration("999999999999d").has_value());  // would overflow
  EXPECT_EQ(*parse_duration("9999999999h"), Duration::hours(9999999999));
  EXPECT_EQ(*parse_duration("13h"), Duration::hours(13));
  EXPECT_FALSE(parse_duration("-13h").has_value());
  EXPECT_EQ(format_duration(Duration::hours(13)), "13h");
  EXPECT_EQ(format_duration(Duration::seconds(90)), "90s");
  EXPECT_EQ(format_duration(Duration::millis(1500)), "1500ms");
  EXPECT_EQ(format_duration(-Duration::days(2)), "-2d");
}

TEST(Time, SecondsRounding) {
  EXPECT_EQ(Duration::millis(1001).seconds_ceil(), 2);
  EXPECT_EQ(Duration::millis(1000).seconds_ceil(), 1);
  EXPECT_EQ(Duration::millis(999).seconds(), 0);
}

RC_GTEST_PROP(TimeProperty, FormattingAndParsingRoundTrip, ()) {
  // Any instant between 1900 and 2200, at millisecond resolution.
  int64_t ms = *rc::gen::inRange<int64_t>(-2'208'988'800'000LL, 7'258'118'400'000LL);
  Instant t = Instant::from_unix_millis(ms);
  RC_ASSERT(parse_iso8601(format_iso8601(t)) == t);
  Instant whole = Instant::from_unix_seconds(t.unix_seconds());
  RC_ASSERT(parse_sql_datetime(format_sql_datetime(t)) == whole);
  RC_ASSERT(parse_iso8601(format_iso8601_offset(t)) == whole);
}

RC_GTEST_PROP(TimeProperty, DurationsRoundTrip, ()) {
  int64_t ms = *rc::gen::inRange<int64_t>(0, 10'000'000'000LL);
  Duration d = Duration::millis(ms);
  RC_ASSERT(parse_duration(format_duration(d)) == d);
}

}  // namespace
}  // namespace lpsync
