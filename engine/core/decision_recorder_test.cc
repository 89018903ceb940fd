#include "engine/core/decision_recorder.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"

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

std::string fields_of(const MemoryStateStore& store, DecisionSubject kind, const std::string& subject, size_t i) {
  auto log = store.decisions_about(kind, subject);
  return i < log.size() ? log[i].fields : "(none)";
}

TEST(DecisionRecorder, ADecisionKeepsTheRequestsMadeOnTheWayToIt) {
  MemoryStateStore store;
  DecisionRecorder recorder(store, {}, sku_of);
  // The query (it may hold a reference or a code) is left out; a download keeps no address.
  recorder.note_request("picqer", "GET", "/api/v1/orders?reference=1043", 200, "");
  recorder.note_request("picqer", "POST", "/api/v1/orders", 201, "");
  recorder.note(kT, "order_imported", {{"order", "1043"}, {"idorder", 5}});
  recorder.note_request("picqer", "POST", "/api/v1/orders/5/process", 0, "timeout");
  recorder.note_request("picqer", "POST", "/api/v1/orders/5/process", 200, "");
  recorder.note(kT, "order_processed", {{"order", "1043"}, {"idorder", 5}});
  recorder.note(kT, "order_held", {{"order", "1044"}, {"reason", "not_paid"}});  // no request on the way
  recorder.note_request("download", "GET", "/files/1/image.jpg?token=x", 200, "");
  recorder.note(kT, "product_created", {{"productcode", "A"}, {"idproduct", 9}});
  recorder.flush();
  EXPECT_EQ(fields_of(store, DecisionSubject::order, "1043", 0),
            R"({"order":"1043","idorder":5,"requests":["GET picqer /api/v1/orders 200","POST picqer /api/v1/orders 201"],"requests_total":2})");
  EXPECT_EQ(fields_of(store, DecisionSubject::order, "1043", 1),
            R"({"order":"1043","idorder":5,"requests":["POST picqer /api/v1/orders/5/process timeout","POST picqer /api/v1/orders/5/process 200"],"requests_total":2})");
  EXPECT_EQ(fields_of(store, DecisionSubject::order, "1044", 0), R"({"order":"1044","reason":"not_paid"})");
  EXPECT_EQ(fields_of(store, DecisionSubject::sku, "A", 0),
            R"({"productcode":"A","idproduct":9,"requests":["GET download 200"],"requests_total":1})");
}

TEST(DecisionRecorder, RequestsAreBoundedRepeatsCountedAndATickEndsThem) {
  MemoryStateStore store;
  DecisionRecorder recorder(store, {}, sku_of);
  for (int page = 1; page <= 3; ++page) recorder.note_request("lightspeed", "GET", "/en/variants.json?page=" + std::to_string(page), 200, "");
  for (int i = 0; i < 30; ++i) recorder.note_request("picqer", "POST", "/api/v1/products/" + std::to_string(i), 201, "");
  recorder.note(kT, "order_held", {{"order", "1"}});
  recorder.flush();
  auto fields = json::parse(fields_of(store, DecisionSubject::order, "1", 0)).as_object();
  const auto& listed = fields.at("requests").as_array();
  ASSERT_EQ(listed.size(), DecisionRecorder::kMaxRequestsListed);
  EXPECT_EQ(listed[0].as_string(), "GET lightspeed /en/variants.json 200 x3");
  EXPECT_EQ(listed[1].as_string(), "POST picqer /api/v1/products/0 201");
  EXPECT_EQ(fields.at("requests_total").as_int64(), 33);
  EXPECT_EQ(fields.at("requests_more").as_int64(), 33 - 3 - 19);
  // Requests after the last decision of a tick belong to no later decision.
  recorder.note_request("picqer", "GET", "/api/v1/stock", 200, "");
  recorder.flush();
  recorder.note(kT, "order_held", {{"order", "2"}});
  recorder.flush();
  EXPECT_EQ(fields_of(store, DecisionSubject::order, "2", 0), R"({"order":"2"})");
}

TEST(DecisionRecorder, VariantsOfAHoldAreKept) {
  auto entries = log_entries_of(kT, "order_held",
                                {{"order", "1"}, {"reason", "duplicate_sku"}, {"productcode", "DUP"},
                                 {"variants", boost::json::array{31, 41}}},
                                sku_of);
  ASSERT_EQ(entries.size(), 2u) << "about the order and about the SKU";
  EXPECT_EQ(entries[0].fields, R"({"order":"1","reason":"duplicate_sku","productcode":"DUP","variants":[31,41]})");
  EXPECT_EQ(entries[1].kind, DecisionSubject::sku);
  EXPECT_EQ(entries[1].subject, "DUP");
}

}  // namespace
}  // namespace lpsync
