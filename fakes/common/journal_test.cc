// The request journal is capped (issue 14, item 12): past its entry or body-byte cap the
// requests are counted, not kept, and the journal says its counts are incomplete.
#include "fakes/common/journal.h"

#include <gtest/gtest.h>

namespace lpsync::fakes {
namespace {

JournalEntry get(std::string path, std::string body = "") {
  JournalEntry e;
  e.method = "GET";
  e.path = std::move(path);
  e.body = std::move(body);
  e.status = 200;
  return e;
}

TEST(Journal, PastTheEntryCapRequestsAreCountedNotKept) {
  Journal j;
  j.set_caps(2, 1000);
  for (int i = 0; i < 5; ++i) j.add(get("/variants/" + std::to_string(i)));
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j.dropped(), 3u);
  EXPECT_FALSE(j.complete());
  EXPECT_NE(j.overflow().find("kept the first 2 requests"), std::string::npos);
  EXPECT_NE(j.overflow().find("only counted 3 more"), std::string::npos);
  j.clear();
  EXPECT_TRUE(j.complete());
  EXPECT_EQ(j.overflow(), "");
}

TEST(Journal, PastTheBodyByteCapRequestsAreCountedNotKept) {
  Journal j;
  j.set_caps(100, 10);
  j.add(get("/a", "123456"));
  j.add(get("/b", "123456"));  // 12 bytes in all: past the cap
  j.add(get("/c", "1234"));    // 10: fits
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j.dropped(), 1u);
}

TEST(Journal, TheDefaultCapsAreTheNamedOnes) {
  Journal j;
  for (int i = 0; i < 1000; ++i) j.add(get("/x", std::string(100, 'b')));
  EXPECT_TRUE(j.complete());
  EXPECT_GT(kMaxJournalEntries, 100'000u);
}

}  // namespace
}  // namespace lpsync::fakes
