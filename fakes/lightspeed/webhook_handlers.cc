// webhooks: list, count, get, create (POST), update (PUT), delete.
#include "fakes/lightspeed/handlers.h"
#include "fakes/lightspeed/write_bodies.h"

namespace lpsync::fakes::lightspeed {

Response webhook_request(HandlerContext& ctx, const ApiCall& call) {
  auto webhook_json = [&](const Webhook& w) { return ctx.json.webhook(w); };
  auto always = [](const Webhook&) { return true; };
  Shop& shop = ctx.shop;
  Route r(call);
  if (r.is({"webhooks"})) {
    if (call.method == "GET") return list_or_count(ctx, call, shop.webhooks(), false, "webhooks", always, webhook_json);
    if (call.method != "POST") return method_not_allowed(call);
    Webhook base;
    base.language = call.language;
    base.signing_secret = std::string(ctx.signing_secret);
    auto w = webhook_from(call.body, base, true, ctx.config.languages);
    if (!w.ok()) return error_response(call, w.error());
    int64_t id = shop.add_webhook(w.value());
    return json_response(201, ctx.json.wrap("webhook", webhook_json(shop.webhooks().at(id))));
  }
  if (r.is({"webhooks", "count"})) {
    if (call.method != "GET") return method_not_allowed(call);
    return list_or_count(ctx, call, shop.webhooks(), true, "", always, webhook_json);
  }
  if (!r.is({"webhooks", "#"})) return unknown_resource(call);
  int64_t id = r.id(0);
  const Webhook* existing = Shop::find(shop.webhooks(), id);
  if (!existing) return not_found(call, "webhook", id);
  if (call.method == "GET") return json_response(200, ctx.json.wrap("webhook", webhook_json(*existing)));
  if (call.method == "DELETE") {
    shop.delete_webhook(id);
    Response gone;
    gone.status = 204;
    return gone;
  }
  if (call.method != "PUT") return method_not_allowed(call);
  auto w = webhook_from(call.body, *existing, false, ctx.config.languages);
  if (!w.ok()) return error_response(call, w.error());
  shop.replace_webhook(w.value());
  return json_response(200, ctx.json.wrap("webhook", webhook_json(shop.webhooks().at(id))));
}

}  // namespace lpsync::fakes::lightspeed
