// The shops of a fleet test or bench on a FakeFleet: each shop sells two products (one variant
// each) whose SKUs its Picqer account stocks, shared with the account's other shops; paid
// orders numbered per shop ("S7-3"), so shops on one account never share an order number; and
// the config text a connection of that shop is added with.
#pragma once

#include <string>

#include "fakes/wiring/fake_fleet.h"

namespace lpsync::fleet {

// A product of one variant with this SKU, priced 12.10 incl. VAT, `stock` in the shop; and the
// Picqer product of that productcode with `stock` in warehouse 1.
fakes::lightspeed::ProductSpec shop_product(const std::string& sku, int64_t stock);
fakes::picqer::ProductSpec picqer_product(const std::string& productcode, int64_t stock);

// Inside FakeFleet::with(). Call once per shop, in shop order.
void stock_shop(fakes::FakeFleet& fleet, int shop);
std::string order_number(int shop, int n);
// An order (paid unless said) of one item of one of the shop's two products (by n); inside with().
void place_order(fakes::FakeFleet& fleet, int shop, int n, bool paid = true);
// How many Picqer orders carry that order's number, in the shop's account; inside with().
size_t copies_in_picqer(fakes::FakeFleet& fleet, int shop, int n);
// The connection's config: the fleet's URLs and the shop's keys, active, importing orders,
// sending stock and shipments (without delay), polling every minute (the least allowed).
std::string connection_config(const fakes::FakeFleet& fleet, int shop);
// The same for shop `shop` on Picqer account `account` at any two base URLs (fakes routed in
// process, as `bench --fleet` runs them on the simulated clock), polling every `poll_seconds`.
std::string connection_config(const std::string& lightspeed_url, const std::string& picqer_url, int shop, int account,
                              int poll_seconds = 60);

}  // namespace lpsync::fleet
