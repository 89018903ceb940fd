// Lists come 100 per page with `offset`, in ascending id order; a short page is the last.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

using testing::Harness;

// Walks a list as the official client does: offset += 100 until a page has fewer than 100.
std::vector<int64_t> walk(Harness& h, const std::string& resource, const char* id_field, int* pages) {
  std::vector<int64_t> ids;
  *pages = 0;
  for (size_t offset = 0;; offset += 100) {
    Response r = h.call("GET", resource + (resource.find('?') == std::string::npos ? "?" : "&") +
                                   "offset=" + std::to_string(offset));
    EXPECT_EQ(r.status, 200) << r.body;
    auto page = Harness::body(r).as_array();
    ++*pages;
    EXPECT_LE(page.size(), 100u);
    for (const auto& item : page) ids.push_back(item.at(id_field).as_int64());
    if (page.size() < 100) break;
  }
  return ids;
}

class Pagination : public ::testing::TestWithParam<int> {};

TEST_P(Pagination, ProductsOrdersHooksAndWarehouseStock) {
  const int n = GetParam();
  Harness h(PicqerConfig{.rate_limit_per_minute = 100000});
  std::vector<int64_t> expected;
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(h.fake.add_product({.productcode = "P" + std::to_string(i), .stock = {{1, 1}}}).ok());
    ASSERT_TRUE(h.fake.add_order({.reference = "R" + std::to_string(i), .products = {{"P0", 1}}}).ok());
    h.create_hook("orders.completed");
    expected.push_back(i + 1);
  }
  int pages = 0;
  int expected_pages = n / 100 + 1;
  EXPECT_EQ(walk(h, "/products", "idproduct", &pages), expected);
  EXPECT_EQ(pages, expected_pages);
  EXPECT_EQ(walk(h, "/orders", "idorder", &pages), expected);
  EXPECT_EQ(walk(h, "/orders?reference=R0", "idorder", &pages).size(), n > 0 ? 1u : 0u);
  EXPECT_EQ(walk(h, "/hooks", "idhook", &pages), expected);
  EXPECT_EQ(pages, expected_pages);
  EXPECT_EQ(walk(h, "/warehouses/1/stock", "idproduct", &pages), expected);
  // Past the end: an empty page.
  EXPECT_TRUE(Harness::body(h.call("GET", "/products?offset=" + std::to_string(n + 100))).as_array().empty());
}

INSTANTIATE_TEST_SUITE_P(Sizes, Pagination, ::testing::Values(0, 1, 99, 100, 101));

TEST(PaginationEdges, OffsetNeedNotBeAMultipleOf100) {
  Harness h;
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(h.fake.add_product({.productcode = "P" + std::to_string(i)}).ok());
  auto page = Harness::body(h.call("GET", "/products?offset=3")).as_array();
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].at("idproduct"), 4);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
