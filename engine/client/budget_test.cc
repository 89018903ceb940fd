#include "engine/client/budget.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

const Instant kT0 = Instant::from_unix_seconds(1'800'000'000);

// Sends as fast as the budget allows for `p`, from `start`, and returns when the n-th went.
Instant send_n(RateBudget& b, Priority p, int n, Instant start) {
  Instant t = start;
  for (int i = 0; i < n; ++i) {
    t = b.available_at(p, t);
    b.on_sent(p, t);
  }
  return t;
}

// `n` requests of priority `p` sent at `t`, whatever the budget says.
void sent(RateBudget& b, Priority p, int n, Instant t) {
  for (int i = 0; i < n; ++i) b.on_sent(p, t);
}

// Sends at `t` as many requests of priority `p` as the budget allows then; how many went.
int send_all_free(RateBudget& b, Priority p, Instant t) {
  int n = 0;
  while (b.available_at(p, t) == t && n < 100'000) b.on_sent(p, t), ++n;
  return n;
}

TEST(RateBudget, NeverMoreThanTheLimitInAnyWindow) {
  RateBudget b({{10, Duration::minutes(1), false}});
  Instant last = send_n(b, Priority::orders, 30, kT0);
  // 10 at kT0, 10 just after one minute, 10 just after two.
  EXPECT_GT(last, kT0 + Duration::minutes(2));
  EXPECT_LT(last, kT0 + Duration::minutes(2) + Duration::seconds(1));
}

TEST(RateBudget, LowerPrioritiesLeaveHeadroom) {
  RateBudget b({{10, Duration::minutes(1), false}});
  // Bulk import may use only what the three higher priorities' floors leave.
  for (int i = 0; i < 100; ++i) {
    if (b.available_at(Priority::bulk, kT0) != kT0) break;
    b.on_sent(Priority::bulk, kT0);
  }
  EXPECT_EQ(b.stats().sent[3], 4);  // 10 - 3 floors of 2
  EXPECT_GT(b.available_at(Priority::bulk, kT0), kT0);
  EXPECT_EQ(b.available_at(Priority::orders, kT0), kT0);
  EXPECT_EQ(b.available_at(Priority::stock, kT0), kT0);
}

TEST(RateBudget, TheFloorsShrinkAsTheServersWindowEnds) {
  // Lightspeed's 5-minute window, 290 of 300 spent by the import.
  RateBudget b({{300, Duration::minutes(5), true}});
  sent(b, Priority::bulk, 290, kT0);
  // Four minutes before the reset the floors (a fiftieth each: 6) keep the rest.
  b.on_reported({10}, {Duration::minutes(4)}, kT0);
  EXPECT_GT(b.available_at(Priority::bulk, kT0), kT0);
  // Half a minute before it an order that finds no room waits half a minute at most: the
  // floors keep a tenth of theirs (one each) and the import may send 7 more.
  Instant late = kT0 + Duration::seconds(270);
  b.on_reported({10}, {Duration::seconds(30)}, late);
  int bulk = send_all_free(b, Priority::bulk, late);
  EXPECT_EQ(bulk, 7);
}

// Both APIs count a window from its first request until it resets, and Lightspeed says when.
// Once that window ended, what was sent in it no longer counts, however late in it it went.
TEST(RateBudget, AServerWindowThatResetCountsNothingSentBefore) {
  RateBudget b({{300, Duration::minutes(5), true}});
  sent(b, Priority::orders, 150, kT0);
  b.on_reported({150}, {Duration::minutes(5)}, kT0);
  Instant late = kT0 + Duration::minutes(4);
  sent(b, Priority::orders, 150, late);
  b.on_reported({0}, {Duration::minutes(1)}, late);
  // Full until the server's window resets, and not a moment longer.
  Instant reset = kT0 + Duration::minutes(5);
  EXPECT_EQ(b.available_at(Priority::orders, late), reset);
  // Then the whole limit again, though half of it went only a minute before.
  int orders = send_all_free(b, Priority::orders, reset);
  EXPECT_EQ(orders, 300);
}

// The same for the import, after its wait for the window to reset: only the floors kept back.
TEST(RateBudget, TheImportResumesInFullWhenTheServersWindowResets) {
  RateBudget b({{3000, Duration::hours(1), true}});
  Instant t = kT0;
  for (int i = 0; i < 10; ++i, t += Duration::minutes(5)) {
    sent(b, Priority::bulk, 290, t);
    b.on_reported({3000 - 290 * (i + 1)}, {kT0 + Duration::hours(1) - t}, t);
  }
  Instant reset = kT0 + Duration::hours(1);
  int bulk = send_all_free(b, Priority::bulk, reset);
  EXPECT_EQ(bulk, 3000 - 3 * 60);  // the floors: a fiftieth of the window each
}

// Where the server does not say when its window resets (Picqer) and its count shows others'
// requests in it too, our own sends in any span of the window's length are what we know: a
// window we cannot place is not assumed to have reset.
TEST(RateBudget, WithoutAResetTheSendsOfTheLastWindowLengthCount) {
  RateBudget b({{500, Duration::minutes(1), true}});
  sent(b, Priority::orders, 250, kT0);
  b.on_reported({200}, {}, kT0);  // 50 of someone else's
  sent(b, Priority::orders, 250, kT0 + Duration::seconds(50));
  Instant later = kT0 + Duration::seconds(61);
  int orders = send_all_free(b, Priority::orders, later);
  EXPECT_EQ(orders, 250);
}

// Picqer says only what remains. When that shows a window holding no more than what we sent
// since its last answer, the window began with one of those requests, so it resets within a
// window's length from now, whatever went later.
TEST(RateBudget, AWindowThatBeganWithOurRequestsResetsALengthLater) {
  RateBudget b({{500, Duration::minutes(1), true}});
  b.on_sent(Priority::bulk, kT0);
  b.on_reported({499}, {}, kT0);
  Instant half = kT0 + Duration::seconds(30);
  sent(b, Priority::bulk, 469, half);
  b.on_reported({30}, {}, half);
  Instant reset = kT0 + Duration::minutes(1);
  int orders = send_all_free(b, Priority::orders, reset);
  EXPECT_EQ(orders, 500);
}

// What a window keeps for higher priorities is spent in its last seconds when no higher
// priority came for it: an order arriving then waits for the reset, which is that close.
TEST(RateBudget, TheReserveIsSpentInTheLastSecondsBeforeTheWindowResets) {
  RateBudget b({{300, Duration::minutes(5), true}});
  sent(b, Priority::bulk, 282, kT0);
  b.on_reported({18}, {Duration::minutes(5)}, kT0);
  Instant reset = kT0 + Duration::minutes(5);
  // Half a minute before the reset the floors (one each by then) are kept...
  Instant early = reset - Duration::seconds(30);
  int bulk = send_all_free(b, Priority::bulk, early);
  EXPECT_EQ(bulk, 15);
  // ...until the last seconds before it, when the import may take the window to its limit.
  Instant last = reset - RateBudget::kSpendReserveBefore;
  EXPECT_EQ(b.available_at(Priority::bulk, early), last);
  bulk += send_all_free(b, Priority::bulk, last);
  EXPECT_EQ(bulk, 18);
  // An order then waits for the reset, no longer.
  EXPECT_EQ(b.available_at(Priority::orders, last), reset);
}

// The same where only our own sends tell when room comes back (Picqer): the import spends
// the reserve once the sends that will give it back leave the window within those seconds.
TEST(RateBudget, WithoutAResetTheReserveIsSpentWhenItComesBackSoon) {
  RateBudget b({{500, Duration::minutes(1), true}});
  sent(b, Priority::bulk, 470, kT0);
  // Kept while the burst stays in the window for longer...
  Instant early = kT0 + Duration::seconds(30);
  EXPECT_GT(b.available_at(Priority::bulk, early), early);
  // ...and spent when it leaves within the last seconds.
  Instant last = kT0 + Duration::minutes(1) - RateBudget::kSpendReserveBefore + Duration::seconds(1);
  int bulk = send_all_free(b, Priority::bulk, last);
  EXPECT_EQ(bulk, 30);
  EXPECT_LE(b.available_at(Priority::orders, last), last + RateBudget::kSpendReserveBefore);
}

TEST(RateBudget, RecentHigherPriorityUseIsReserved) {
  RateBudget b({{20, Duration::minutes(1), false}});
  sent(b, Priority::orders, 5, kT0);
  // 20 - 5 used = 15 left; bulk must also keep 5 (orders' recent use) + 6 (floors).
  int bulk = send_all_free(b, Priority::bulk, kT0);
  EXPECT_EQ(bulk, 4);
}

TEST(RateBudget, AReserveProjectsTheHigherPrioritysPaceToTheWindowsReset) {
  RateBudget b({{1000, Duration::days(1), true}});
  // Orders sent 30 requests in the last hour; the server's day window resets in 12 hours
  // and has 500 left: orders will need about 360 of them and the floors for orders and
  // shipments keep 10 each (a fiftieth of 1,000 for the half of the day left), so stock may
  // use about 120.
  for (int i = 0; i < 30; ++i) b.on_sent(Priority::orders, kT0 - Duration::minutes(2 * i));
  b.on_reported({500}, {Duration::hours(12)}, kT0);
  int stock = send_all_free(b, Priority::stock, kT0);
  EXPECT_GE(stock, 110);
  EXPECT_LE(stock, 120);
  // Orders themselves are not held back by the reserve.
  EXPECT_EQ(b.available_at(Priority::orders, kT0), kT0);
  // Stock looks again within a minute rather than waiting for the day to end.
  EXPECT_LE(b.available_at(Priority::stock, kT0), kT0 + Duration::minutes(1));
}

TEST(RateBudget, ServerCountAndResetBind) {
  RateBudget b(lightspeed_limits());
  b.on_sent(Priority::orders, kT0);
  // Another client spent the 5-minute budget; the server says so and when it resets.
  b.on_reported({0, 2000, 11000}, {Duration::seconds(120), Duration::seconds(1800), Duration::hours(5)}, kT0);
  EXPECT_EQ(b.available_at(Priority::orders, kT0), kT0 + Duration::seconds(120));
  // After the reset the server's old count no longer applies.
  EXPECT_EQ(b.available_at(Priority::orders, kT0 + Duration::seconds(120)), kT0 + Duration::seconds(120));
}

TEST(RateBudget, PerSecondWindowIsKeptLocally) {
  RateBudget b(lightspeed_limits());
  Instant last = send_n(b, Priority::orders, 41, kT0);
  EXPECT_GE(last, kT0 + Duration::seconds(2));
}

TEST(RateBudget, RefusalBlocksEveryone) {
  RateBudget b(picqer_limits());
  b.on_refused(kT0 + Duration::seconds(20));
  EXPECT_EQ(b.available_at(Priority::orders, kT0), kT0 + Duration::seconds(20));
  EXPECT_EQ(b.stats().refusals, 1);
}

TEST(RateBudget, PicqerRemainingWithoutResetWaitsAWindow) {
  RateBudget b(picqer_limits());
  b.on_sent(Priority::stock, kT0);
  b.on_reported({0}, {}, kT0);
  EXPECT_EQ(b.available_at(Priority::orders, kT0), kT0 + Duration::minutes(1));
  EXPECT_EQ(b.remaining(kT0), 0);
}

// A window whose budget is gone with more than half of it to go ("exhausted early", an
// operator's alert), for windows of five minutes and longer (a burst filling Lightspeed's
// second is ordinary).
TEST(RateBudget, SaysWhenAWindowWasExhaustedEarly) {
  RateBudget b(picqer_limits());  // 500 a minute: shorter than five minutes, never "early"
  send_n(b, Priority::orders, 500, kT0);
  EXPECT_FALSE(b.exhausted_early(kT0 + Duration::seconds(1)));

  RateBudget ls(lightspeed_limits());  // 300 per 5 min, 3,000 an hour, 12,000 a day
  EXPECT_FALSE(ls.exhausted_early(kT0));
  ls.on_reported({0, 2000, 9000}, {Duration::seconds(200), Duration::minutes(40), Duration::hours(20)}, kT0);
  auto early = ls.exhausted_early(kT0);
  ASSERT_TRUE(early);
  EXPECT_EQ(*early, Duration::minutes(5));  // 200 s of 300 to go
  ls.on_reported({0, 2000, 9000}, {Duration::seconds(100), Duration::minutes(40), Duration::hours(20)},
                 kT0 + Duration::seconds(100));
  EXPECT_FALSE(ls.exhausted_early(kT0 + Duration::seconds(100))) << "late in its window: ordinary";
  ls.on_reported({10, 0, 9000}, {Duration::seconds(100), Duration::minutes(50), Duration::hours(20)},
                 kT0 + Duration::seconds(101));
  EXPECT_EQ(ls.exhausted_early(kT0 + Duration::seconds(101)), Duration::hours(1));
}

// The budget divides by a window's length and takes the least over its windows: a budget
// without windows, or with an empty one, is a programming error.
TEST(RateBudgetDeathTest, WindowsMustBeUsable) {
  EXPECT_DEATH(RateBudget({}), "a rate budget has at least one window");
  EXPECT_DEATH(RateBudget({{10, Duration(), true}}), "allows requests over a positive time");
  EXPECT_DEATH(RateBudget({{0, Duration::minutes(1), true}}), "allows requests over a positive time");
}

}  // namespace
}  // namespace lpsync
