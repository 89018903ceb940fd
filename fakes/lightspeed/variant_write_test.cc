// PUT /variants/{id}.json: writable fields, read-only and unknown fields, types, enums.
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

TEST(VariantPut, WritesStockTrackingCodesAndPricesAndAnswersTheVariant) {
  Harness h;
  h.add_shirt();
  h.clock.advance(Duration::minutes(3));
  Response r = h.put("/en/variants/11.json",
                     R"({"variant":{"stockLevel":42,"stockTracking":"indicator","sku":"NEW-11","ean":"123",)"
                     R"("articleCode":"A-1","priceExcl":20,"priceIncl":24.2}})");
  ASSERT_EQ(r.status, 200) << r.body;
  const bj::value v = body_of(r).at("variant");
  EXPECT_EQ(v.at("stockLevel").as_int64(), 42);
  EXPECT_EQ(v.at("updatedAt").as_string(), "2026-11-02T08:03:00+00:00");
  const Variant* stored = h.fake.variant(11);
  EXPECT_EQ(stored->stock_level, 42);
  EXPECT_EQ(stored->stock_tracking, "indicator");
  EXPECT_EQ(stored->sku, "NEW-11");
  EXPECT_EQ(stored->ean, "123");
  EXPECT_EQ(stored->article_code, "A-1");
  EXPECT_EQ(stored->price_excl, 20.0);
  EXPECT_EQ(stored->price_incl, 24.2);
  EXPECT_EQ(stored->updated_at, kStart + Duration::minutes(3));
  EXPECT_EQ(h.fake.variant(12)->stock_level, 5) << "other variants untouched";
}

struct BadBody {
  std::string body;
  int status;
  std::string message_part;
};

TEST(VariantPut, RefusesBadBodiesWithoutChangingAnything) {
  const BadBody cases[] = {
      {"{not json", 400, "Malformed JSON"},
      {"", 400, "Malformed JSON"},
      {R"({"stockLevel":3})", 400, R"({"variant":{...}})"},
      {R"({"variant":3})", 400, R"({"variant":{...}})"},
      {R"({"variant":{"stockLevel":3},"extra":1})", 400, R"({"variant":{...}})"},
      {R"({"variant":{"id":99}})", 422, "$.variant.id: the field is read-only"},
      {R"({"variant":{"stockSold":1}})", 422, "$.variant.stockSold: the field is read-only"},
      {R"({"variant":{"product":1}})", 422, "read-only"},
      {R"({"variant":{"stockLevelChange":1}})", 422, "$.variant.stockLevelChange: unknown field"},
      {R"({"variant":{"stockLevel":"3"}})", 422, "$.variant.stockLevel: expected an integer"},
      {R"({"variant":{"stockLevel":3.5}})", 422, "$.variant.stockLevel: expected an integer"},
      {R"({"variant":{"sku":12}})", 422, "$.variant.sku: expected a string"},
      {R"({"variant":{"priceIncl":"1.00"}})", 422, "$.variant.priceIncl: expected a number"},
      {R"({"variant":{"stockTracking":"on"}})", 422, "stockTracking must be disabled, enabled or indicator"},
      {R"({"variant":{"stockLevel":3,"id":11}})", 422, "read-only"},
  };
  for (const auto& c : cases) {
    Harness h;
    h.add_shirt();
    Response r = h.put("/en/variants/11.json", c.body);
    EXPECT_EQ(r.status, c.status) << c.body;
    ErrorEnvelope e = envelope_of(r);
    EXPECT_EQ(e.code, c.status) << c.body;
    EXPECT_EQ(e.method, "PUT");
    EXPECT_NE(e.message.find(c.message_part), std::string::npos) << c.body << " -> " << e.message;
    EXPECT_EQ(h.fake.variant(11)->stock_level, 10) << c.body;
    EXPECT_EQ(h.fake.variant(11)->updated_at, kStart) << c.body;
    EXPECT_TRUE(h.fake.shop().movements().empty()) << c.body;
  }
}

TEST(VariantPut, AWholeNumberWrittenAsADoubleIsAnInteger) {
  Harness h;
  h.add_shirt();
  EXPECT_EQ(h.put("/en/variants/11.json", R"({"variant":{"stockLevel":7.0}})").status, 200);
  EXPECT_EQ(h.fake.variant(11)->stock_level, 7);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
