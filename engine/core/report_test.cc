// The report's lists are capped (engine/core/limits.h): past a cap entries are counted, not
// kept, and one line says so.
#include "engine/core/report.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(ReportLimits, NotesPastTheCapAreCountedInOneLine) {
  Report r;
  r.max_notes = 3;
  for (int i = 0; i < 10; ++i) r.note("note " + std::to_string(i));
  EXPECT_EQ(r.notes, (std::vector<std::string>{"note 0", "note 1", "note 2"}));
  ASSERT_EQ(r.overflow().size(), 1u);
  EXPECT_EQ(r.overflow()[0], "7 more notes were not kept: the report keeps 3; see the log");
}

TEST(ReportLimits, NewProblemKeysPastTheCapAreCountedKnownOnesStillUpdate) {
  Report r;
  r.max_problems = 2;
  r.problem("a", "A");
  r.problem("b", "B");
  r.problem("c", "C");
  r.problem("d", "D");
  r.problem("a", "A again");
  EXPECT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems.at("a"), "A again");
  ASSERT_EQ(r.overflow().size(), 1u);
  EXPECT_EQ(r.overflow()[0], "2 more problems were not kept: the report keeps 2; see the log");
  r.resolved("b");
  r.problem("c", "C");
  EXPECT_EQ(r.problems.count("c"), 1u);
}

TEST(ReportNeedsPerson, EachOrderAndReasonIsListedOnceAndTheListIsCapped) {
  Report r;
  r.max_problems = 2;
  EXPECT_TRUE(r.needs_a_person({"ORD1", "cancelled_after_pick", "picked before it was cancelled", Instant()}));
  EXPECT_FALSE(r.needs_a_person({"ORD1", "cancelled_after_pick", "again", Instant()}));
  EXPECT_TRUE(r.needs_a_person({"ORD1", "on_hold_after_import", "put on hold", Instant()}));
  EXPECT_TRUE(r.needs_a_person({"ORD2", "lines_changed_after_import", "lines changed", Instant()}));
  ASSERT_EQ(r.needs_person.size(), 2u);
  EXPECT_EQ(r.needs_person[0].message, "picked before it was cancelled");
  EXPECT_EQ(r.needs_person[1].reason, "on_hold_after_import");
  EXPECT_EQ(r.overflow().size(), 1u);
}

TEST(ReportLimits, ImportedOrdersPastTheCapAreCountedInOneLine) {
  Report r;
  r.max_imported = 2;
  for (int i = 1; i <= 5; ++i) r.imported_order({"ORD" + std::to_string(i), i, Instant(), false});
  ASSERT_EQ(r.imported.size(), 2u);
  EXPECT_EQ(r.imported[1].number, "ORD2");
  ASSERT_EQ(r.overflow().size(), 1u);
  EXPECT_EQ(r.overflow()[0],
            "3 more imported orders are not listed: the report lists the first 2; every one is in Picqer and in the log");
}

TEST(ReportLimits, DefaultsAreTheNamedCaps) {
  Report r;
  EXPECT_EQ(r.max_notes, kMaxReportNotes);
  EXPECT_EQ(r.max_problems, kMaxReportProblems);
  EXPECT_EQ(r.max_imported, kMaxReportImported);
  EXPECT_TRUE(r.overflow().empty());
}

}  // namespace
}  // namespace lpsync
