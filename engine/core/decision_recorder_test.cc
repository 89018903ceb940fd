#include "engine/core/decision_recorder.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

std::string sku_of(int64_t variant) { return variant == 7 ? "SKU-7" : ""; }

TEST(DecisionRecorder, AnOrderDecisionKeepsOnlyAllowedFields) {
  auto entries = log_entries_of(kT, "order_by_hand",
                                {{"order", "1043"}, {"result", "held"}, {"message", "Jan Jansen, Dorpsstraat 1"}},
                                sku_of);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0], (LoggedDecision{DecisionSubject::order, "1043", kT, "order_by_hand",
                                        R"({"order":"1043","result":"held"})"}));
}

TEST(DecisionRecorder, AVariantDecisionIsAboutItsProductcode) {
  auto entries = log_entries_of(kT, "stock_pushed", {{"variant", 7}, {"stockLevel", 3}}, sku_of);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].kind, DecisionSubject::sku);
  EXPECT_EQ(entries[0].subject, "SKU-7");
  // A variant without a known SKU, and a decision about neither, are not logged.
  EXPECT_TRUE(log_entries_of(kT, "stock_pushed", {{"variant", 8}}, sku_of).empty());
  EXPECT_TRUE(log_entries_of(kT, "engine_started", {{"active", true}}, sku_of).empty());
}

TEST(DecisionRecorder, FlushesOneBatchAndKeepsItWhenTheStoreRefuses) {
  MemoryStateStore store;
  DecisionRecorder recorder(store, {}, sku_of);
  recorder.note(kT, "order_held", {{"order", "1"}, {"reason", "duplicate_sku"}});
  recorder.note(kT, "product_linked", {{"order", "1"}, {"productcode", "A"}});  // about both
  EXPECT_EQ(recorder.waiting(), 3u);
  EXPECT_TRUE(store.decisions_about(DecisionSubject::order, "1").empty());  // nothing before the flush
  recorder.flush();
  EXPECT_EQ(recorder.waiting(), 0u);
  EXPECT_EQ(store.decisions_about(DecisionSubject::order, "1").size(), 2u);
  EXPECT_EQ(store.decisions_about(DecisionSubject::sku, "A").size(), 1u);
  // Older than 14 days by the time of the next flush: gone.
  recorder.note(kT + Duration::days(15), "order_held", {{"order", "2"}});
  recorder.flush();
  EXPECT_TRUE(store.decisions_about(DecisionSubject::order, "1").empty());
}

}  // namespace
}  // namespace lpsync
