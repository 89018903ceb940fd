#include "engine/env/json.h"

#include <gtest/gtest.h>

namespace lpsync::json {
namespace {

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Json, ReadsTypedFields) {
  bj::value doc = parse(R"({"orders":[{"id":7,"number":"ORD7","paid":true,"price":12.5}]})");
  Reader order = Reader(doc).field("orders").at(0);
  EXPECT_EQ(order.int_at("id"), 7);
  EXPECT_EQ(order.string_at("number"), "ORD7");
  EXPECT_TRUE(order.bool_at("paid"));
  EXPECT_DOUBLE_EQ(order.field("price").as_number(), 12.5);
  EXPECT_EQ(order.path(), "$.orders[0]");
}

TEST(Json, ErrorsNameThePathAndTheProblem) {
  bj::value doc = parse(R"({"orders":[{"id":"7"}]})");
  Reader root(doc);
  EXPECT_EQ(error_of([&] { root.field("orders").at(0).int_at("id"); }),
            "$.orders[0].id: expected an integer, got a string");
  EXPECT_EQ(error_of([&] { root.field("orders").at(0).string_at("number"); }), "$.orders[0].number: missing");
  EXPECT_EQ(error_of([&] { root.field("orders").at(3); }), "$.orders[3]: missing (the array has 1 items)");
  EXPECT_EQ(error_of([&] { root.field("orders").field("x"); }), "$.orders: expected an object, got an array");
  EXPECT_EQ(error_of([] { parse("{\"a\":"); }).substr(0, 17), "$: malformed JSON");
}

TEST(Json, AnIntegerOutOfRangeSaysSoNotThatItIsNoInteger) {
  bj::value doc = parse(R"({"big": 18446744073709551615, "huge": 1e300})");
  Reader r(doc);
  EXPECT_EQ(error_of([&] { r.field("big").as_int(); }),
            "$.big: the integer 18446744073709551615 is out of range (at most 9223372036854775807)");
  EXPECT_EQ(error_of([&] { r.field("huge").as_int(); }), "$.huge: the number 1E300 is out of range for an integer");
}

TEST(Json, LooseReadingOfLightspeedQuirks) {
  bj::value doc = parse(R"({"a":"12","b":false,"c":"","d":3,"e":"1.25","f":null,"g":"x1"})");
  Reader r(doc);
  EXPECT_EQ(r.field("a").as_int_loose(), 12);
  EXPECT_EQ(r.field("b").as_int_loose(), 0);
  EXPECT_EQ(r.field("c").as_int_loose(), 0);
  EXPECT_EQ(r.field("d").as_string_loose(), "3");
  EXPECT_DOUBLE_EQ(r.field("e").as_number_loose(), 1.25);
  EXPECT_EQ(r.field("b").as_string_loose(), "");
  EXPECT_TRUE(r.field("b").is_false());
  EXPECT_FALSE(r.find("f").has_value());
  EXPECT_TRUE(r.has("f"));
  EXPECT_EQ(error_of([&] { r.field("g").as_int_loose(); }), "$.g: expected a whole number, got the text \"x1\"");
}

TEST(Json, BuildsObjectsInOrder) {
  bj::object o = object_of({{"variant", object_of({{"stockLevel", 5}})}, {"z", "last"}});
  EXPECT_EQ(serialize(o), R"({"variant":{"stockLevel":5},"z":"last"})");
}

}  // namespace
}  // namespace lpsync::json
