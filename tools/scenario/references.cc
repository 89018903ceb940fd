#include "tools/scenario/references.h"

#include <map>
#include <set>

#include "tools/scenario/strict_reader.h"

namespace lpsync::scenario {
namespace {

std::string show(int64_t id) { return std::to_string(id); }
std::string show(const std::string& s) { return "\"" + s + "\""; }

// Names that exist, each with the path that made it, for "already used at" messages.
template <class Key>
class Names {
 public:
  explicit Names(std::string what) : what_(std::move(what)) {}

  void define(const Key& key, const std::string& path) {
    auto [it, fresh] = where_.emplace(key, path);
    if (!fresh) fail_at(path, "duplicate " + what_ + " " + show(key) + " (already used at " + it->second + ")");
  }
  void also(const Key& key, const std::string& path) { where_.emplace(key, path); }
  bool has(const Key& key) const { return where_.count(key) != 0; }
  void require(const Key& key, const std::string& path, std::string_view when = "") const {
    if (has(key)) return;
    std::string known;
    size_t listed = 0;
    for (const auto& [k, _] : where_) {
      if (listed++ == 10) { known += ", ..."; break; }
      known += (known.empty() ? "" : ", ") + show(k);
    }
    fail_at(path, "no " + what_ + " " + show(key) + " exists" + std::string(when) + "; known: " +
                      (known.empty() ? "none" : known));
  }

 private:
  std::string what_;
  std::map<Key, std::string> where_;
};

struct Known {
  Names<int64_t> products{"Lightspeed product id"}, variants{"Lightspeed variant id"}, orders{"Lightspeed order id"};
  Names<std::string> numbers{"Lightspeed order number"};
  Names<int64_t> warehouses{"Picqer warehouse"}, picqer_ids{"Picqer idproduct"}, picqer_orders{"Picqer idorder"};
  Names<std::string> productcodes{"Picqer productcode"}, references{"order reference"};

  void add(const LightspeedProduct& p, const std::string& path) {
    products.define(p.id, path + ".id");
    for (size_t j = 0; j < p.variants.size(); ++j) {
      variants.define(p.variants[j].id, path + ".variants[" + std::to_string(j) + "].id");
    }
  }
  void add(const LightspeedOrder& o, const std::string& path) {
    orders.define(o.id, path + ".id");
    numbers.define(o.number, path + ".number");
    references.also(o.number, path + ".number");
  }
  void add(const PicqerProduct& p, const std::string& path) {
    if (p.idproduct) picqer_ids.define(*p.idproduct, path + ".idproduct");
    productcodes.define(p.productcode, path + ".productcode");
    check_stock(p.stock, path + ".stock");
  }
  void check_stock(const StockMap& stock, const std::string& path) const {
    for (const auto& [id, _] : stock) warehouses.require(id, path + "." + std::to_string(id));
  }
  void check_warehouses(const std::optional<std::vector<int64_t>>& ids, const std::string& path) const {
    if (!ids) return;
    for (size_t i = 0; i < ids->size(); ++i) warehouses.require((*ids)[i], path + "[" + std::to_string(i) + "]");
  }
};

constexpr std::string_view kByThen = " at this point of the timeline";

void check_event(Known& k, const Event& e, const std::string& path) {
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, CreateLightspeedOrder>) {
          k.add(a.order, path);
        } else if constexpr (std::is_same_v<A, UpdateLightspeedOrder>) {
          k.orders.require(a.changes.id, path + ".id", kByThen);
          if (a.changes.number) {
            k.numbers.also(*a.changes.number, path + ".number");
            k.references.also(*a.changes.number, path + ".number");
          }
        } else if constexpr (std::is_same_v<A, UpdateLightspeedVariant>) {
          k.variants.require(a.changes.id, path + ".id", kByThen);
        } else if constexpr (std::is_same_v<A, CreateLightspeedProduct>) {
          k.add(a.product, path);
        } else if constexpr (std::is_same_v<A, SetPicqerStock>) {
          k.productcodes.require(a.productcode, path + ".productcode", kByThen);
          k.warehouses.require(a.idwarehouse, path + ".idwarehouse");
        } else if constexpr (std::is_same_v<A, CreatePicqerProduct>) {
          k.add(a.product, path);
        } else if constexpr (std::is_same_v<A, ShipPicqerOrder> || std::is_same_v<A, CancelPicqerShipment> ||
                             std::is_same_v<A, PickPicqerOrder>) {
          k.references.require(a.reference, path + ".reference", kByThen);
        } else if constexpr (std::is_same_v<A, ChangeSettings>) {
          k.check_warehouses(a.changes.stock_warehouses, path + ".stock_warehouses");
        }
      },
      e.action);
}

