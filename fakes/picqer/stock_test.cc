// Stock per warehouse: reading, setting (amount) and mutating (change), the refusals, free
// stock against reservations, warehouses and their stock lists.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

bj::value stock_row(Harness& h, int64_t idproduct, int64_t idwarehouse) {
  Response r = h.call("GET", "/products/" + std::to_string(idproduct) + "/stock/" + std::to_string(idwarehouse));
  EXPECT_EQ(r.status, 200) << r.body;
  return Harness::body(r);
}

Response post_stock(Harness& h, int64_t idproduct, int64_t idwarehouse, bj::object body) {
  return h.call("POST", "/products/" + std::to_string(idproduct) + "/stock/" + std::to_string(idwarehouse), body);
}

TEST(Stock, EveryWarehouseHasARowWithTheDocumentedFields) {
  Harness h;
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 1, .name = "Main"}).ok());
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 2, .name = "Overflow", .counts_for_general_stock = false}).ok());
  int64_t id = h.create_product("S1", 22);
  ASSERT_EQ(post_stock(h, id, 2, json::object_of({{"amount", 4}})).status, 200);
  bj::value rows = Harness::body(h.call("GET", "/products/1/stock"));
  ASSERT_EQ(rows.as_array().size(), 2u);
  EXPECT_EQ(rows.at(0), bj::value(json::object_of({{"idwarehouse", 1}, {"stock", 22}, {"reserved", 0},
                                                   {"reservedbackorders", 0}, {"reservedpicklists", 0},
                                                   {"reservedallocations", 0}, {"freestock", 22}})));
  EXPECT_EQ(rows.at(1).at("stock"), 4);
  bj::value one = stock_row(h, id, 2);
  EXPECT_EQ(one.at("freestock"), 4);
  EXPECT_TRUE(one.at("locations").is_array());
  EXPECT_TRUE(IsError(h.call("GET", "/products/1/stock/3"), 404, 20));
  EXPECT_TRUE(IsError(h.call("GET", "/products/9/stock"), 404, 20));
}

TEST(Stock, AmountSetsAndChangeAdds) {
  Harness h;
  int64_t id = h.create_product("S2");
  Response set = post_stock(h, id, 1, json::object_of({{"amount", 10}, {"reason", "Counted"}}));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(Harness::body(set).at("stock"), 10);
  EXPECT_EQ(Harness::body(post_stock(h, id, 1, json::object_of({{"change", -3}}))).at("stock"), 7);
  EXPECT_EQ(Harness::body(post_stock(h, id, 1, json::object_of({{"change", 5}, {"idlocation", nullptr}}))).at("freestock"), 12);
  EXPECT_EQ(h.fake.stock("S2", 1).stock, 12);
}

TEST(Stock, RefusesBadChanges) {
  Harness h;
  int64_t id = h.create_product("S3", 5);
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"reason", "nothing"}})), 400, 5));
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"amount", 1}, {"change", 1}})), 400, 5));
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"amount", "3"}})), 400, 5));
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"amount", 3}, {"idlocation", 12}})), 400, 5));
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"amount", -1}})), 400, 1));
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"change", -6}})), 400, 1));
  EXPECT_TRUE(IsError(post_stock(h, id, 7, json::object_of({{"amount", 1}})), 404, 20));
  EXPECT_TRUE(IsError(post_stock(h, 99, 1, json::object_of({{"amount", 1}})), 404, 20));
  EXPECT_EQ(h.fake.stock("S3", 1).stock, 5) << "nothing refused changed the stock";
}

