// page / limit / since_id over 0, 1, 249, 250, 251 and 1,000 items; count.json.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "fakes/lightspeed/list_query.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

LightspeedConfig unlimited() {
  LightspeedConfig c;
  c.limits = {1'000'000, 1'000'000, 1'000'000, 1'000'000};
  return c;
}

// n products with one variant each; returns nothing, ids are 1..n.
void add_products(Harness& h, int n) {
  for (int i = 0; i < n; ++i) {
    ProductSpec p;
    p.title = "P" + std::to_string(i);
    h.fake.add_product(p);
  }
}

std::vector<int64_t> ids_of(const Response& r, const char* key) {
  std::vector<int64_t> out;
  bj::value body = body_of(r);
  for (const auto& item : body.at(key).as_array()) out.push_back(item.at("id").as_int64());
  return out;
}

// Walks the list the way clients do: until a page is shorter than `limit`.
std::vector<std::vector<int64_t>> walk(Harness& h, const std::string& base, int limit) {
  std::vector<std::vector<int64_t>> pages;
  for (int page = 1; page < 100; ++page) {
    auto ids = ids_of(h.get(base + "?page=" + std::to_string(page) + "&limit=" + std::to_string(limit)), "variants");
    pages.push_back(ids);
    if (static_cast<int>(ids.size()) < limit) break;
  }
  return pages;
}

class Pagination : public ::testing::TestWithParam<int> {};

TEST_P(Pagination, PagesOf250CoverEveryItemOnceInIdOrder) {
  int n = GetParam();
  Harness h(unlimited());
  add_products(h, n);
  auto pages = walk(h, "/en/variants.json", 250);
  size_t expected_pages = static_cast<size_t>(n / 250 + 1);
  ASSERT_EQ(pages.size(), expected_pages);
  std::vector<int64_t> all;
  for (const auto& p : pages) all.insert(all.end(), p.begin(), p.end());
  ASSERT_EQ(all.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) EXPECT_EQ(all[static_cast<size_t>(i)], i + 1);
  EXPECT_EQ(pages.back().size(), static_cast<size_t>(n % 250));
  EXPECT_EQ(body_of(h.get("/en/variants/count.json")).at("count").as_int64(), n);
  EXPECT_EQ(body_of(h.get("/en/variants/count.json?page=3&limit=1")).at("count").as_int64(), n)
      << "count ignores paging";
  // The default page size is 50.
  EXPECT_EQ(ids_of(h.get("/en/variants.json"), "variants").size(), static_cast<size_t>(std::min(n, 50)));
}

INSTANTIATE_TEST_SUITE_P(Sizes, Pagination, ::testing::Values(0, 1, 249, 250, 251, 1000));

TEST(PaginationLimits, AboveTheMaximumIsServedAs250AndZeroOrJunkIs400) {
  Harness h(unlimited());
  add_products(h, 300);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?limit=1000"), "variants").size(), 250u);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?limit=251"), "variants").size(), 250u);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?limit=250&page=2"), "variants").size(), 50u);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?page=99"), "variants").size(), 0u);
  for (std::string q : {"limit=0", "limit=-1", "limit=ten", "page=0", "page=-2", "page=", "since_id=x"}) {
    Response r = h.get("/en/variants.json?" + q);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_EQ(envelope_of(r).code, 400) << q;
  }
}

TEST(PaginationLimits, SinceIdCursorsThroughTheList) {
  Harness h(unlimited());
  add_products(h, 7);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?since_id=4"), "variants"), (std::vector<int64_t>{5, 6, 7}));
  EXPECT_EQ(ids_of(h.get("/en/variants.json?since_id=4&limit=2&page=2"), "variants"), (std::vector<int64_t>{7}));
  EXPECT_EQ(body_of(h.get("/en/variants/count.json?since_id=4")).at("count").as_int64(), 3);
  EXPECT_EQ(ids_of(h.get("/en/variants.json?since_id=7"), "variants").size(), 0u);
}

RC_GTEST_PROP(ListQueryProperty, PagesPartitionTheItems, ()) {
  int n = *rc::gen::inRange(0, 600);
  int limit = *rc::gen::inRange(1, 260);
  std::vector<int> items(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) items[static_cast<size_t>(i)] = i;
  auto parsed = parse_list_query({{"limit", std::to_string(limit)}}, false);
  RC_ASSERT(parsed.ok());
  ListQuery q = parsed.value();
  std::vector<int> seen;
  for (q.page = 1;; ++q.page) {
    auto page = q.page_of(items);
    RC_ASSERT(page.size() <= static_cast<size_t>(std::min(limit, 250)));
    seen.insert(seen.end(), page.begin(), page.end());
    if (page.size() < static_cast<size_t>(q.limit)) break;
  }
  RC_ASSERT(seen == items);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
