// Orders: create (concept, guest address, lines by idproduct or productcode, error codes 5, 9,
// 13, 23, 24, 25), list filters, get, process (reservations, picklist, backorders), cancel.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

bj::object order_body(bj::array products) {
  return json::object_of({{"reference", "LS-100"}, {"emailaddress", "a@b.nl"}, {"deliveryname", "Ann"},
                          {"deliveryaddress", "Main street 1"}, {"deliveryzipcode", "1234 AB"},
                          {"deliverycity", "Utrecht"}, {"deliverycountry", "NL"}, {"invoicename", "Ann"},
                          {"products", std::move(products)}});
}

bj::object line(std::initializer_list<std::pair<bj::string_view, bj::value_ref>> fields) { return json::object_of(fields); }

TEST(Orders, CreateMakesAConceptOrderWithLinesByCodeOrId) {
  Harness h;
  int64_t mug = h.create_product("MUG");
  h.create_product("CUP");
  h.clock.advance(Duration::seconds(30));
  Response r = h.call("POST", "/orders", order_body({line({{"productcode", "CUP"}, {"amount", 2}}),
                                                     line({{"idproduct", mug}, {"amount", 1}, {"price", 8.25},
                                                           {"remarks", "gift"}})}));
  ASSERT_EQ(r.status, 201) << r.body;
  bj::value o = Harness::body(r);
  EXPECT_EQ(o.at("idorder"), 1);
  EXPECT_EQ(o.at("status"), "concept");
  EXPECT_EQ(o.at("reference"), "LS-100");
  EXPECT_EQ(o.at("orderid"), "O2026-00001");
  EXPECT_EQ(o.at("idcustomer"), nullptr);
  EXPECT_EQ(o.at("deliverycity"), "Utrecht");
  EXPECT_EQ(o.at("invoicecountry"), "NL") << "defaults to the delivery country";
  EXPECT_EQ(o.at("telephone"), nullptr);
  EXPECT_EQ(o.at("created"), "2026-11-02 08:00:30");
  const bj::array& lines = o.at("products").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("idproduct"), 2);
  EXPECT_EQ(lines[0].at("productcode"), "CUP");
  EXPECT_EQ(lines[0].at("amount"), 2);
  EXPECT_EQ(lines[0].at("price").as_double(), 10.5) << "no price: the product's";
  EXPECT_EQ(lines[1].at("productcode"), "MUG");
  EXPECT_EQ(lines[1].at("price").as_double(), 8.25);
  EXPECT_EQ(lines[1].at("remarks"), "gift");
  EXPECT_EQ(Harness::body(h.call("GET", "/orders/1")), o);
  EXPECT_TRUE(IsError(h.call("GET", "/orders/2"), 404, 20));
  EXPECT_EQ(h.fake.stock("MUG", 1).reserved(), 0);
  EXPECT_TRUE(h.fake.order(1)->via_api);
}

TEST(Orders, CreateRefusesWithTheDocumentedCodes) {
  Harness h;
  h.create_product("MUG");
  auto ok_line = [] { return line({{"productcode", "MUG"}, {"amount", 1}}); };
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({})), 400, 13));
  bj::object no_products = order_body({});
  no_products.erase("products");
  EXPECT_TRUE(IsError(h.call("POST", "/orders", no_products), 400, 13));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({line({{"productcode", "NOPE"}, {"amount", 1}})})), 400, 24));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({line({{"idproduct", 42}, {"amount", 1}})})), 400, 24));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({line({{"amount", 1}})})), 400, 23));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({line({{"productcode", "MUG"}})})), 400, 23));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({line({{"productcode", "MUG"}, {"amount", 0}})})), 400, 23));
  EXPECT_TRUE(IsError(h.call("POST", "/orders", order_body({ok_line(), line({{"productcode", "X"}, {"amount", 1}})})), 400, 24));
  for (const char* field : {"deliveryname", "deliverycountry", "invoicename"}) {
    bj::object guest = order_body({ok_line()});
    guest.erase(field);
    Response r = h.call("POST", "/orders", guest);
    EXPECT_TRUE(IsError(r, 400, 5)) << field;
    EXPECT_NE(r.body.find(field), std::string::npos);
  }
  bj::object country = order_body({ok_line()});
  country["deliverycountry"] = "Netherlands";
  EXPECT_TRUE(IsError(h.call("POST", "/orders", country), 400, 9));
  bj::object customer = order_body({ok_line()});
  customer["idcustomer"] = 5;
  EXPECT_TRUE(IsError(h.call("POST", "/orders", customer), 400, 25));
  bj::object not_array = order_body({});
  not_array["products"] = "MUG";
  EXPECT_TRUE(IsError(h.call("POST", "/orders", not_array), 400, 5));
  EXPECT_TRUE(h.fake.orders().empty()) << "nothing refused was created";
}

