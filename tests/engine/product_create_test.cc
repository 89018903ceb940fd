// Import products (section 3) when Picqer answers 429: a refusal for the rate applied nothing,
// so the next attempt goes on as a first one, without the look-ups a lost answer needs.
#include <gtest/gtest.h>

#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

using fakes::FaultKind;

Settings importing() {
  Settings s = active_settings();
  s.import_products = true;
  return s;
}

size_t lookups_by_code(sim::World& w) {
  size_t n = 0;
  for (const auto& e : w.picqer().journal().entries()) {
    n += fakes::matches_pattern("GET /products", e.method, e.path) && e.query.find("productcode=") != std::string::npos;
  }
  return n;
}

// Import products on the standard catalogue, Picqer answering the first `request` with 429,
// run for half an hour; what pressing Import products answered ("": it started).
std::string import_with_one_429(sim::World& w, const std::string& request) {
  add_standard_catalogue(w);
  w.picqer().add_fault({FaultKind::http_429, request, 1, std::nullopt, kStart});
  w.start_engine();
  std::string refused = w.import_products();
  w.run_until(kStart + Duration::minutes(30));
  return refused;
}

// The import listed every Picqer product first, so a code it did not see is created at once;
// a 429 on that create changes nothing about that.
TEST(ProductCreate, ACreateRefusedForTheRateIsNotLookedUpBeforeTheNextAttempt) {
  sim::World w(world_config(importing()));
  ASSERT_EQ(import_with_one_429(w, "POST /products"), "");
  ASSERT_TRUE(w.picqer().product_by_code("MUG"));
  ASSERT_TRUE(w.picqer().product_by_code("SHIRT-M"));
  EXPECT_EQ(w.picqer().journal().count("POST /products"), 3u) << "two creates and the refused one";
  EXPECT_EQ(lookups_by_code(w), 0u);
}

// An image upload refused for the rate: the images already in Picqer are not counted again.
TEST(ProductCreate, AnImageRefusedForTheRateIsSentAgainWithoutCountingTheImages) {
  sim::World w(world_config(importing()));
  ASSERT_EQ(import_with_one_429(w, "POST /products/*/images"), "");
  auto mug = w.picqer().product_by_code("MUG");
  ASSERT_TRUE(mug);
  EXPECT_EQ(mug->images.size(), 2u);
  EXPECT_EQ(w.picqer().journal().count("GET /products/*/images"), 0u);
}

}  // namespace
}  // namespace lpsync::testing
