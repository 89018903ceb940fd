// POST /orders/{id}/allocate: stock held without a picklist, released by processing or
// cancelling; and the order fields customer_remarks and idshippingprovider_profile.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

std::string order_path(int64_t id, const std::string& tail = "") { return "/orders/" + std::to_string(id) + tail; }

TEST(Allocate, HoldsStockWithoutPicklistAndTheStatusStaysConcept) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t id = h.create_order("LS-1", {{"MUG", 3}});
  Response r = h.call("POST", order_path(id, "/allocate"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Harness::body(r).at("status"), "concept");
  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.reservedallocations, 3);
  EXPECT_EQ(mug.freestock(), 7);
  EXPECT_EQ(mug.stock, 10);
  EXPECT_TRUE(h.fake.picklists().empty());
  bj::value product = Harness::body(h.call("GET", "/products/1"));
  EXPECT_EQ(product.at("stock").at(0).at("reservedallocations"), 3);
  EXPECT_EQ(product.at("stock").at(0).at("freestock"), 7);

  ASSERT_EQ(h.call("POST", order_path(id, "/allocate")).status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).reservedallocations, 3) << "allocating twice holds the stock once";
}

TEST(Allocate, MayTakeFreeStockBelowZero) {
  Harness h;
  h.create_product("MUG", 1);
  int64_t id = h.create_order("LS-1", {{"MUG", 3}});
  ASSERT_EQ(h.call("POST", order_path(id, "/allocate")).status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), -2);
}

TEST(Allocate, ProcessingReleasesTheAllocationAndReservesOnAPicklist) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t id = h.create_order("LS-1", {{"MUG", 3}});
  ASSERT_EQ(h.call("POST", order_path(id, "/allocate")).status, 200);
  ASSERT_EQ(h.call("POST", order_path(id, "/process")).status, 200);
  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.reservedallocations, 0);
  EXPECT_EQ(mug.reservedpicklists, 3);
  EXPECT_EQ(mug.freestock(), 7);
  EXPECT_EQ(h.fake.picklists().size(), 1u);
}

TEST(Allocate, CancellingReleasesTheAllocation) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t id = h.create_order("LS-1", {{"MUG", 3}});
  ASSERT_EQ(h.call("POST", order_path(id, "/allocate")).status, 200);
  ASSERT_EQ(h.call("DELETE", order_path(id)).status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 10);
  EXPECT_EQ(h.fake.order(id)->status, "cancelled");
}

TEST(Allocate, RefusesOrdersPastConceptOrExpected) {
  Harness h;
  h.create_product("MUG", 10);
  int64_t id = h.create_order("LS-1", {{"MUG", 1}});
  ASSERT_EQ(h.call("POST", order_path(id, "/process")).status, 200);
  EXPECT_TRUE(IsError(h.call("POST", order_path(id, "/allocate")), 400, 21));
  EXPECT_TRUE(IsError(h.call("POST", order_path(99, "/allocate")), 404, 20));
  EXPECT_EQ(h.fake.stock("MUG", 1).reservedallocations, 0);
}

TEST(OrderFields, CustomerRemarksAndShippingProfileAreKeptAndServed) {
  Harness h;
  h.create_product("MUG", 10);
  bj::object body{{"reference", "LS-9"}, {"deliveryname", "A"}, {"deliverycountry", "NL"}, {"invoicename", "A"},
                  {"customer_remarks", "Please ring twice"}, {"idshippingprovider_profile", 4321},
                  {"products", bj::array{bj::object{{"productcode", "MUG"}, {"amount", 1}}}}};
  Response r = h.call("POST", "/orders", body);
  ASSERT_EQ(r.status, 201);
  bj::value got = Harness::body(h.call("GET", "/orders/1"));
  EXPECT_EQ(got.at("customer_remarks"), "Please ring twice");
  EXPECT_EQ(got.at("idshippingprovider_profile"), 4321);
  EXPECT_EQ(Harness::body(r), got);
  int64_t plain = h.create_order("LS-10", {{"MUG", 1}});
  EXPECT_TRUE(Harness::body(h.call("GET", order_path(plain))).at("idshippingprovider_profile").is_null());
}

}  // namespace
}  // namespace lpsync::fakes::picqer
