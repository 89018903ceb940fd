// Each expectation key, with its optional sub-fields kept as given.
#include <gtest/gtest.h>

#include "tools/scenario/test_support.h"
#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario {
namespace {

using testing::kStart;

// A shop with variants 11, 12 and orders 5 "ORD00005", 6 "ORD00006"; expect = `expect`.
Expectations expect(const std::string& expect) {
  return testing::parse_ok(testing::with(
                               {{"lightspeed", R"({"products": [{"id": 1, "variants": [{"id": 11}, {"id": 12}]}],
                                                   "orders": [{"id": 5}, {"id": 6}]})"},
                                {"picqer", R"({"warehouses": [{"idwarehouse": 1}, {"idwarehouse": 2}]})"},
                                {"expect", expect}}))
      .expect;
}

TEST(Expect, PicqerOrdersWithOptionalProductsAndStatus) {
  Expectations e = expect(R"({"picqer.orders": [
      {"reference": "ORD00005", "products": [{"productcode": "SH-M", "amount": 2}], "status": "processing"},
      {"reference": "ORD00006"}]})");
  ASSERT_TRUE(e.picqer_orders);
  ASSERT_EQ(e.picqer_orders->size(), 2u);
  EXPECT_EQ((*e.picqer_orders)[0],
            (ExpectedPicqerOrder{"ORD00005", std::vector<PicqerOrderLine>{{"SH-M", 2}}, "processing"}));
  EXPECT_EQ((*e.picqer_orders)[1], (ExpectedPicqerOrder{"ORD00006", std::nullopt, std::nullopt}));
  EXPECT_FALSE(e.picqer_orders_count);
}

TEST(Expect, PicqerOrdersCountAndProductsCount) {
  Expectations e = expect(R"({"picqer.orders_count": 0, "picqer.products_count": 12})");
  EXPECT_EQ(e.picqer_orders_count, 0);
  EXPECT_EQ(e.picqer_products_count, 12);
  EXPECT_FALSE(e.picqer_orders);
}

TEST(Expect, PicqerProductsWithOptionalFields) {
  Expectations e = expect(R"({"picqer.products": [
      {"productcode": "SH-M", "name": "Shirt - M", "price": 16.5, "barcode": "871", "images": 2,
       "stock": {"1": 7, "2": 0}},
      {"productcode": "MUG"}]})");
  ASSERT_TRUE(e.picqer_products);
  const ExpectedPicqerProduct& full = (*e.picqer_products)[0];
  EXPECT_EQ(full.name, "Shirt - M");
  EXPECT_EQ(full.price, 16.5);
  EXPECT_EQ(full.barcode, "871");
  EXPECT_EQ(full.images, 2);
  EXPECT_EQ(full.stock, (StockMap{{1, 7}, {2, 0}}));
  ExpectedPicqerProduct only_code;
  only_code.productcode = "MUG";
  EXPECT_EQ((*e.picqer_products)[1], only_code);
}

TEST(Expect, LightspeedVariantsWithAnyVariantFields) {
  Expectations e = expect(R"({"lightspeed.variants": [{"id": 11, "stockLevel": 7}, {"id": 12, "sku": "X",
      "stockTracking": "disabled"}]})");
  ASSERT_TRUE(e.lightspeed_variants);
  VariantPatch a;
  a.id = 11;
  a.stock_level = 7;
  EXPECT_EQ((*e.lightspeed_variants)[0], a);
  EXPECT_EQ((*e.lightspeed_variants)[1].stock_tracking, "disabled");
  EXPECT_FALSE((*e.lightspeed_variants)[1].stock_level);
}

