#include "tools/scenario/writer_parts.h"

namespace lpsync::scenario {
namespace {

bj::value request_count_value(const RequestCount& count) {
  if (const auto* total = std::get_if<int64_t>(&count)) return *total;
  bj::object per_pattern;
  for (const auto& [pattern, n] : std::get<std::map<std::string, int64_t>>(count)) per_pattern[pattern] = n;
  return per_pattern;
}

template <class Entry, class Write>
bj::array list_value(const std::vector<Entry>& entries, Write write) {
  bj::array out;
  for (const Entry& e : entries) out.push_back(write(e));
  return out;
}

bj::object expected_order_value(const ExpectedPicqerOrder& e) {
  bj::object o{{"reference", e.reference}};
  if (e.products) o["products"] = picqer_lines_value(*e.products);
  if (e.status) o["status"] = *e.status;
  return o;
}

bj::object expected_product_value(const ExpectedPicqerProduct& e) {
  bj::object o{{"productcode", e.productcode}};
  if (e.name) o["name"] = *e.name;
  if (e.price) o["price"] = *e.price;
  if (e.barcode) o["barcode"] = *e.barcode;
  if (e.idvatgroup) o["idvatgroup"] = *e.idvatgroup;
  if (e.images) o["images"] = *e.images;
  if (e.stock) o["stock"] = stock_value(*e.stock);
  return o;
}

}  // namespace

bj::object expectations_value(const Expectations& e, Instant start) {
  bj::object o;
  if (e.picqer_orders) o["picqer.orders"] = list_value(*e.picqer_orders, expected_order_value);
  if (e.picqer_orders_count) o["picqer.orders_count"] = *e.picqer_orders_count;
  if (e.picqer_products) {
    o["picqer.products"] = list_value(*e.picqer_products, [](const auto& p) { return expected_product_value(p); });
  }
  if (e.picqer_products_count) o["picqer.products_count"] = *e.picqer_products_count;
  if (e.lightspeed_variants) o["lightspeed.variants"] = list_value(*e.lightspeed_variants, variant_patch_value);
  if (e.lightspeed_orders) {
    o["lightspeed.orders"] = list_value(*e.lightspeed_orders, [&](const ExpectedLightspeedOrder& x) {
      bj::object order = order_patch_value(x.fields, start);
      if (x.tracking_code) order["trackingCode"] = *x.tracking_code;
      return order;
    });
  }
  if (e.lightspeed_writes) o["lightspeed.writes"] = request_count_value(*e.lightspeed_writes);
  if (e.lightspeed_writes_max) o["lightspeed.writes_max"] = request_count_value(*e.lightspeed_writes_max);
  if (e.picqer_requests_max) o["picqer.requests_max"] = request_count_value(*e.picqer_requests_max);
  if (e.lightspeed_requests_max) o["lightspeed.requests_max"] = request_count_value(*e.lightspeed_requests_max);
  if (e.held) {
    o["held"] = list_value(*e.held, [](const HeldOrder& h) { return bj::object{{"order", h.order}, {"reason", h.reason}}; });
  }
  if (e.needs_person) {
    o["needs_person"] = list_value(*e.needs_person, [](const NeedsPerson& n) {
      return bj::object{{"order", n.order}, {"reason", n.reason}};
    });
  }
  if (e.skipped_variants) {
    o["skipped_variants"] = list_value(*e.skipped_variants, [](const SkippedVariant& s) {
      return bj::object{{"variant", s.variant}, {"reason", s.reason}};
    });
  }
  if (e.by_hand) {
    o["by_hand"] = list_value(*e.by_hand, [](const ByHandExpected& b) {
      return bj::object{{"order", b.order}, {"answer", b.answer}};
    });
  }
  return o;
}

}  // namespace lpsync::scenario
