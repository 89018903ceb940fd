// Typed Lightspeed eCom calls. Reads and writes are separate types: the engine obtains a
// LightspeedWrites only while the connection is active and not read-only, so in read-only
// mode no code path holds anything that can send a write (and the session's guard refuses
// one anyway).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/client/api_session.h"
#include "engine/model/lightspeed.h"

namespace lpsync {

inline constexpr int kLightspeedPageSize = 250;  // the API's maximum `limit`

class LightspeedReads {
 public:
  explicit LightspeedReads(ApiSession& session) : session_(session) {}

  // One page (1-based) of orders with updatedAt >= `updated_min`, in id order.
  ApiResult<std::vector<ls::Order>> orders_updated_since(Priority p, Instant updated_min, int page);
  ApiResult<std::vector<ls::OrderLine>> order_lines(Priority p, int64_t order_id);
  ApiResult<ls::Order> order(Priority p, int64_t order_id);
  // The orders whose `number` is exactly `number` (one, or none), whatever their age.
  ApiResult<std::vector<ls::Order>> orders_with_number(Priority p, const std::string& number);

  // One page of variants; only those updated at or after `updated_min` when given.
  ApiResult<std::vector<ls::Variant>> variants(Priority p, int page, std::optional<Instant> updated_min = {});
  ApiResult<ls::Variant> variant(Priority p, int64_t id);
  ApiResult<int64_t> count_variants(Priority p);

  ApiResult<std::vector<ls::Product>> products(Priority p, int page);
  ApiResult<ls::Product> product(Priority p, int64_t id);
  ApiResult<std::vector<ls::Image>> product_images(Priority p, int64_t product_id);

  ApiResult<std::vector<ls::Shipment>> shipments_of_order(Priority p, int64_t order_id);
  ApiResult<std::vector<ls::Webhook>> webhooks(Priority p);

  // The bytes of an image (its `src`), from the shop's CDN.
  ApiResult<std::string> image_bytes(const std::string& src) { return session_.fetch(src); }

 private:
  template <typename T, typename ReadOne>
  ApiResult<std::vector<T>> list(Priority p, const std::string& path, std::string_view key, ReadOne read_one);
  template <typename T, typename ReadOne>
  ApiResult<T> one(Priority p, const std::string& path, std::string_view key, ReadOne read_one);

  ApiSession& session_;
};

class LightspeedWrites {
 public:
  explicit LightspeedWrites(ApiSession& session) : session_(session) {}

  ApiResult<Nothing> set_stock_level(Priority p, int64_t variant_id, int64_t level);
  // Marks a shipment shipped with its tracking code; Lightspeed mails the customer.
  ApiResult<Nothing> mark_shipped(Priority p, int64_t shipment_id, const std::string& tracking_code);
  // Tells the customer of a pickup order that it is ready to be collected (doNotifyReadyForPickup);
  // the shipment is not marked shipped and gets no tracking code.
  ApiResult<Nothing> mark_ready_for_pickup(Priority p, int64_t shipment_id);
  ApiResult<int64_t> create_webhook(Priority p, const std::string& group, const std::string& action,
                                    const std::string& address, const std::string& language);

 private:
  ApiSession& session_;
};

}  // namespace lpsync
