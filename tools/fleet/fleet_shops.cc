#include "tools/fleet/fleet_shops.h"

#include <boost/json.hpp>

namespace lpsync::fleet {
namespace {

std::string sku(int account, int k) { return "SKU-" + std::to_string(account) + "-" + std::to_string(k); }

}  // namespace

fakes::lightspeed::ProductSpec shop_product(const std::string& sku, int64_t stock) {
  fakes::lightspeed::ProductSpec p;
  p.title = "Product " + sku;
  fakes::lightspeed::VariantSpec v;
  v.title = p.title;
  v.sku = sku;
  v.price_incl = 12.10;
  v.price_excl = 10.00;
  v.stock_level = stock;
  p.variants.push_back(v);
  return p;
}

fakes::picqer::ProductSpec picqer_product(const std::string& productcode, int64_t stock) {
  fakes::picqer::ProductSpec q;
  q.productcode = productcode;
  q.price = 12.10;
  q.stock = {{1, stock}};
  return q;
}

void stock_shop(fakes::FakeFleet& fleet, int shop) {
  int account = fleet.account_of(shop);
  for (int k = 0; k < 2; ++k) {
    fleet.shop(shop).add_product(shop_product(sku(account, k), 1000));
    if (shop == account) {  // the account's first shop stocks it
      auto added = fleet.account(account).add_product(picqer_product(sku(account, k), 1000));
      if (!added.ok()) throw std::runtime_error("the fake Picqer account refused product " + sku(account, k));
    }
  }
}

std::string order_number(int shop, int n) { return "S" + std::to_string(shop) + "-" + std::to_string(n); }

void place_order(fakes::FakeFleet& fleet, int shop, int n, bool paid) {
  auto& s = fleet.shop(shop);
  fakes::lightspeed::OrderSpec o;
  o.number = order_number(shop, n);
  o.payment_status = paid ? "paid" : "not_paid";
  o.email = "customer@example.com";
  o.firstname = "Fleet";
  o.lastname = "Customer";
  o.address = {"Fleet Customer", "Dorpsstraat", "1", "1234AB", "Utrecht", "nl"};
  const auto& variants = s.shop().variants();
  auto variant = std::next(variants.begin(), n % 2);
  o.lines.push_back({variant->first, 1, std::nullopt, ""});
  s.place_order(o);
}

size_t copies_in_picqer(fakes::FakeFleet& fleet, int shop, int n) {
  return fleet.account(fleet.account_of(shop)).orders_by_reference(order_number(shop, n)).size();
}

std::string connection_config(const fakes::FakeFleet& fleet, int shop) {
  return connection_config(fleet.lightspeed_url(), fleet.picqer_url(), shop, fleet.account_of(shop));
}

std::string connection_config(const std::string& lightspeed_url, const std::string& picqer_url, int shop, int account,
                              int poll_seconds) {
  boost::json::object c{
      {"lightspeed",
       {{"base_url", lightspeed_url},
        {"language", "en"},
        {"key", fakes::FakeFleet::lightspeed_key(shop)},
        {"secret", fakes::FakeFleet::lightspeed_secret(shop)}}},
      {"picqer", {{"base_url", picqer_url}, {"key", fakes::FakeFleet::picqer_key(account)}}},
      {"settings", {{"active", true}, {"send_stock", true}, {"send_shipments", true}, {"poll_interval", poll_seconds}, {"shipment_delay", 0}}},
  };
  return boost::json::serialize(c);
}

}  // namespace lpsync::fleet
