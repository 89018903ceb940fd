// products, products/{id}/images, variants (+ PUT), variants/movements.
#include "fakes/lightspeed/handlers.h"
#include "fakes/lightspeed/write_bodies.h"

namespace lpsync::fakes::lightspeed {
namespace {

auto always = [](const auto&) { return true; };

Response put_variant(HandlerContext& ctx, const ApiCall& call, int64_t id) {
  const Variant* v = Shop::find(ctx.shop.variants(), id);
  if (!v) return not_found(call, "variant", id);
  auto patch = variant_patch_from(call.body, ctx.json.variant(*v));
  if (!patch.ok()) return error_response(call, patch.error());
  if (auto e = ctx.shop.update_variant(id, patch.value(), Actor::api)) {
    return error_response(call, *e);
  }
  return json_response(200, ctx.json.wrap("variant", ctx.json.variant(ctx.shop.variants().at(id))));
}

Response products(HandlerContext& ctx, const ApiCall& call) {
  const Shop& shop = ctx.shop;
  auto product_json = [&](const Product& p) { return ctx.json.product(p); };
  auto image_json = [&](const Image& i) { return ctx.json.image(i); };
  Route r(call);
  if (call.method != "GET") return r.is({"products"}) || r.is({"products", "#"}) ? method_not_allowed(call)
                                                                                  : unknown_resource(call);
  if (r.is({"products"})) return list_or_count(ctx, call, shop.products(), false, "products", always, product_json);
  if (r.is({"products", "count"})) return list_or_count(ctx, call, shop.products(), true, "", always, product_json);
  if (r.is({"products", "#"})) return one(ctx, call, shop.products(), r.id(0), "product", product_json);
  bool images = r.is({"products", "#", "images"});
  if (images || r.is({"products", "#", "images", "count"})) {
    int64_t pid = r.id(0);
    if (!Shop::find(shop.products(), pid)) return not_found(call, "product", pid);
    auto of_product = subset(shop.images(), Shop::find(shop.products(), pid)->image_ids);
    return list_or_count(ctx, call, of_product, !images, "productImages", always, image_json);
  }
  if (r.is({"products", "#", "images", "#"})) {
    const Image* i = Shop::find(shop.images(), r.id(1));
    if (!i || i->product_id != r.id(0)) return not_found(call, "product image", r.id(1));
    return json_response(200, ctx.json.wrap("productImage", image_json(*i)));
  }
  return unknown_resource(call);
}

Response variants(HandlerContext& ctx, const ApiCall& call) {
  const Shop& shop = ctx.shop;
  auto variant_json = [&](const Variant& v) { return ctx.json.variant(v); };
  auto movement_json = [&](const Movement& m) { return ctx.json.movement(m); };
  Route r(call);
  if (r.is({"variants", "#"})) {
    if (call.method == "PUT") return put_variant(ctx, call, r.id(0));
    if (call.method != "GET") return method_not_allowed(call);
    return one(ctx, call, shop.variants(), r.id(0), "variant", variant_json);
  }
  bool list = r.is({"variants"}), count = r.is({"variants", "count"});
  bool movements = r.is({"variants", "movements"}), movement_count = r.is({"variants", "movements", "count"});
  bool movement = r.is({"variants", "movements", "#"});
  if (!list && !count && !movements && !movement_count && !movement) return unknown_resource(call);
  if (call.method != "GET") return method_not_allowed(call);
  if (movement) return one(ctx, call, shop.movements(), r.id(0), "variantsMovement", movement_json);
  const char* key = list || count ? "product" : "variant";
  auto filter = id_param(call.query, key);
  if (!filter.ok()) return error_response(call, filter.error());
  std::optional<int64_t> wanted = filter.value();
  if (list || count) {
    if (!wanted) {
      auto changed = [&](Instant since) { return shop.variants_changed_since(since); };
      return list_or_count_changed(ctx, call, shop.variants(), changed, count, "variants", always, variant_json);
    }
    const Product* p = Shop::find(shop.products(), *wanted);
    auto of_product = p ? subset(shop.variants(), p->variant_ids) : std::vector<std::pair<int64_t, const Variant*>>{};
    return list_or_count(ctx, call, of_product, count, "variants", always, variant_json);
  }
  auto of_variant = [wanted](const Movement& m) { return !wanted || m.variant_id == *wanted; };
  return list_or_count(ctx, call, shop.movements(), movement_count, "variantsMovements", of_variant, movement_json);
}

}  // namespace

Response catalog_request(HandlerContext& ctx, const ApiCall& call) {
  return call.segments.front() == "products" ? products(ctx, call) : variants(ctx, call);
}

}  // namespace lpsync::fakes::lightspeed
