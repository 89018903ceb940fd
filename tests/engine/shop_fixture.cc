#include "tests/engine/shop_fixture.h"

#include <algorithm>

namespace lpsync::testing {

void add_standard_catalogue(sim::World& w) {
  auto& ls = w.lightspeed();
  ls_fake::ProductSpec shirt;
  shirt.id = 1;
  shirt.title = "Shirt";
  shirt.images = {"shirt-front.jpg"};
  shirt.variants = {{11, "Small", "SHIRT-S", "8710000000011", "", 20, 24.2, 5, "enabled", 200},
                    {12, "Medium", " SHIRT-M ", "8710000000012", "", 20, 24.2, 4, "enabled", 210}};
  ls.add_product(shirt);
  ls_fake::ProductSpec mug;
  mug.id = 2;
  mug.title = "Mug";
  mug.images = {"mug-1.jpg", "mug-2.jpg"};
  mug.variants = {{21, "Default", "MUG", "8710000000021", "", 8, 9.68, 9, "enabled", 350}};
  ls.add_product(mug);
  ls_fake::ProductSpec poster;
  poster.id = 3;
  poster.title = "Poster";
  poster.variants = {{31, "Default", "DUP", "", "", 5, 6.05, 3, "enabled", 50}};
  ls.add_product(poster);
  ls_fake::ProductSpec card;
  card.id = 4;
  card.title = "Card";
  card.variants = {{41, "Default", "DUP", "", "", 2, 2.42, 3, "enabled", 10}};
  ls.add_product(card);
  ls_fake::ProductSpec sticker;
  sticker.id = 5;
  sticker.title = "Sticker";
  sticker.variants = {{51, "Default", "", "", "", 1, 1.21, 3, "enabled", 5}};
  ls.add_product(sticker);

  pq_fake::ProductSpec existing;
  existing.productcode = "SHIRT-S";
  existing.name = "Shirt S (entered in Picqer)";
  existing.price = 20;
  existing.stock = {{1, 7}};
  auto added = w.picqer().add_product(existing);
  if (!added.ok()) throw std::runtime_error(added.error().message);
}

int64_t place_order(ls_fake::LightspeedFake& shop, const std::string& number,
                    const std::vector<std::pair<int64_t, int64_t>>& lines, const std::string& payment_status) {
  ls_fake::OrderSpec o;
  o.number = number;
  o.payment_status = payment_status;
  o.email = "ann@example.nl";
  o.firstname = "Ann";
  o.lastname = "de Vries";
  o.address = {"Ann de Vries", "Damrak", "1", "1012 LG", "Amsterdam", "nl"};
  for (const auto& [variant, qty] : lines) {
    ls_fake::OrderLineSpec l;
    l.variant = variant;
    l.quantity = qty;
    o.lines.push_back(l);
  }
  return shop.place_order(o);
}

std::vector<std::string> picqer_references(sim::World& w) {
  std::vector<std::string> out;
  for (const auto& o : w.picqer().orders()) {
    if (o.via_api) out.push_back(o.reference);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace lpsync::testing