TEST(Stock, ProcessingReservesAndFreeStockIsStockMinusReserved) {
  Harness h;
  int64_t id = h.create_product("S4", 10);
  int64_t order = h.create_order("R1", {{"S4", 3}});
  EXPECT_EQ(stock_row(h, id, 1).at("reserved"), 0) << "a concept order reserves nothing";
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(order) + "/process").status, 200);
  bj::value row = stock_row(h, id, 1);
  EXPECT_EQ(row.at("stock"), 10);
  EXPECT_EQ(row.at("reservedpicklists"), 3);
  EXPECT_EQ(row.at("reserved"), 3);
  EXPECT_EQ(row.at("freestock"), 7);

  // Stock cannot drop below what picklists reserve; exactly down to it is fine.
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"amount", 2}})), 400, 1));
  Response floor = post_stock(h, id, 1, json::object_of({{"amount", 3}}));
  ASSERT_EQ(floor.status, 200) << floor.body;
  EXPECT_EQ(Harness::body(floor).at("freestock"), 0);
  EXPECT_TRUE(IsError(post_stock(h, id, 1, json::object_of({{"change", -1}})), 400, 1));
  EXPECT_EQ(h.fake.set_stock("S4", 1, 1).error().kind.code, kUnknownError);
}

TEST(Stock, WarehousesAreListedWithTheirSettings) {
  Harness h;
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 3, .name = "Store", .active = false, .accept_orders = false, .priority = 4}).ok());
  ASSERT_TRUE(h.fake.add_warehouse({.name = "Next"}).ok());
  bj::value list = Harness::body(h.call("GET", "/warehouses"));
  ASSERT_EQ(list.as_array().size(), 2u) << "no default warehouse once one was added";
  EXPECT_EQ(list.at(0), bj::value(json::object_of({{"idwarehouse", 3}, {"name", "Store"}, {"accept_orders", false},
                                                   {"counts_for_general_stock", true}, {"priority", 4},
                                                   {"active", false}})));
  EXPECT_EQ(list.at(1).at("idwarehouse"), 4);
  EXPECT_EQ(Harness::body(h.call("GET", "/warehouses/4")).at("name"), "Next");
  EXPECT_TRUE(IsError(h.call("GET", "/warehouses/1"), 404, 20));
  EXPECT_EQ(h.fake.add_warehouse({.idwarehouse = 3}).error().kind.code, kResourceFound);
}

TEST(Stock, WarehouseStockListsProductsWithStockOrReservations) {
  Harness h;
  h.create_product("W-STOCK", 4);
  h.create_product("W-NONE");
  h.create_product("W-RESERVED");
  h.create_product("W-INACTIVE", 2);
  ASSERT_EQ(h.call("POST", "/products/4/inactivate").status, 200);
  int64_t order = h.create_order("R2", {{"W-RESERVED", 2}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(order) + "/process").status, 200);
  bj::value rows = Harness::body(h.call("GET", "/warehouses/1/stock"));
  ASSERT_EQ(rows.as_array().size(), 3u) << rows;
  EXPECT_EQ(rows.at(0).at("productcode"), "W-STOCK");
  EXPECT_EQ(rows.at(0).at("idproduct"), 1);
  EXPECT_EQ(rows.at(0).at("freestock"), 4);
  EXPECT_EQ(rows.at(1).at("productcode"), "W-RESERVED");
  EXPECT_EQ(rows.at(1).at("reservedbackorders"), 2);
  EXPECT_EQ(rows.at(1).at("freestock"), -2);
  EXPECT_EQ(rows.at(2).at("productcode"), "W-INACTIVE");
  EXPECT_TRUE(IsError(h.call("GET", "/warehouses/2/stock"), 404, 20));
}

TEST(Stock, OrdersReserveInTheFirstActiveWarehouseThatAcceptsOrders) {
  Harness h;
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 1, .name = "Closed", .active = false}).ok());
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 2, .name = "B2B", .accept_orders = false}).ok());
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 3, .name = "Slow", .priority = 5}).ok());
  ASSERT_TRUE(h.fake.add_warehouse({.idwarehouse = 4, .name = "Fast", .priority = 2}).ok());
  ASSERT_TRUE(h.fake.add_product({.productcode = "MW", .stock = {{1, 5}, {2, 5}, {3, 5}, {4, 5}}}).ok());
  int64_t order = h.create_order("R3", {{"MW", 2}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(order) + "/process").status, 200);
  EXPECT_EQ(h.fake.stock("MW", 4).reservedpicklists, 2);
  for (int64_t w : {1, 2, 3}) EXPECT_EQ(h.fake.stock("MW", w).reserved(), 0) << w;
  EXPECT_EQ(h.fake.picklists().at(0).idwarehouse, 4);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
