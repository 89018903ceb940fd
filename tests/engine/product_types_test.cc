// Section 4 "Never pushed": how the engine learns which Picqer products have unlimited stock,
// at what cost in requests, and how old that knowledge may get.
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {


// Picqer's product lookups by code (GET /products?productcode=...) and its product listings.
struct ProductReads {
  size_t lookups = 0, listings = 0;
};
ProductReads product_reads(sim::World& w) {
  ProductReads r;
  for (const auto& e : w.picqer().journal().entries()) {
    if (!fakes::matches_pattern("GET /products", e.method, e.path)) continue;
    (e.query.find("productcode=") != std::string::npos ? r.lookups : r.listings)++;
  }
  return r;
}

// A shop of `n` one-variant products, every SKU also a Picqer product with 5 in stock.
void add_linked_catalogue(sim::World& w, int n) {
  for (int i = 0; i < n; ++i) {
    ls_fake::ProductSpec p;
    p.id = 1 + i;
    p.title = "Product " + std::to_string(i);
    p.variants = {{1000 + i, "Default", "SKU-" + std::to_string(i), "", "", 10, 12.1, 5, "enabled", 100}};
    w.lightspeed().add_product(p);
    pq_fake::ProductSpec q;
    q.productcode = "SKU-" + std::to_string(i);
    q.price = 10;
    q.stock = {{1, 5}};
    ASSERT_TRUE(w.picqer().add_product(q).ok());
  }
}

// The busy day's pattern: every linked product's stock changes once. One listing of Picqer's
// products (3 pages for 250) serves every push, where a lookup per product cost 250 requests.
TEST(ProductTypes, PushesOfManyProductsReadTheTypesFromOneListing) {
  sim::World w(world_config(stock_settings()));
  add_linked_catalogue(w, 250);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  for (int i = 0; i < 250; ++i) ASSERT_TRUE(w.picqer().set_stock("SKU-" + std::to_string(i), 1, 20 + i % 7).ok());
  w.run_until(kStart + Duration::minutes(30));
  for (int i = 0; i < 250; ++i) ASSERT_EQ(shop_stock(w, 1000 + i), 20 + i % 7) << "variant " << 1000 + i;
  ProductReads reads = product_reads(w);
  EXPECT_EQ(reads.lookups, 0u);
  EXPECT_EQ(reads.listings, 3u);
}

// A shop with one linked product looks that one up (a listing would cost as much or more).
TEST(ProductTypes, AFewLinkedProductsAreLookedUpOneByOne) {
  sim::World w(world_config(stock_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  EXPECT_EQ(shop_stock(w, 11), 7);
  ProductReads reads = product_reads(w);
  EXPECT_EQ(reads.listings, 0u);
  EXPECT_EQ(reads.lookups, 1u);
}

// The merchant switches a linked product to unlimited stock in Picqer: within a day the
// engine stops pushing it, and says so once.
TEST(ProductTypes, AProductSwitchedToUnlimitedStockIsNoLongerPushedWithinADay) {
  sim::World w(world_config(stock_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(2));
  ASSERT_EQ(shop_stock(w, 11), 7);
  auto shirt = w.picqer().product_by_code("SHIRT-S");
  ASSERT_TRUE(shirt);
  Request unlimited{"PUT", w.picqer().config().origin + "/api/v1/products/" + std::to_string(shirt->idproduct),
                    {{"Authorization", basic_auth_header(w.picqer().config().api_key, "")},
                     {"User-Agent", "test (x@y.test)"},
                     {"Content-Type", "application/json"}},
                    R"({"type":"unlimited_stock"})"};
  ASSERT_EQ(w.picqer().handle(unlimited).value().status, 200);
  w.run_until(kStart + Duration::hours(25));
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 30).ok());
  w.run_until(kStart + Duration::hours(26));
  EXPECT_EQ(shop_stock(w, 11), 7) << "unlimited stock in Picqer is never pushed";
  const auto& notes = w.engine()->report().notes;
  EXPECT_EQ(std::count_if(notes.begin(), notes.end(),
                          [](const std::string& n) { return n.find("has unlimited stock") != std::string::npos; }),
            1);
}

}  // namespace
}  // namespace lpsync::testing
