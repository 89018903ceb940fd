#include "engine/client/lightspeed_client.h"

#include "engine/client/lightspeed_json.h"

namespace lpsync {
namespace {

std::string page_query(int page) {
  return "page=" + std::to_string(page) + "&limit=" + std::to_string(kLightspeedPageSize);
}

// Reads `value` with `read`, turning a json::Error into a bad_response naming the field.
template <typename T, typename Read>
ApiResult<T> decode(const ApiResult<boost::json::value>& raw, const std::string& what, Read read) {
  if (!raw.ok()) return raw.template failure<T>();
  try {
    json::Reader root(raw.value);
    if (root.is_object() && root.has("error")) {
      return ApiResult<T>{CallOutcome::rejected, T{}, what + ": the answer is an error", raw.retry_at, raw.status};
    }
    return ApiResult<T>{CallOutcome::ok, read(root), "", raw.retry_at, raw.status};
  } catch (const json::Error& e) {
    return ApiResult<T>{CallOutcome::bad_response, T{},
                        what + ": the answer is not what the API promises: " + e.what(), raw.retry_at, raw.status};
  }
}

}  // namespace

template <typename T, typename ReadOne>
ApiResult<std::vector<T>> LightspeedReads::list(Priority p, const std::string& path, std::string_view key,
                                                ReadOne read_one) {
  auto raw = session_.call(p, "GET", path);
  return decode<std::vector<T>>(raw, "Lightspeed GET " + path, [&](const json::Reader& root) {
    std::vector<T> out;
    for (const auto& item : root.field(key).items()) out.push_back(read_one(item));
    return out;
  });
}

template <typename T, typename ReadOne>
ApiResult<T> LightspeedReads::one(Priority p, const std::string& path, std::string_view key, ReadOne read_one) {
  auto raw = session_.call(p, "GET", path);
  return decode<T>(raw, "Lightspeed GET " + path, [&](const json::Reader& root) { return read_one(root.field(key)); });
}

ApiResult<std::vector<ls::Order>> LightspeedReads::orders_updated_since(Priority p, Instant updated_min, int page) {
  std::string path = "/orders.json?" + encode_query({{"updated_at_min", format_sql_datetime(updated_min)}}) + "&" +
                     page_query(page);
  return list<ls::Order>(p, path, "orders", ls::read_order);
}

ApiResult<std::vector<ls::OrderLine>> LightspeedReads::order_lines(Priority p, int64_t order_id) {
  return list<ls::OrderLine>(p, "/orders/" + std::to_string(order_id) + "/products.json?limit=250", "orderProducts",
                             ls::read_order_line);
}

ApiResult<ls::Order> LightspeedReads::order(Priority p, int64_t order_id) {
  return one<ls::Order>(p, "/orders/" + std::to_string(order_id) + ".json", "order", ls::read_order);
}

ApiResult<std::vector<ls::Order>> LightspeedReads::orders_with_number(Priority p, const std::string& number) {
  return list<ls::Order>(p, "/orders.json?" + encode_query({{"number", number}}), "orders", ls::read_order);
}

ApiResult<std::vector<ls::Variant>> LightspeedReads::variants(Priority p, int page, std::optional<Instant> updated_min) {
  std::string path = "/variants.json?" + page_query(page);
  if (updated_min) path += "&" + encode_query({{"updated_at_min", format_sql_datetime(*updated_min)}});
  return list<ls::Variant>(p, path, "variants", ls::read_variant);
}

ApiResult<ls::Variant> LightspeedReads::variant(Priority p, int64_t id) {
  return one<ls::Variant>(p, "/variants/" + std::to_string(id) + ".json", "variant", ls::read_variant);
}

ApiResult<int64_t> LightspeedReads::count_variants(Priority p) {
  auto raw = session_.call(p, "GET", "/variants/count.json");
  return decode<int64_t>(raw, "Lightspeed GET /variants/count.json",
                         [](const json::Reader& root) { return root.field("count").as_int_loose(); });
}

ApiResult<std::vector<ls::Product>> LightspeedReads::products(Priority p, int page) {
  return list<ls::Product>(p, "/products.json?" + page_query(page), "products", ls::read_product);
}

ApiResult<ls::Product> LightspeedReads::product(Priority p, int64_t id) {
  return one<ls::Product>(p, "/products/" + std::to_string(id) + ".json", "product", ls::read_product);
}

ApiResult<std::vector<ls::Image>> LightspeedReads::product_images(Priority p, int64_t product_id) {
  return list<ls::Image>(p, "/products/" + std::to_string(product_id) + "/images.json?limit=250", "productImages",
                         ls::read_image);
}

ApiResult<std::vector<ls::Shipment>> LightspeedReads::shipments_of_order(Priority p, int64_t order_id) {
  return list<ls::Shipment>(p, "/shipments.json?order=" + std::to_string(order_id), "shipments",
                            ls::read_shipment);
}

ApiResult<std::vector<ls::Webhook>> LightspeedReads::webhooks(Priority p) {
  return list<ls::Webhook>(p, "/webhooks.json?limit=250", "webhooks", ls::read_webhook);
}

ApiResult<Nothing> LightspeedWrites::set_stock_level(Priority p, int64_t variant_id, int64_t level) {
  boost::json::value body = {{"variant", {{"stockLevel", level}}}};
  auto raw = session_.call(p, "PUT", "/variants/" + std::to_string(variant_id) + ".json", &body);
  return raw.ok() ? ApiResult<Nothing>{} : raw.failure<Nothing>();
}

ApiResult<Nothing> LightspeedWrites::mark_shipped(Priority p, int64_t shipment_id, const std::string& tracking_code) {
  boost::json::value body = {{"shipment",
                              {{"status", "shipped"},
                               {"trackingCode", tracking_code},
                               {"doNotifyShipped", true},
                               {"doNotifyTrackingCode", true}}}};
  auto raw = session_.call(p, "PUT", "/shipments/" + std::to_string(shipment_id) + ".json", &body);
  return raw.ok() ? ApiResult<Nothing>{} : raw.failure<Nothing>();
}

ApiResult<Nothing> LightspeedWrites::mark_ready_for_pickup(Priority p, int64_t shipment_id) {
  boost::json::value body = {{"shipment", {{"doNotifyReadyForPickup", true}}}};
  auto raw = session_.call(p, "PUT", "/shipments/" + std::to_string(shipment_id) + ".json", &body);
  return raw.ok() ? ApiResult<Nothing>{} : raw.failure<Nothing>();
}

ApiResult<int64_t> LightspeedWrites::create_webhook(Priority p, const std::string& group, const std::string& action,
                                                    const std::string& address, const std::string& language) {
  boost::json::value body = {{"webhook",
                              {{"isActive", true},
                               {"itemGroup", group},
                               {"itemAction", action},
                               {"language", language},
                               {"format", "json"},
                               {"address", address}}}};
  auto raw = session_.call(p, "POST", "/webhooks.json", &body);
  return decode<int64_t>(raw, "Lightspeed POST /webhooks.json",
                         [](const json::Reader& root) { return root.field("webhook").int_at("id"); });
}

}  // namespace lpsync
