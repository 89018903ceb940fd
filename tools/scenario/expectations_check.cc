#include "tools/scenario/expectations_check.h"

#include <algorithm>
#include <sstream>

namespace lpsync::scenario {
namespace {

std::string join(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string number(double d) {
  std::ostringstream s;
  s << d;
  return s.str();
}

class Checker {
 public:
  explicit Checker(sim::World& w) : w_(w) {}
  std::vector<Failure> failures;

  template <typename T>
  void same(const std::string& what, const T& expected, const T& actual) {
    if (!(expected == actual)) failures.push_back({what, show(expected), show(actual)});
  }
  void at_most(const std::string& what, int64_t max, int64_t actual) {
    if (actual > max) failures.push_back({what, "at most " + std::to_string(max), std::to_string(actual)});
  }

  void picqer_orders(const std::vector<ExpectedPicqerOrder>& expected);
  void picqer_line_prices(const std::string& at, const std::vector<PicqerOrderLine>& expected,
                          const std::vector<fakes::picqer::OrderLine>& actual);
  void picqer_products(const std::vector<ExpectedPicqerProduct>& expected);
  void lightspeed_variants(const std::vector<VariantPatch>& expected);
  void lightspeed_orders(const std::vector<ExpectedLightspeedOrder>& expected);
  void requests(const std::string& what, const RequestCount& expected, bool writes_only, bool is_max,
                const fakes::Journal& journal);
  void held(const std::vector<HeldOrder>& expected);
  void needs_person(const std::vector<NeedsPerson>& expected);
  void by_hand(const std::vector<ByHandExpected>& expected);
  void skipped(const std::vector<SkippedVariant>& expected);

 private:
  static std::string show(const std::string& s) { return "\"" + s + "\""; }
  static std::string show(int64_t v) { return std::to_string(v); }
  static std::string show(double v) { return number(v); }
  static std::string show(bool v) { return v ? "true" : "false"; }
  static std::string show(const std::vector<std::string>& v) { return join(v); }

  sim::World& w_;
};

void Checker::picqer_orders(const std::vector<ExpectedPicqerOrder>& expected) {
  std::vector<std::string> want, have;
  for (const auto& e : expected) want.push_back(e.reference);
  for (const auto& o : w_.picqer().orders()) {
    if (o.via_api) have.push_back(o.reference);
  }
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  same("picqer.orders (references)", want, have);
  for (const auto& e : expected) {
    auto found = w_.picqer().orders_by_reference(e.reference);
    if (found.empty()) continue;
    const auto& o = found.front();
    std::string at = "picqer.orders[" + e.reference + "]";
    if (e.status) same(at + ".status", *e.status, o.status);
    if (e.products) {
      std::vector<std::string> want_lines, have_lines;
      for (const auto& l : *e.products) want_lines.push_back(l.productcode + " x" + std::to_string(l.amount));
      for (const auto& l : o.lines) have_lines.push_back(l.productcode + " x" + std::to_string(l.amount));
      std::sort(want_lines.begin(), want_lines.end());
      std::sort(have_lines.begin(), have_lines.end());
      same(at + ".products", want_lines, have_lines);
      picqer_line_prices(at, *e.products, o.lines);
    }
  }
}

// The unit price of each expected line that gives one, on every actual line of that product.
void Checker::picqer_line_prices(const std::string& at, const std::vector<PicqerOrderLine>& expected,
                                 const std::vector<fakes::picqer::OrderLine>& actual) {
  for (const auto& want : expected) {
    if (!want.price) continue;
    for (const auto& line : actual) {
      if (line.productcode == want.productcode) same(at + ".products[" + want.productcode + "].price", *want.price, line.price);
    }
  }
}

void Checker::picqer_products(const std::vector<ExpectedPicqerProduct>& expected) {
  for (const auto& e : expected) {
    std::string at = "picqer.products[" + e.productcode + "]";
    auto p = w_.picqer().product_by_code(e.productcode);
    if (!p) {
      failures.push_back({at, "exists", "no such product"});
      continue;
    }
    if (e.name) same(at + ".name", *e.name, p->name);
    if (e.price) same(at + ".price", *e.price, p->price);
    if (e.barcode) same(at + ".barcode", *e.barcode, p->barcode);
    if (e.idvatgroup) same(at + ".idvatgroup", *e.idvatgroup, p->idvatgroup);
    if (e.images) same(at + ".images", *e.images, static_cast<int64_t>(p->images.size()));
    if (e.stock) {
      for (const auto& [wh, amount] : *e.stock) {
        same(at + ".stock[" + std::to_string(wh) + "]", amount, w_.picqer().stock(e.productcode, wh).stock);
      }
    }
  }
}

void Checker::lightspeed_variants(const std::vector<VariantPatch>& expected) {
  for (const auto& e : expected) {
    std::string at = "lightspeed.variants[id=" + std::to_string(e.id) + "]";
    const auto* v = w_.lightspeed().variant(e.id);
    if (!v) {
      failures.push_back({at, "exists", "no such variant"});
      continue;
    }
    if (e.title) same(at + ".title", *e.title, v->title);
    if (e.sku) same(at + ".sku", *e.sku, v->sku);
    if (e.ean) same(at + ".ean", *e.ean, v->ean);
    if (e.article_code) same(at + ".articleCode", *e.article_code, v->article_code);
    if (e.price_excl) same(at + ".priceExcl", *e.price_excl, v->price_excl);
    if (e.price_incl) same(at + ".priceIncl", *e.price_incl, v->price_incl);
    if (e.stock_level) same(at + ".stockLevel", *e.stock_level, v->stock_level);
    if (e.stock_tracking) same(at + ".stockTracking", *e.stock_tracking, v->stock_tracking);
  }
}

void Checker::lightspeed_orders(const std::vector<ExpectedLightspeedOrder>& expected) {
  for (const auto& e : expected) {
    const OrderPatch& f = e.fields;
    std::string at = "lightspeed.orders[id=" + std::to_string(f.id) + "]";
    const auto* o = w_.lightspeed().order(f.id);
    if (!o) {
      failures.push_back({at, "exists", "no such order"});
      continue;
    }
    if (f.number) same(at + ".number", *f.number, o->number);
    if (f.status) same(at + ".status", *f.status, o->status);
    if (f.payment_status) same(at + ".paymentStatus", *f.payment_status, o->payment_status);
    if (f.shipment_status) same(at + ".shipmentStatus", *f.shipment_status, o->shipment_status);
    if (f.email) same(at + ".email", *f.email, o->email);
    if (f.comment) same(at + ".comment", *f.comment, o->comment);
    if (f.shipment_is_pickup) same(at + ".shipmentIsPickup", *f.shipment_is_pickup, o->shipment_is_pickup);
    if (f.shipment_method_id) same(at + ".shipmentMethodId", *f.shipment_method_id, o->shipment_method_id);
    if (f.updated_at) same(at + ".updatedAt", format_iso8601(*f.updated_at), format_iso8601(o->updated_at));
    if (e.tracking_code) {
      const auto* s = w_.lightspeed().shipment_of_order(f.id);
      same(at + ".trackingCode", *e.tracking_code, s ? s->tracking_code : std::string());
    }
  }
}

void Checker::requests(const std::string& what, const RequestCount& expected, bool writes_only, bool is_max,
                       const fakes::Journal& journal) {
  if (!journal.complete()) {
    failures.push_back({what, "every request in the journal", journal.overflow()});
    return;
  }
  auto count = [&](const std::string& pattern) -> int64_t {
    if (pattern.empty()) return static_cast<int64_t>(writes_only ? journal.writes() : journal.size());
    return static_cast<int64_t>(writes_only ? journal.writes(pattern) : journal.count(pattern));
  };
  auto compare = [&](const std::string& at, int64_t want, int64_t have) {
    if (is_max) {
      at_most(at, want, have);
    } else {
      same(at, want, have);
    }
  };
  if (const auto* total = std::get_if<int64_t>(&expected)) {
    compare(what, *total, count(""));
  } else {
    for (const auto& [pattern, n] : std::get<std::map<std::string, int64_t>>(expected)) {
      compare(what + "[\"" + pattern + "\"]", n, count(pattern));
    }
  }
}

void Checker::held(const std::vector<HeldOrder>& expected) {
  std::vector<std::string> want, have;
  for (const auto& h : expected) want.push_back(h.order + ": " + h.reason);
  for (const auto& h : w_.store().held()) have.push_back(h.number + ": " + std::string(to_string(h.reason)));
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  same("held", want, have);
}

// Against the running engine's report; an engine that is down at run_until reports nobody.
void Checker::needs_person(const std::vector<NeedsPerson>& expected) {
  std::vector<std::string> want, have;
  for (const auto& n : expected) want.push_back(n.order + ": " + n.reason);
  if (Engine* engine = w_.engine()) {
    for (const auto& n : engine->report().needs_person) have.push_back(n.number + ": " + n.reason);
  }
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  same("needs_person", want, have);
}

// In the order given, against the running engine's report (a crash forgets the answers).
void Checker::by_hand(const std::vector<ByHandExpected>& expected) {
  std::vector<std::string> want, have;
  for (const auto& b : expected) want.push_back(b.order + ": " + b.answer);
  if (Engine* engine = w_.engine()) {
    for (const auto& a : engine->report().by_hand) {
      have.push_back(a.number + ": " + std::string(a.reason ? to_string(*a.reason) : to_string(a.result)));
    }
  }
  same("by_hand", want, have);
}

void Checker::skipped(const std::vector<SkippedVariant>& expected) {
  std::vector<std::string> want, have;
  for (const auto& s : expected) want.push_back(std::to_string(s.variant) + ": " + s.reason);
  for (const auto& s : w_.store().bulk_import().skipped) {
    have.push_back(std::to_string(s.variant_id) + ": " + std::string(to_string(s.reason)));
  }
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  same("skipped_variants", want, have);
}

}  // namespace

std::vector<Failure> check_expectations(const Expectations& e, sim::World& w) {
  Checker c(w);
  if (e.picqer_orders) c.picqer_orders(*e.picqer_orders);
  if (e.picqer_orders_count) {
    int64_t n = 0;
    for (const auto& o : w.picqer().orders()) n += o.via_api;
    c.same("picqer.orders_count", *e.picqer_orders_count, n);
  }
  if (e.picqer_products) c.picqer_products(*e.picqer_products);
  if (e.picqer_products_count) {
    c.same("picqer.products_count", *e.picqer_products_count, static_cast<int64_t>(w.picqer().products().size()));
  }
  if (e.lightspeed_variants) c.lightspeed_variants(*e.lightspeed_variants);
  if (e.lightspeed_orders) c.lightspeed_orders(*e.lightspeed_orders);
  if (e.lightspeed_writes) c.requests("lightspeed.writes", *e.lightspeed_writes, true, false, w.lightspeed().journal());
  if (e.lightspeed_writes_max) {
    c.requests("lightspeed.writes_max", *e.lightspeed_writes_max, true, true, w.lightspeed().journal());
  }
  if (e.picqer_requests_max) c.requests("picqer.requests_max", *e.picqer_requests_max, false, true, w.picqer().journal());
  if (e.lightspeed_requests_max) {
    c.requests("lightspeed.requests_max", *e.lightspeed_requests_max, false, true, w.lightspeed().journal());
  }
  if (e.held) c.held(*e.held);
  if (e.needs_person) c.needs_person(*e.needs_person);
  if (e.skipped_variants) c.skipped(*e.skipped_variants);
  if (e.by_hand) c.by_hand(*e.by_hand);
  return c.failures;
}

}  // namespace lpsync::scenario
