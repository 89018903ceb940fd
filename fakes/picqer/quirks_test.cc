// Quirk modes of the Picqer fake: the plausible alternatives where the docs are silent.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;

PicqerConfig with_quirk(std::string_view name) {
  PicqerConfig c;
  c.quirks.turn_on(std::string(name));
  return c;
}

int64_t processed_order(Harness& h, const std::string& reference) {
  int64_t id = h.create_order(reference, {{"MUG", 1}});
  EXPECT_EQ(h.call("POST", "/orders/" + std::to_string(id) + "/process").status, 200);
  return id;
}

TEST(PicqerQuirks, FiltersIgnoredListsEveryPicklist) {
  Harness h(with_quirk(kPicqerFiltersIgnored));
  h.create_product("MUG", 10);
  int64_t a = processed_order(h, "A");
  int64_t b = processed_order(h, "B");
  bj::value list = Harness::body(h.call("GET", "/picklists?idorder=" + std::to_string(b) + "&status=new"));
  ASSERT_EQ(list.as_array().size(), 2u);
  EXPECT_EQ(list.at(0).at("idorder"), a);
  EXPECT_EQ(list.at(1).at("idorder"), b);
}

TEST(PicqerQuirks, WithoutQuirksTheFiltersHold) {
  Harness h;
  h.create_product("MUG", 10);
  processed_order(h, "A");
  int64_t b = processed_order(h, "B");
  bj::value list = Harness::body(h.call("GET", "/picklists?idorder=" + std::to_string(b)));
  ASSERT_EQ(list.as_array().size(), 1u);
  EXPECT_EQ(list.at(0).at("idorder"), b);
}

TEST(PicqerQuirks, OffsetIgnoredServesTheFirstPageAgain) {
  Harness h(with_quirk(kPicqerOffsetIgnored));
  for (int i = 0; i < 101; ++i) h.create_product("P" + std::to_string(1000 + i), 1);
  bj::value first = Harness::body(h.call("GET", "/warehouses/1/stock"));
  bj::value second = Harness::body(h.call("GET", "/warehouses/1/stock?offset=100"));
  ASSERT_EQ(first.as_array().size(), 100u);
  EXPECT_EQ(first, second);
  Harness normal;
  for (int i = 0; i < 101; ++i) normal.create_product("P" + std::to_string(1000 + i), 1);
  EXPECT_EQ(Harness::body(normal.call("GET", "/warehouses/1/stock?offset=100")).as_array().size(), 1u);
}

TEST(PicqerQuirks, RowsWithoutIdsKeepTheirProductcode) {
  Harness h(with_quirk(kPicqerRowsWithoutIds));
  h.create_product("MUG", 4);
  bj::value rows = Harness::body(h.call("GET", "/warehouses/1/stock"));
  ASSERT_EQ(rows.as_array().size(), 1u);
  EXPECT_FALSE(rows.at(0).as_object().contains("idproduct"));
  EXPECT_EQ(rows.at(0).at("productcode"), "MUG");
  EXPECT_EQ(rows.at(0).at("freestock"), 4);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