TEST(Orders, ReferencesNeedNotBeUniqueAndStatusOnCreateIsIgnored) {
  Harness h;
  h.create_product("MUG");
  bj::object body = order_body({line({{"productcode", "MUG"}, {"amount", 1}})});
  body["status"] = "completed";
  ASSERT_EQ(h.call("POST", "/orders", body).status, 201);
  ASSERT_EQ(h.call("POST", "/orders", body).status, 201);
  EXPECT_EQ(h.fake.orders_by_reference("LS-100").size(), 2u);
  EXPECT_EQ(h.fake.order(2)->status, "concept");
}

TEST(Orders, ListFiltersByReferenceStatusAndIds) {
  Harness h;
  h.create_product("MUG", 100);
  for (std::string ref : {"A", "B", "A", "C", "D"}) h.create_order(ref, {{"MUG", 1}});
  ASSERT_EQ(h.call("POST", "/orders/3/process").status, 200);
  ASSERT_EQ(h.call("POST", "/orders/4/process").status, 200);
  auto ids = [&](const std::string& query) {
    std::vector<int64_t> out;
    bj::value list = Harness::body(h.call("GET", "/orders" + query));
    for (const auto& o : list.as_array()) out.push_back(o.at("idorder").as_int64());
    return out;
  };
  EXPECT_EQ(ids(""), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(ids("?reference=A"), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(ids("?reference=a"), (std::vector<int64_t>{}));
  EXPECT_EQ(ids("?status=processing"), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(ids("?status=concept&reference=A"), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids("?sinceid=3"), (std::vector<int64_t>{4, 5}));
  EXPECT_EQ(ids("?beforeid=3"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(ids("?orderid=O2026-00002"), (std::vector<int64_t>{2}));
  EXPECT_TRUE(IsError(h.call("GET", "/orders?sinceid=x"), 400, 5));
  EXPECT_TRUE(IsError(h.call("GET", "/orders?offset=-1"), 400, 5));
}

TEST(Orders, ProcessReservesStockAndCreatesAPicklist) {
  Harness h;
  h.create_product("MUG", 5);
  h.create_product("CUP", 5);
  int64_t id = h.create_order("LS-1", {{"MUG", 2}, {"CUP", 5}});
  Response r = h.call("POST", "/orders/" + std::to_string(id) + "/process");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Harness::body(r).at("status"), "processing");
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 3);
  EXPECT_EQ(h.fake.stock("CUP", 1).freestock(), 0);
  auto picklists = h.fake.picklists();
  ASSERT_EQ(picklists.size(), 1u);
  EXPECT_EQ(picklists[0].idorder, id);
  EXPECT_EQ(picklists[0].status, "new");
  ASSERT_EQ(picklists[0].lines.size(), 2u);
  EXPECT_EQ(picklists[0].lines[1].amount, 5);
  // Processing twice is refused and reserves nothing more.
  EXPECT_TRUE(IsError(h.call("POST", "/orders/" + std::to_string(id) + "/process"), 400, 21));
  EXPECT_EQ(h.fake.stock("MUG", 1).reserved(), 2);
  EXPECT_TRUE(IsError(h.call("POST", "/orders/9/process"), 404, 20));
}

TEST(Orders, WithoutEnoughFreeStockTheRestIsABackorder) {
  Harness h;
  h.create_product("MUG", 3);
  int64_t id = h.create_order("LS-2", {{"MUG", 5}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(id) + "/process").status, 200);
  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.reservedpicklists, 3);
  EXPECT_EQ(mug.reservedbackorders, 2);
  EXPECT_EQ(mug.freestock(), -2);
  ASSERT_EQ(h.fake.picklists().size(), 1u);
  EXPECT_EQ(h.fake.picklists()[0].lines[0].amount, 3);

  // Nothing in stock at all: processing, no picklist.
  h.create_product("GONE");
  int64_t none = h.create_order("LS-3", {{"GONE", 1}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(none) + "/process").status, 200);
  EXPECT_EQ(h.fake.order(none)->status, "processing");
  EXPECT_EQ(h.fake.picklists().size(), 1u);
  EXPECT_EQ(h.fake.stock("GONE", 1).freestock(), -1);
}

TEST(Orders, ArrivingStockTurnsBackordersIntoPicklistsFirstComeFirstServed) {
  Harness h;
  h.create_product("MUG");
  int64_t first = h.create_order("LS-4", {{"MUG", 2}});
  int64_t second = h.create_order("LS-5", {{"MUG", 2}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(first) + "/process").status, 200);
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(second) + "/process").status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), -4);
  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 3).ok());
  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.reservedpicklists, 3);
  EXPECT_EQ(mug.reservedbackorders, 1);
  EXPECT_EQ(mug.freestock(), -1);
  auto picklists = h.fake.picklists();
  ASSERT_EQ(picklists.size(), 2u);
  EXPECT_EQ(picklists[0].idorder, first);
  EXPECT_EQ(picklists[0].lines[0].amount, 2);
  EXPECT_EQ(picklists[1].idorder, second);
  EXPECT_EQ(picklists[1].lines[0].amount, 1);
}