TEST(Expect, LightspeedOrdersWithOrderFieldsAndTrackingCode) {
  Expectations e = expect(R"({"lightspeed.orders": [{"id": 5, "shipmentStatus": "shipped", "status":
      "completed_shipped", "trackingCode": "3S1", "updatedAt": "+2h"}, {"id": 6, "shipmentStatus": "not_shipped"}]})");
  ASSERT_TRUE(e.lightspeed_orders);
  const ExpectedLightspeedOrder& o = (*e.lightspeed_orders)[0];
  EXPECT_EQ(o.fields.id, 5);
  EXPECT_EQ(o.fields.shipment_status, "shipped");
  EXPECT_EQ(o.fields.status, "completed_shipped");
  EXPECT_EQ(o.fields.updated_at, kStart + Duration::hours(2));
  EXPECT_EQ(o.tracking_code, "3S1");
  EXPECT_FALSE(o.fields.payment_status);
  EXPECT_FALSE((*e.lightspeed_orders)[1].tracking_code);
}

TEST(Expect, RequestCountsAsANumberOrPerPattern) {
  Expectations e = expect(R"({"lightspeed.writes": {"PUT /variants/*": 1, "PUT /shipments/*": 0},
      "lightspeed.writes_max": 3, "picqer.requests_max": {"POST /orders": 2}, "lightspeed.requests_max": 400})");
  EXPECT_EQ(e.lightspeed_writes,
            (RequestCount{std::map<std::string, int64_t>{{"PUT /variants/*", 1}, {"PUT /shipments/*", 0}}}));
  EXPECT_EQ(e.lightspeed_writes_max, RequestCount{int64_t{3}});
  EXPECT_EQ(e.picqer_requests_max, (RequestCount{std::map<std::string, int64_t>{{"POST /orders", 2}}}));
  EXPECT_EQ(e.lightspeed_requests_max, RequestCount{int64_t{400}});
  EXPECT_EQ(expect(R"({"lightspeed.writes": 0})").lightspeed_writes, RequestCount{int64_t{0}});
}

TEST(Expect, HeldOrdersWithEveryReason) {
  Expectations e = expect(R"({"held": [{"order": "ORD00005", "reason": "not_paid"},
      {"order": "ORD00006", "reason": "product_not_in_picqer"}]})");
  EXPECT_EQ(e.held, (std::vector<HeldOrder>{{"ORD00005", "not_paid"}, {"ORD00006", "product_not_in_picqer"}}));
  for (std::string_view reason : kHeldReasons) {
    Expectations one = expect(R"({"held": [{"order": "ORD00005", "reason": ")" + std::string(reason) + "\"}]}");
    EXPECT_EQ((*one.held)[0].reason, reason);
  }
  EXPECT_EQ(expect(R"({"held": []})").held, std::vector<HeldOrder>{});  // "none held" differs from unchecked
}

TEST(Expect, NeedsPersonWithEveryReason) {
  Expectations e = expect(R"({"needs_person": [{"order": "ORD00005", "reason": "cancelled_after_pick"},
      {"order": "ORD00005", "reason": "lines_changed_after_import"}]})");
  EXPECT_EQ(e.needs_person, (std::vector<NeedsPerson>{{"ORD00005", "cancelled_after_pick"},
                                                      {"ORD00005", "lines_changed_after_import"}}));
  for (std::string_view reason : kNeedsPersonReasons) {
    Expectations one = expect(R"({"needs_person": [{"order": "ORD00006", "reason": ")" + std::string(reason) + "\"}]}");
    EXPECT_EQ((*one.needs_person)[0].reason, reason);
  }
  EXPECT_EQ(expect(R"({"needs_person": []})").needs_person, std::vector<NeedsPerson>{});
}

TEST(Expect, SkippedVariants) {
  Expectations e = expect(R"({"skipped_variants": [{"variant": 11, "reason": "missing_sku"},
      {"variant": 12, "reason": "duplicate_sku"}]})");
  EXPECT_EQ(e.skipped_variants,
            (std::vector<SkippedVariant>{{11, "missing_sku"}, {12, "duplicate_sku"}}));
}

TEST(Expect, AbsentKeysAreNotChecked) {
  EXPECT_EQ(expect("{}"), Expectations{});
}

}  // namespace
}  // namespace lpsync::scenario