void check_expectations(const Known& k, const Expectations& e) {
  const std::string at = "$.expect.";
  auto item = [](const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; };
  if (e.picqer_orders) {
    for (size_t i = 0; i < e.picqer_orders->size(); ++i) {
      k.numbers.require((*e.picqer_orders)[i].reference, item(at + "picqer.orders", i) + ".reference");
    }
  }
  if (e.picqer_products) {
    for (size_t i = 0; i < e.picqer_products->size(); ++i) {
      if (const auto& stock = (*e.picqer_products)[i].stock) k.check_stock(*stock, item(at + "picqer.products", i) + ".stock");
    }
  }
  if (e.lightspeed_variants) {
    for (size_t i = 0; i < e.lightspeed_variants->size(); ++i) {
      k.variants.require((*e.lightspeed_variants)[i].id, item(at + "lightspeed.variants", i) + ".id");
    }
  }
  if (e.lightspeed_orders) {
    for (size_t i = 0; i < e.lightspeed_orders->size(); ++i) {
      k.orders.require((*e.lightspeed_orders)[i].fields.id, item(at + "lightspeed.orders", i) + ".id");
    }
  }
  if (e.held) {
    for (size_t i = 0; i < e.held->size(); ++i) k.numbers.require((*e.held)[i].order, item(at + "held", i) + ".order");
  }
  if (e.needs_person) {
    for (size_t i = 0; i < e.needs_person->size(); ++i) {
      k.numbers.require((*e.needs_person)[i].order, item(at + "needs_person", i) + ".order");
    }
  }
  if (e.skipped_variants) {
    for (size_t i = 0; i < e.skipped_variants->size(); ++i) {
      k.variants.require((*e.skipped_variants)[i].variant, item(at + "skipped_variants", i) + ".variant");
    }
  }
}

}  // namespace

void check_references(const Scenario& s) {
  Known k;
  auto item = [](const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; };
  for (size_t i = 0; i < s.lightspeed.products.size(); ++i) k.add(s.lightspeed.products[i], item("$.lightspeed.products", i));
  for (size_t i = 0; i < s.lightspeed.orders.size(); ++i) k.add(s.lightspeed.orders[i], item("$.lightspeed.orders", i));
  for (size_t i = 0; i < s.picqer.warehouses.size(); ++i) {
    k.warehouses.define(s.picqer.warehouses[i].idwarehouse, item("$.picqer.warehouses", i) + ".idwarehouse");
  }
  for (size_t i = 0; i < s.picqer.products.size(); ++i) k.add(s.picqer.products[i], item("$.picqer.products", i));
  for (size_t i = 0; i < s.picqer.orders.size(); ++i) {
    const std::string path = item("$.picqer.orders", i);
    k.picqer_orders.define(s.picqer.orders[i].idorder, path + ".idorder");
    k.references.also(s.picqer.orders[i].reference, path + ".reference");
  }
  k.check_warehouses(s.settings.stock_warehouses, "$.settings.stock_warehouses");
  for (size_t i : time_order(s.timeline)) {
    const Event& e = s.timeline[i];
    check_event(k, e, item("$.timeline", i) + "." + std::string(action_name(e.action)));
  }
  check_expectations(k, s.expect);
}

}  // namespace lpsync::scenario
