#include "tools/scenario/expectations_parser.h"

#include <set>

#include "fakes/common/fault_plan.h"
#include "tools/scenario/lightspeed_parser.h"
#include "tools/scenario/picqer_parser.h"

namespace lpsync::scenario {
namespace {

constexpr int64_t kMaxCount = 1'000'000'000;

// Fails when an entry of a set-like list repeats the identity of an earlier one.
class Distinct {
 public:
  explicit Distinct(std::string what) : what_(std::move(what)) {}
  void add(const Reader& at, const std::string& identity) {
    if (!seen_.insert(identity).second) at.fail(what_ + " " + identity + " is listed twice; list each once");
  }

 private:
  std::string what_;
  std::set<std::string> seen_;
};

RequestCount read_request_count(const Reader& r) {
  if (r.raw().is_number()) return read_int(r, 0, kMaxCount);
  if (!r.is_object()) r.fail("expected a number of requests, or an object {\"PUT /variants/*\": count}, got " +
                             std::string(json::kind_name(r.raw())));
  std::map<std::string, int64_t> per_pattern;
  for (const std::string& pattern : r.keys()) {
    Reader count = r.field(pattern);
    if (std::string problem = fakes::check_pattern(pattern); !problem.empty()) count.fail(problem);
    per_pattern[pattern] = read_int(count, 0, kMaxCount);
  }
  return per_pattern;
}

ExpectedPicqerOrder read_expected_order(const Reader& r) {
  check_keys(r, {"reference", "products", "status"});
  ExpectedPicqerOrder o;
  o.reference = required(r, "reference").raw().is_number() ? std::to_string(read_id(r.field("reference")))
                                                            : r.field("reference").as_string();
  if (auto v = r.find("products")) o.products = read_picqer_order_lines(*v, true);
  if (auto v = r.find("status")) o.status = read_word(*v, kPicqerOrderStatuses, "Picqer order status");
  return o;
}

ExpectedPicqerProduct read_expected_product(const Reader& r) {
  check_keys(r, {"productcode", "name", "price", "barcode", "idvatgroup", "images", "stock"});
  ExpectedPicqerProduct p;
  p.productcode = required(r, "productcode").as_string();
  if (auto v = r.find("name")) p.name = v->as_string();
  if (auto v = r.find("price")) p.price = read_amount(*v);
  if (auto v = r.find("barcode")) p.barcode = v->as_string();
  if (auto v = r.find("idvatgroup")) p.idvatgroup = read_id(*v);
  if (auto v = r.find("images")) p.images = read_int(*v, 0, kMaxCount);
  if (auto v = r.find("stock")) p.stock = read_stock_map(*v);
  return p;
}

ExpectedLightspeedOrder read_expected_lightspeed_order(const Reader& r, Instant start) {
  static constexpr std::string_view kExtra[] = {"trackingCode"};
  ExpectedLightspeedOrder o;
  o.fields = read_order_patch(r, start, kExtra);
  if (auto v = r.find("trackingCode")) o.tracking_code = v->as_string();
  return o;
}

// An entry {order, reason} of `held` or `needs_person`; the order number may be written as
// a whole number without quotes.
template <class Entry>
Entry read_order_and_reason(const Reader& r, Words reasons, std::string_view what) {
  check_keys(r, {"order", "reason"});
  Entry e;
  Reader order = required(r, "order");
  e.order = order.raw().is_number() ? std::to_string(read_id(order)) : order.as_string();
  e.reason = read_word(required(r, "reason"), reasons, what);
  return e;
}

HeldOrder read_held(const Reader& r) { return read_order_and_reason<HeldOrder>(r, kHeldReasons, "held reason"); }

NeedsPerson read_needs_person(const Reader& r) {
  return read_order_and_reason<NeedsPerson>(r, kNeedsPersonReasons, "needs_person reason");
}

ByHandExpected read_by_hand(const Reader& r) {
  check_keys(r, {"order", "answer"});
  ByHandExpected e;
  Reader order = required(r, "order");
  e.order = order.raw().is_number() ? std::to_string(read_id(order)) : order.as_string();
  e.answer = read_word(required(r, "answer"), kByHandAnswers, "by_hand answer");
  return e;
}

SkippedVariant read_skipped(const Reader& r) {
  check_keys(r, {"variant", "reason"});
  SkippedVariant s;
  s.variant = read_id(required(r, "variant"));
  s.reason = read_word(required(r, "reason"), kSkippedReasons, "skipped reason");
  return s;
}

// Reads a list of entries, each with an identity that must not repeat.
template <class Entry, class Read, class Identity>
std::vector<Entry> read_list(const Reader& r, const std::string& what, Read read, Identity identity) {
  Distinct distinct(what);
  std::vector<Entry> out;
  for (const Reader& item : r.items()) {
    out.push_back(read(item));
    distinct.add(item, identity(out.back()));
  }
  return out;
}

}  // namespace

Expectations read_expectations(const Reader& r, Instant start) {
  check_keys(r, kExpectationKeys);
  Expectations e;
  auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
  if (auto v = r.find("picqer.orders")) {
    e.picqer_orders = read_list<ExpectedPicqerOrder>(*v, "the Picqer order with reference", read_expected_order,
                                                     [&](const auto& o) { return quoted(o.reference); });
  }
  if (auto v = r.find("picqer.orders_count")) e.picqer_orders_count = read_int(*v, 0, kMaxCount);
  if (auto v = r.find("picqer.products")) {
    e.picqer_products = read_list<ExpectedPicqerProduct>(*v, "the Picqer product", read_expected_product,
                                                         [&](const auto& p) { return quoted(p.productcode); });
  }
  if (auto v = r.find("picqer.products_count")) e.picqer_products_count = read_int(*v, 0, kMaxCount);
  if (auto v = r.find("lightspeed.variants")) {
    e.lightspeed_variants = read_list<VariantPatch>(*v, "variant", read_variant_patch,
                                                    [](const auto& p) { return std::to_string(p.id); });
  }
  if (auto v = r.find("lightspeed.orders")) {
    e.lightspeed_orders = read_list<ExpectedLightspeedOrder>(
        *v, "order", [&](const Reader& item) { return read_expected_lightspeed_order(item, start); },
        [](const auto& o) { return std::to_string(o.fields.id); });
  }
  if (auto v = r.find("lightspeed.writes")) e.lightspeed_writes = read_request_count(*v);
  if (auto v = r.find("lightspeed.writes_max")) e.lightspeed_writes_max = read_request_count(*v);
  if (auto v = r.find("picqer.requests_max")) e.picqer_requests_max = read_request_count(*v);
  if (auto v = r.find("lightspeed.requests_max")) e.lightspeed_requests_max = read_request_count(*v);
  if (auto v = r.find("held")) {
    e.held = read_list<HeldOrder>(*v, "the held order", read_held, [&](const auto& h) { return quoted(h.order); });
  }
  if (auto v = r.find("needs_person")) {
    // One order may need a person for two reasons (put on hold, then its lines changed).
    e.needs_person = read_list<NeedsPerson>(*v, "the order needing a person", read_needs_person,
                                            [&](const auto& n) { return quoted(n.order) + " for " + n.reason; });
  }
  if (auto v = r.find("skipped_variants")) {
    e.skipped_variants = read_list<SkippedVariant>(*v, "the skipped variant", read_skipped,
                                                   [](const auto& s) { return std::to_string(s.variant); });
  }
  if (auto v = r.find("by_hand")) {
    // One order may be asked for twice (imported, then already imported), not answered the same twice.
    e.by_hand = read_list<ByHandExpected>(*v, "the answer for order", read_by_hand,
                                          [&](const auto& b) { return quoted(b.order) + " " + b.answer; });
  }
  return e;
}

}  // namespace lpsync::scenario