TEST(Orders, BackordersCanWaitForAManualStep) {
  Harness h(PicqerConfig{.auto_process_backorders = false});
  h.create_product("MUG");
  int64_t id = h.create_order("LS-6", {{"MUG", 2}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(id) + "/process").status, 200);
  ASSERT_TRUE(h.fake.set_stock("MUG", 1, 5).ok());
  EXPECT_TRUE(h.fake.picklists().empty());
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 3);
}

TEST(Orders, CancelConceptOrExpectedOnlyUnlessForced) {
  Harness h;
  h.create_product("MUG", 4);
  int64_t concept_order = h.create_order("LS-7", {{"MUG", 1}});
  Response r = h.call("DELETE", "/orders/" + std::to_string(concept_order));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Harness::body(r).at("status"), "cancelled");
  EXPECT_TRUE(IsError(h.call("DELETE", "/orders/" + std::to_string(concept_order)), 400, 21));
  EXPECT_TRUE(IsError(h.call("POST", "/orders/" + std::to_string(concept_order) + "/process"), 400, 21));

  int64_t processing = h.create_order("LS-8", {{"MUG", 6}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(processing) + "/process").status, 200);
  EXPECT_TRUE(IsError(h.call("DELETE", "/orders/" + std::to_string(processing)), 400, 21));
  EXPECT_EQ(h.fake.stock("MUG", 1).reserved(), 6);
  ASSERT_EQ(h.call("DELETE", "/orders/" + std::to_string(processing) + "?force=true").status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).reserved(), 0) << "picklist and backorder released";
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 4);
  EXPECT_EQ(h.fake.picklists()[0].status, "cancelled");
  EXPECT_TRUE(IsError(h.call("DELETE", "/orders/77"), 404, 20));
}

TEST(Orders, CancellingHandsReleasedStockToWaitingBackorders) {
  Harness h;
  h.create_product("MUG", 1);
  int64_t first = h.create_order("LS-9", {{"MUG", 1}});
  int64_t second = h.create_order("LS-10", {{"MUG", 1}});
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(first) + "/process").status, 200);
  ASSERT_EQ(h.call("POST", "/orders/" + std::to_string(second) + "/process").status, 200);
  EXPECT_EQ(h.fake.stock("MUG", 1).reservedbackorders, 1);
  ASSERT_EQ(h.call("DELETE", "/orders/" + std::to_string(first) + "?force=true").status, 200);
  StockLevel mug = h.fake.stock("MUG", 1);
  EXPECT_EQ(mug.reservedbackorders, 0);
  EXPECT_EQ(mug.reservedpicklists, 1);
  EXPECT_EQ(h.fake.picklists().back().idorder, second);
  EXPECT_TRUE(h.fake.ship_order("LS-10", "T", "postnl").ok());
}

TEST(Orders, SimulatorOrdersCanStartProcessing) {
  Harness h;
  ASSERT_TRUE(h.fake.add_product({.productcode = "MUG", .stock = {{1, 4}}}).ok());
  auto id = h.fake.add_order({.idorder = 40, .reference = "SIM-1", .status = "processing", .products = {{"MUG", 3}}});
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(id.value(), 40);
  EXPECT_FALSE(h.fake.order(40)->via_api);
  EXPECT_FALSE(h.fake.product_by_code("MUG")->via_api);
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 1);
  EXPECT_EQ(h.fake.picklists().size(), 1u);
  EXPECT_EQ(h.create_order("NEXT", {{"MUG", 1}}), 41) << "ids continue after an explicit one";
  EXPECT_EQ(h.fake.add_order({.idorder = 40, .reference = "DUP", .products = {{"MUG", 1}}}).error().kind.code,
            kResourceFound);
  EXPECT_EQ(h.fake.add_order({.reference = "X", .products = {{"NOPE", 1}}}).error().kind.code, kUnknownProduct);
  EXPECT_EQ(h.fake.add_order({.reference = "S", .status = "shipped", .products = {{"MUG", 1}}}).error().kind.code,
            kMissingParameters);
  EXPECT_TRUE(h.fake.orders_by_reference("S").empty());
  ASSERT_TRUE(h.fake.add_order({.reference = "DONE", .status = "completed", .products = {{"MUG", 1}}}).ok());
  EXPECT_EQ(h.fake.orders_by_reference("DONE")[0].status, "completed");
  EXPECT_EQ(h.fake.stock("MUG", 1).freestock(), 1) << "a completed order reserves nothing";
}

}  // namespace
}  // namespace lpsync::fakes::picqer
