#include "fakes/lightspeed/write_bodies.h"

#include <algorithm>

#include "engine/env/json.h"
#include "fakes/lightspeed/enums.h"

namespace lpsync::fakes::lightspeed {
namespace {

namespace bj = boost::json;

enum class Kind { string, integer, number, boolean };
struct Field {
  std::string_view name;
  Kind kind;
};

Result<bj::value> envelope(const std::string& body, std::string_view root) {
  bj::value doc;
  try {
    doc = json::parse(body);
  } catch (const json::Error& e) {
    return ApiError{400, std::string("Malformed JSON body: ") + e.what()};
  }
  const bj::object* o = doc.if_object();
  if (!o || o->size() != 1 || !o->contains(root) || !o->at(root).is_object()) {
    return ApiError{400, "The body must be {\"" + std::string(root) + "\":{...}}."};
  }
  return bj::value(o->at(root));
}

// 422 for a field that is not writable or has the wrong kind; json::Error names the path.
std::optional<ApiError> check_fields(const bj::object& input, std::string_view root, std::span<const Field> writable,
                                     const bj::object* known) {
  for (const auto& kv : input) {
    std::string key(kv.key());
    std::string path = "$." + std::string(root) + "." + key;
    auto rule = std::find_if(writable.begin(), writable.end(), [&](const Field& f) { return f.name == key; });
    if (rule == writable.end()) {
      if (known && known->contains(key)) return ApiError{422, path + ": the field is read-only"};
      return ApiError{422, path + ": unknown field"};
    }
    json::Reader r(kv.value(), path);
    try {
      switch (rule->kind) {
        case Kind::string: r.as_string(); break;
        case Kind::integer: r.as_int(); break;
        case Kind::number: r.as_number(); break;
        case Kind::boolean: r.as_bool(); break;
      }
    } catch (const json::Error& e) {
      return ApiError{422, e.what()};
    }
  }
  return std::nullopt;
}

// Typed optional reads of fields check_fields has already accepted.
struct Fields {
  const bj::object& o;
  std::optional<std::string> str(std::string_view k) const {
    auto* v = o.if_contains(k);
    return v ? std::optional<std::string>(std::string(v->as_string())) : std::nullopt;
  }
  std::optional<int64_t> integer(std::string_view k) const {
    auto* v = o.if_contains(k);
    return v ? std::optional<int64_t>(json::Reader(*v).as_int()) : std::nullopt;
  }
  std::optional<double> number(std::string_view k) const {
    auto* v = o.if_contains(k);
    return v ? std::optional<double>(json::Reader(*v).as_number()) : std::nullopt;
  }
  std::optional<bool> boolean(std::string_view k) const {
    auto* v = o.if_contains(k);
    return v ? std::optional<bool>(v->as_bool()) : std::nullopt;
  }
};

template <class Patch, size_t N>
Result<Patch> read_patch(const std::string& body, std::string_view root, const Field (&writable)[N],
                         const bj::object* known, Patch (*fill)(const Fields&)) {
  auto doc = envelope(body, root);
  if (!doc.ok()) return doc.error();
  const bj::object& input = doc.value().as_object();
  if (auto e = check_fields(input, root, writable, known)) return *e;
  return fill(Fields{input});
}

constexpr Field kVariantFields[] = {
    {"title", Kind::string},          {"sku", Kind::string},           {"ean", Kind::string},
    {"articleCode", Kind::string},    {"stockTracking", Kind::string}, {"priceExcl", Kind::number},
    {"priceIncl", Kind::number},      {"priceCost", Kind::number},     {"oldPriceExcl", Kind::number},
    {"oldPriceIncl", Kind::number},   {"stockLevel", Kind::integer},   {"stockAlert", Kind::integer},
    {"stockMinimum", Kind::integer},  {"stockBuyMinimum", Kind::integer}, {"stockBuyMaximum", Kind::integer},
    {"weight", Kind::integer},        {"sortOrder", Kind::integer},
};

constexpr Field kOrderFields[] = {
    {"status", Kind::string}, {"paymentStatus", Kind::string}, {"shipmentStatus", Kind::string},
    {"memo", Kind::string},
};

constexpr Field kShipmentFields[] = {
    {"status", Kind::string},           {"trackingCode", Kind::string},
    {"doNotifyShipped", Kind::boolean}, {"doNotifyTrackingCode", Kind::boolean},
    {"doNotifyReadyForPickup", Kind::boolean},
};

constexpr Field kWebhookFields[] = {
    {"isActive", Kind::boolean}, {"itemGroup", Kind::string}, {"itemAction", Kind::string},
    {"language", Kind::string},  {"format", Kind::string},    {"address", Kind::string},
};

}  // namespace

Result<VariantPatch> variant_patch_from(const std::string& body, const bj::object& current) {
  return read_patch<VariantPatch>(body, "variant", kVariantFields, &current, [](const Fields& f) {
    VariantPatch p;
    p.title = f.str("title");
    p.sku = f.str("sku");
    p.ean = f.str("ean");
    p.article_code = f.str("articleCode");
    p.stock_tracking = f.str("stockTracking");
    p.price_excl = f.number("priceExcl");
    p.price_incl = f.number("priceIncl");
    p.price_cost = f.number("priceCost");
    p.old_price_excl = f.number("oldPriceExcl");
    p.old_price_incl = f.number("oldPriceIncl");
    p.stock_level = f.integer("stockLevel");
    p.stock_alert = f.integer("stockAlert");
    p.stock_minimum = f.integer("stockMinimum");
    p.stock_buy_minimum = f.integer("stockBuyMinimum");
    p.stock_buy_maximum = f.integer("stockBuyMaximum");
    p.weight = f.integer("weight");
    p.sort_order = f.integer("sortOrder");
    return p;
  });
}

Result<OrderPatch> order_patch_from(const std::string& body, const bj::object& current, bool status_writable) {
  auto patch = read_patch<OrderPatch>(body, "order", kOrderFields, &current, [](const Fields& f) {
    OrderPatch p;
    p.status = f.str("status");
    p.payment_status = f.str("paymentStatus");
    p.shipment_status = f.str("shipmentStatus");
    p.memo = f.str("memo");
    return p;
  });
  if (patch.ok() && patch.value().status && !status_writable) {
    return ApiError{422, "$.order.status: the field is read-only"};
  }
  return patch;
}

Result<ShipmentPatch> shipment_patch_from(const std::string& body, const bj::object& current) {
  return read_patch<ShipmentPatch>(body, "shipment", kShipmentFields, &current, [](const Fields& f) {
    ShipmentPatch p;
    p.status = f.str("status");
    p.tracking_code = f.str("trackingCode");
    p.do_notify_shipped = f.boolean("doNotifyShipped");
    p.do_notify_tracking_code = f.boolean("doNotifyTrackingCode");
    p.do_notify_ready_for_pickup = f.boolean("doNotifyReadyForPickup");
    return p;
  });
}

Result<Webhook> webhook_from(const std::string& body, Webhook base, bool create,
                             const std::vector<std::string>& languages) {
  static const bj::object kKnown{{"id", 0}, {"createdAt", 0}, {"updatedAt", 0}};
  auto doc = envelope(body, "webhook");
  if (!doc.ok()) return doc.error();
  const bj::object& input = doc.value().as_object();
  if (auto e = check_fields(input, "webhook", kWebhookFields, &kKnown)) return *e;
  Fields f{input};
  if (create) {
    for (const char* required : {"itemGroup", "itemAction", "address"}) {
      if (!input.contains(required)) return ApiError{422, std::string("$.webhook.") + required + ": missing"};
    }
  }
  Webhook w = std::move(base);
  if (auto v = f.boolean("isActive")) w.is_active = *v;
  if (auto v = f.str("itemGroup")) w.item_group = *v;
  if (auto v = f.str("itemAction")) w.item_action = *v;
  if (auto v = f.str("language")) w.language = *v;
  if (auto v = f.str("format")) w.format = *v;
  if (auto v = f.str("address")) w.address = *v;
  if (!is_one_of(kWebhookGroups, w.item_group)) {
    return ApiError{422, "$.webhook.itemGroup: must be " + describe(kWebhookGroups)};
  }
  if (!is_one_of(kWebhookActions, w.item_action)) {
    return ApiError{422, "$.webhook.itemAction: must be " + describe(kWebhookActions)};
  }
  if ((w.item_action == "paid" || w.item_action == "shipped") && w.item_group != "orders") {
    return ApiError{422, "$.webhook.itemAction: " + w.item_action + " exists only for orders"};
  }
  if (w.item_action == "answered" && w.item_group != "tickets") {
    return ApiError{422, "$.webhook.itemAction: answered exists only for tickets"};
  }
  if (w.format != "json") return ApiError{422, "$.webhook.format: this fake delivers json only"};
  if (std::find(languages.begin(), languages.end(), w.language) == languages.end()) {
    return ApiError{422, "$.webhook.language: not an active shop language"};
  }
  auto url = parse_url(w.address);
  if (!url) return ApiError{422, "$.webhook.address: expected an http(s) URL"};
  return w;
}

}  // namespace lpsync::fakes::lightspeed
