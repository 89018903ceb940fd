// created_at_min/max, updated_at_min/max (inclusive, "YYYY-MM-DD HH:MM:SS" UTC), ISO input.
#include <gtest/gtest.h>

#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

std::vector<int64_t> order_ids(const Response& r) {
  std::vector<int64_t> out;
  boost::json::value body = body_of(r);
  for (const auto& o : body.at("orders").as_array()) out.push_back(o.at("id").as_int64());
  return out;
}

std::string q(const std::string& text) { return percent_encode(text); }

// Orders 1..3 created at -3h, -2h, -1h; order 2 updated at -30m.
void add_orders(Harness& h) {
  h.clock.advance(Duration::hours(3));
  for (int i = 0; i < 3; ++i) {
    OrderSpec o;
    o.created_at = kStart + Duration::hours(i);
    h.fake.place_order(o);
  }
  OrderPatch p;
  p.memo = "touched";
  p.at = kStart + Duration::hours(2) + Duration::minutes(30);
  h.fake.update_order(2, p);
}

TEST(DateFilters, BoundsAreInclusiveToTheSecond) {
  Harness h;
  add_orders(h);
  // Order 2 was updated exactly at 10:30:00.
  EXPECT_EQ(order_ids(h.get("/en/orders.json?updated_at_min=" + q("2026-11-02 10:30:00"))), (std::vector<int64_t>{2}));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?updated_at_min=" + q("2026-11-02 10:30:01"))), (std::vector<int64_t>{}));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?updated_at_max=" + q("2026-11-02 10:30:00"))),
            (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?updated_at_max=" + q("2026-11-02 10:29:59"))),
            (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?created_at_min=" + q("2026-11-02 09:00:00") +
                            "&created_at_max=" + q("2026-11-02 10:00:00"))),
            (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?created_at_max=" + q("2026-11-02 07:59:59"))), (std::vector<int64_t>{}));
  EXPECT_EQ(body_of(h.get("/en/orders/count.json?updated_at_min=" + q("2026-11-02 09:00:00"))).at("count").as_int64(),
            2);
}

TEST(DateFilters, TheWindowAnEngineUsesFindsOrdersUpdatedWithinTwelveHours) {
  Harness h;
  add_orders(h);
  h.clock.advance(Duration::hours(12));  // now 23:00; the window below starts at 10:30:00
  std::string min = format_sql_datetime(h.clock.now() - Duration::hours(12) - Duration::minutes(30));
  EXPECT_EQ(order_ids(h.get("/en/orders.json?updated_at_min=" + q(min))), (std::vector<int64_t>{2}));
}

TEST(DateFilters, IsoInputIsRefusedByDefaultAndAcceptedWhenConfigured) {
  Harness strict;
  add_orders(strict);
  Response r = strict.get("/en/orders.json?updated_at_min=" + q("2026-11-02T10:30:00Z"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(envelope_of(r).message.find("YYYY-MM-DD HH:MM:SS"), std::string::npos);
  for (std::string bad : {"2026-11-02", "yesterday", "2026-13-01 00:00:00", "2026-11-02 10:30"}) {
    EXPECT_EQ(strict.get("/en/orders.json?created_at_min=" + q(bad)).status, 400) << bad;
  }

  LightspeedConfig c;
  c.accept_iso_filter_dates = true;
  Harness lenient(c);
  add_orders(lenient);
  EXPECT_EQ(order_ids(lenient.get("/en/orders.json?updated_at_min=" + q("2026-11-02T12:30:00+02:00"))),
            (std::vector<int64_t>{2}));
  EXPECT_EQ(order_ids(lenient.get("/en/orders.json?updated_at_min=" + q("2026-11-02 10:30:00"))),
            (std::vector<int64_t>{2}));
}

TEST(DateFilters, ApplyToEveryCollection) {
  Harness h;
  h.add_shirt();  // variants created at 08:00
  h.clock.advance(Duration::hours(1));
  VariantPatch p;
  p.stock_level = 1;
  h.fake.update_variant(12, p);
  auto count = [&](const std::string& target) { return body_of(h.get(target)).at("count").as_int64(); };
  std::string at9 = q("2026-11-02 09:00:00");
  EXPECT_EQ(count("/en/variants/count.json?updated_at_min=" + at9), 1);
  EXPECT_EQ(count("/en/variants/movements/count.json?created_at_min=" + at9), 1);
  EXPECT_EQ(count("/en/products/count.json?created_at_min=" + at9), 0);
  EXPECT_EQ(count("/en/shipments/count.json?created_at_min=" + at9), 0);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
