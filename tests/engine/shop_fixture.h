// A small shop and Picqer account for engine tests, built through the fakes' simulator
// actions, with helpers to place orders and read outcomes.
#pragma once

#include <string>
#include <vector>

#include "tools/sim/world.h"

namespace lpsync::testing {

namespace ls_fake = fakes::lightspeed;
namespace pq_fake = fakes::picqer;

inline const Instant kStart = *parse_iso8601("2026-11-02T08:00:00Z");

inline Settings active_settings() {
  Settings s;
  s.active = true;
  return s;
}

// Active, pushing stock to the shop (section 4).
inline Settings stock_settings() {
  Settings s = active_settings();
  s.send_stock = true;
  return s;
}

inline sim::WorldConfig world_config(Settings s = active_settings(), uint64_t seed = 1) {
  sim::WorldConfig c;
  c.seed = seed;
  c.start = kStart;
  c.settings = s;
  return c;
}

// Shop: product 1 "Shirt" (variants 11 SKU "SHIRT-S", 12 "SHIRT-M"), product 2 "Mug"
// (variant 21 "MUG", 2 images), product 3 "Poster" (variant 31 "DUP"), product 4 "Card"
// (variant 41 "DUP"), product 5 "Sticker" (variant 51 without SKU). Picqer has "SHIRT-S"
// already (idproduct chosen by the fake) with 7 in stock.
void add_standard_catalogue(sim::World& w);

// Places an order for `lines` (variant id, quantity) now; returns its id.
int64_t place_order(ls_fake::LightspeedFake& shop, const std::string& number,
                    const std::vector<std::pair<int64_t, int64_t>>& lines, const std::string& payment_status = "paid");
inline int64_t place_order(sim::World& w, const std::string& number,
                           const std::vector<std::pair<int64_t, int64_t>>& lines,
                           const std::string& payment_status = "paid") {
  return place_order(w.lightspeed(), number, lines, payment_status);
}

// The shop's stock level of a variant now.
inline int64_t shop_stock(sim::World& w, int64_t variant) { return w.lightspeed().variant(variant)->stock_level; }

// References of the Picqer orders the engine created, sorted.
std::vector<std::string> picqer_references(sim::World& w);

}  // namespace lpsync::testing
