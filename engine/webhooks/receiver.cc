#include "engine/webhooks/receiver.h"

#include "engine/env/crypto.h"
#include "engine/client/picqer_json.h"
#include "engine/env/json.h"

namespace lpsync {
namespace {

Response answer(int status, std::string_view message) {
  boost::json::object body{{"ok", status < 300}, {"message", message}};
  return Response{status, {{"Content-Type", "application/json"}}, json::serialize(body)};
}

int64_t id_in(const json::Reader& data, std::string_view key) {
  auto f = data.find(key);
  return f ? f->as_int_loose() : 0;
}

// A product has a row per warehouse; more rows than this is not a stock list to trust.
constexpr size_t kMaxNoticedRows = 1000;

std::optional<std::vector<pq::StockRow>> stock_in(const json::Reader& data, int64_t idproduct) {
  auto list = data.find("stock");
  if (!list || !list->is_array() || list->size() > kMaxNoticedRows) return std::nullopt;
  try {
    std::vector<pq::StockRow> rows;
    for (const auto& row : list->items()) rows.push_back(pq::read_product_stock(row, idproduct));
    return rows;
  } catch (const json::Error&) {
    return std::nullopt;  // unreadable figures: the stock is read from the API
  }
}

Response picqer(const Request& request, const WebhookTargets& t) {
  std::string secret = t.picqer_secret ? t.picqer_secret() : "";
  auto signature = request.headers.get("X-Picqer-Signature");
  if (secret.empty() || !signature || !constant_time_equals(picqer_signature(request.body, secret), *signature)) {
    return answer(401, "invalid or missing X-Picqer-Signature");
  }
  try {
    json::bj::value doc = json::parse(request.body);
    json::Reader root(doc);
    std::string event = root.string_at("event");
    json::Reader data = root.field("data");
    if (event == "products.free_stock_changed") {
      if (int64_t id = id_in(data, "idproduct"); id > 0 && t.free_stock_changed) {
        t.free_stock_changed(id, stock_in(data, id));
      }
    } else if (event.rfind("picklists.shipments.", 0) == 0 || event.rfind("orders.", 0) == 0) {
      if (int64_t id = id_in(data, "idorder"); id > 0 && t.picqer_order_changed) t.picqer_order_changed(id);
    }
  } catch (const json::Error& e) {
    // Signed but unreadable: acknowledge (a retry would not read better); polling covers it.
    return answer(200, std::string("ignored: ") + e.what());
  }
  return answer(200, "queued");
}

Response lightspeed(const Request& request, std::string_view token, const WebhookTargets& t) {
  if (t.lightspeed_token.empty() || !constant_time_equals(token, t.lightspeed_token)) {
    return answer(401, "unknown webhook address");
  }
  auto signature = request.headers.get("X-Signature");
  if (signature && !t.lightspeed_signing_secret.empty() &&
      !constant_time_equals(lightspeed_signature(request.body, t.lightspeed_signing_secret), *signature)) {
    return answer(401, "X-Signature does not match the body: not sent by this shop, or lightspeed.secret is not "
                       "the secret of the app (or API key) that registered the webhook");
  }
  if (t.lightspeed_order_changed) t.lightspeed_order_changed();
  return answer(200, "queued");
}

}  // namespace

TransportResult receive_webhook(const Request& request, const WebhookTargets& targets) {
  auto url = parse_url(request.url);
  if (!url) return answer(400, "bad URL");
  if (request.method != "POST") return answer(405, "webhooks are POSTed");
  constexpr std::string_view kPicqer = "/webhooks/picqer";
  constexpr std::string_view kLightspeed = "/webhooks/lightspeed/";
  std::string_view path = url->path;
  if (path.size() >= kPicqer.size() && path.substr(path.size() - kPicqer.size()) == kPicqer) {
    return picqer(request, targets);
  }
  if (auto at = path.find(kLightspeed); at != std::string_view::npos) {
    return lightspeed(request, path.substr(at + kLightspeed.size()), targets);
  }
  return answer(404, "no webhook here");
}

}  // namespace lpsync
