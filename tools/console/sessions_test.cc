// Who is logged in: sessions expire when idle, wrong passwords lock one address for a while,
// and both books stay bounded.
#include "tools/console/sessions.h"

#include <gtest/gtest.h>

namespace lpsync::console {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

std::function<std::string()> counter_tokens() {
  return [n = 0]() mutable {
    std::string t = "token-" + std::to_string(++n);
    return t + std::string(40 - t.size(), 'x');
  };
}

TEST(SessionBook, ASessionLivesWhileUsedAndEndsWhenIdleOrClosed) {
  SessionBook book(counter_tokens());
  Session s = book.open("admin", kT);
  EXPECT_NE(s.token, s.csrf);
  EXPECT_TRUE(book.find(s.token, kT + Duration::hours(7)));
  EXPECT_TRUE(book.find(s.token, kT + Duration::hours(14))) << "used at 7 h: idle for 7 h only";
  EXPECT_FALSE(book.find(s.token, kT + Duration::hours(23))) << "idle for 9 h";
  Session t = book.open("admin", kT);
  book.close(t.token);
  EXPECT_FALSE(book.find(t.token, kT));
  EXPECT_FALSE(book.find("made-up", kT));
}

TEST(SessionBook, CsrfTokenMustMatchTheSessions) {
  SessionBook book(counter_tokens());
  Session s = book.open("admin", kT);
  EXPECT_TRUE(SessionBook::csrf_ok(s, s.csrf));
  EXPECT_FALSE(SessionBook::csrf_ok(s, ""));
  EXPECT_FALSE(SessionBook::csrf_ok(s, s.token));
}

TEST(SessionBook, WrongPasswordsLockOneAddressForAWindow) {
  SessionBook book(counter_tokens());
  for (int i = 0; i < SessionBook::kFailuresAllowed; ++i) {
    EXPECT_FALSE(book.locked_until("10.0.0.1", kT)) << i;
    book.failed("10.0.0.1", kT + Duration::seconds(i));
  }
  ASSERT_TRUE(book.locked_until("10.0.0.1", kT + Duration::minutes(1)));
  EXPECT_EQ(*book.locked_until("10.0.0.1", kT + Duration::minutes(1)), kT + SessionBook::kFailureWindow);
  EXPECT_FALSE(book.locked_until("10.0.0.2", kT + Duration::minutes(1))) << "another address is not locked";
  EXPECT_FALSE(book.locked_until("10.0.0.1", kT + SessionBook::kFailureWindow));
}

TEST(SessionBook, StaysBounded) {
  SessionBook book(counter_tokens());
  Session first = book.open("admin", kT);
  for (size_t i = 0; i < SessionBook::kMaxSessions; ++i) book.open("admin", kT + Duration::seconds(1));
  EXPECT_FALSE(book.find(first.token, kT + Duration::seconds(2))) << "the oldest session made room";
  for (size_t i = 0; i <= SessionBook::kMaxClients; ++i) book.failed("client-" + std::to_string(i), kT);
  EXPECT_FALSE(book.locked_until("client-0", kT));
}

}  // namespace
}  // namespace lpsync::console
