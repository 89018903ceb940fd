// Products, images, variants and stock movements.
#include <set>

#include "fakes/lightspeed/enums.h"
#include "fakes/lightspeed/images.h"
#include "fakes/lightspeed/shop.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::optional<ApiError> check_variant_spec(const VariantSpec& spec) {
  if (!is_one_of(kStockTracking, spec.stock_tracking)) {
    return ApiError{422, "stockTracking must be " + describe(kStockTracking)};
  }
  return std::nullopt;
}

}  // namespace

Result<int64_t> Shop::add_product(const ProductSpec& spec) {
  std::set<int64_t> wanted;
  for (const auto& v : spec.variants) {
    if (auto e = check_variant_spec(v)) return *e;
    if (v.id != 0 && (variants_.count(v.id) || !wanted.insert(v.id).second)) {
      return ApiError{409, "variant id " + std::to_string(v.id) + " is taken"};
    }
  }
  auto id = take_id(products_, next_product_, spec.id);
  if (!id) return ApiError{409, "product id " + std::to_string(spec.id) + " is taken"};
  Product p;
  p.id = *id;
  p.title = spec.title;
  p.created_at = whole_seconds(spec.created_at.value_or(now()));
  p.updated_at = whole_seconds(spec.updated_at.value_or(p.created_at));
  int sort = 1;
  for (const auto& name : spec.images) {
    Image img;
    img.id = *take_id(images_, next_image_, 0);
    img.product_id = p.id;
    img.name = name;
    img.sort_order = sort++;
    img.size = static_cast<int64_t>(image_bytes(name, false).size());
    img.created_at = img.updated_at = p.created_at;
    p.image_ids.push_back(img.id);
    images_.emplace(img.id, std::move(img));
  }
  products_.emplace(p.id, p);
  std::vector<VariantSpec> variants = spec.variants;
  if (variants.empty()) variants.emplace_back();
  for (const auto& v : variants) {
    Result<int64_t> added = add_variant(p.id, v);
    if (!added.ok()) return added.error();  // not reached: checked above
    Variant& stored = variants_.at(added.value());
    stored.created_at = stored.updated_at = p.created_at;
  }
  emit("products", "created", p.id, Actor::shop);
  return p.id;
}

Result<int64_t> Shop::add_variant(int64_t product_id, const VariantSpec& spec) {
  auto product = products_.find(product_id);
  if (product == products_.end()) return ApiError{404, "unknown product " + std::to_string(product_id)};
  if (auto e = check_variant_spec(spec)) return *e;
  auto id = take_id(variants_, next_variant_, spec.id);
  if (!id) return ApiError{409, "variant id " + std::to_string(spec.id) + " is taken"};
  Variant v;
  v.id = *id;
  v.product_id = product_id;
  v.is_default = product->second.variant_ids.empty();
  v.sort_order = static_cast<int64_t>(product->second.variant_ids.size()) + 1;
  v.title = spec.title;
  v.sku = spec.sku;
  v.ean = spec.ean;
  v.article_code = spec.article_code;
  v.price_excl = spec.price_excl;
  v.price_incl = spec.price_incl;
  v.stock_level = spec.stock_level;
  v.stock_tracking = spec.stock_tracking;
  v.weight = spec.weight;
  v.created_at = v.updated_at = now();
  product->second.variant_ids.push_back(v.id);
  variant_updates_.emplace(v.updated_at, v.id);
  variants_.emplace(v.id, v);
  return v.id;
}

std::optional<ApiError> Shop::update_variant(int64_t id, const VariantPatch& patch, Actor actor) {
  auto it = variants_.find(id);
  if (it == variants_.end()) return ApiError{404, "unknown variant " + std::to_string(id)};
  if (patch.stock_tracking && !is_one_of(kStockTracking, *patch.stock_tracking)) {
    return ApiError{422, "stockTracking must be " + describe(kStockTracking)};
  }
  Variant& v = it->second;
  Instant at = whole_seconds(patch.at.value_or(now()));
  auto set = [](auto& field, const auto& value) {
    if (value) field = *value;
  };
  set(v.title, patch.title);
  set(v.sku, patch.sku);
  set(v.ean, patch.ean);
  set(v.article_code, patch.article_code);
  set(v.stock_tracking, patch.stock_tracking);
  set(v.price_excl, patch.price_excl);
  set(v.price_incl, patch.price_incl);
  set(v.price_cost, patch.price_cost);
  set(v.old_price_excl, patch.old_price_excl);
  set(v.old_price_incl, patch.old_price_incl);
  set(v.stock_alert, patch.stock_alert);
  set(v.stock_minimum, patch.stock_minimum);
  set(v.stock_buy_minimum, patch.stock_buy_minimum);
  set(v.stock_buy_maximum, patch.stock_buy_maximum);
  set(v.weight, patch.weight);
  set(v.sort_order, patch.sort_order);
  if (patch.stock_level && *patch.stock_level != v.stock_level) {
    record_movement(v, *patch.stock_level - v.stock_level, actor == Actor::api ? "api" : "manual", at);
    v.stock_level = *patch.stock_level;
  }
  touch(variant_updates_, v.updated_at, at, v.id);
  emit("variants", "updated", id, actor);
  return std::nullopt;
}

void Shop::record_movement(const Variant& v, int64_t change, std::string channel, Instant at) {
  Movement m;
  m.id = *take_id(movements_, next_movement_, 0);
  m.variant_id = v.id;
  m.product_id = v.product_id;
  m.channel = std::move(channel);
  m.stock_level_change = change;
  m.created_at = at;
  movements_.emplace(m.id, m);
}

}  // namespace lpsync::fakes::lightspeed
