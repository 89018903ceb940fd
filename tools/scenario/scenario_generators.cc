#include "fakes/common/quirks.h"
#include "tools/scenario/scenario_generators.h"

#include "tools/scenario/object_generators.h"
#include "tools/scenario/scenario_writer.h"
#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario {
namespace {

using rc::gen::element;
using rc::gen::inRange;
using namespace generate;

// What events may refer to: things of the initial state.
struct Initial {
  std::vector<int64_t> variants, orders, warehouses;
  std::vector<std::string> references, productcodes;
};

Action action(const Initial& known, size_t k, Instant start) {
  const int64_t fresh = 100'000 + static_cast<int64_t>(k) * 100;  // ids no other event uses
  switch (*inRange(0, 16)) {
    case 0: return CreateLightspeedOrder{order(fresh, start, known.variants)};
    case 1:
      if (known.orders.empty()) break;
      return UpdateLightspeedOrder{order_patch(*rc::gen::elementOf(known.orders), start, known.variants)};
    case 2:
      if (known.variants.empty()) break;
      return UpdateLightspeedVariant{variant_patch(*rc::gen::elementOf(known.variants))};
    case 3: return CreateLightspeedProduct{product(fresh, fresh + 1)};
    case 4:
      if (known.productcodes.empty()) break;
      return SetPicqerStock{*rc::gen::elementOf(known.productcodes), *rc::gen::elementOf(known.warehouses),
                            *inRange<int64_t>(0, 1000)};
    case 5:
      return CreatePicqerProduct{picqer_product("NEW" + std::to_string(k) + ":" + text(),
                                                maybe(fresh), known.warehouses)};
    case 6:
      if (known.references.empty()) break;
      return ShipPicqerOrder{*rc::gen::elementOf(known.references), text(), maybe(text())};
    case 12:
      if (known.references.empty()) break;
      return CancelPicqerShipment{*rc::gen::elementOf(known.references)};
    case 13:
      if (known.references.empty()) break;
      return PickPicqerOrder{*rc::gen::elementOf(known.references)};
    case 14: return ImportOrder{"ORD" + std::to_string(*inRange<int64_t>(1, 5))};
    case 7: return ChangeSettings{settings(known.warehouses)};
    case 8: return Activate{};
    case 9: return ImportProducts{};
    case 10: return GoDown{Duration::millis(*inRange<int64_t>(1, 2 * 86'400'000))};
    case 11: return fault();
    default: break;
  }
  return Crash{};
}

// Each element of `all` or not, by a coin per element.
template <typename T>
std::vector<T> some(const std::vector<T>& all) {
  std::vector<T> out;
  for (const T& x : all) {
    if (*rc::gen::arbitrary<bool>()) out.push_back(x);
  }
  return out;
}

// A request count: a total, or per pattern.
RequestCount counts() {
  if (*rc::gen::arbitrary<bool>()) return *inRange<int64_t>(0, 1000);
  std::map<std::string, int64_t> per_pattern;
  for (std::string p : {"PUT /variants/*", "POST /orders", "*"}) {
    if (*rc::gen::arbitrary<bool>()) per_pattern[p] = *inRange<int64_t>(0, 50);
  }
  return per_pattern;
}

// What Picqer should hold: orders (of the known ones) and products, listed or counted.
void expect_in_picqer(Expectations& e, const Initial& known, const std::vector<std::string>& numbers) {
  if (*rc::gen::arbitrary<bool>()) {
    e.picqer_orders.emplace();
    for (const std::string& n : some(numbers)) {
      e.picqer_orders->push_back({n, maybe(picqer_lines()), maybe(pick(kPicqerOrderStatuses))});
    }
  }
  e.picqer_orders_count = maybe(*inRange<int64_t>(0, 100));
  if (*rc::gen::arbitrary<bool>()) {
    e.picqer_products.emplace();
    for (int n = *inRange(0, 3); n > 0; --n) {
      e.picqer_products->push_back({"E" + std::to_string(n) + text(), maybe(text()), maybe(money()), maybe(text()),
                                    maybe(*inRange<int64_t>(1, 4)), maybe(*inRange<int64_t>(0, 5)),
                                    maybe(stock(known.warehouses))});
    }
  }
  e.picqer_products_count = maybe(*inRange<int64_t>(0, 100));
}

// What the report should list: held orders, orders that need a person, skipped variants.
void expect_in_report(Expectations& e, const Initial& known, const std::vector<std::string>& numbers) {
  if (*rc::gen::arbitrary<bool>()) {
    e.held.emplace();
    for (const std::string& n : some(numbers)) e.held->push_back({n, pick(kHeldReasons)});
  }
  if (*rc::gen::arbitrary<bool>()) {
    e.needs_person.emplace();
    for (const std::string& n : some(numbers)) e.needs_person->push_back({n, pick(kNeedsPersonReasons)});
  }
  if (*rc::gen::arbitrary<bool>()) {
    e.skipped_variants.emplace();
    for (int64_t id : some(known.variants)) e.skipped_variants->push_back({id, pick(kSkippedReasons)});
  }
  if (*rc::gen::arbitrary<bool>()) {
    e.by_hand.emplace();
    for (const std::string& n : some(numbers)) e.by_hand->push_back({n, pick(kByHandAnswers)});
  }
}

Expectations expectations(const Initial& known, Instant start) {
  Expectations e;
  std::vector<std::string> numbers;
  for (int64_t id : known.orders) numbers.push_back("ORD" + std::to_string(id));
  expect_in_picqer(e, known, numbers);
  if (*rc::gen::arbitrary<bool>()) {
    e.lightspeed_variants.emplace();
    for (int64_t id : some(known.variants)) e.lightspeed_variants->push_back(variant_patch(id));
  }
  if (*rc::gen::arbitrary<bool>()) {
    e.lightspeed_orders.emplace();
    for (int64_t id : some(known.orders)) {
      e.lightspeed_orders->push_back({order_patch(id, start, known.variants), maybe(text())});
    }
  }
  e.lightspeed_writes = maybe(counts());
  e.lightspeed_writes_max = maybe(counts());
  e.picqer_requests_max = maybe(counts());
  e.lightspeed_requests_max = maybe(counts());
  expect_in_report(e, known, numbers);
  return e;
}

Scenario scenario() {
  Scenario s;
  s.name = *element<std::string>("a", "late-payment", "read_only-9", "x1");
  s.description = text();
  s.seed = *rc::gen::arbitrary<uint64_t>();
  s.start = Instant::from_unix_millis(*inRange<int64_t>(1'700'000'000'000, 2'000'000'000'000));
  s.run_until = s.start + Duration::millis(*inRange<int64_t>(1, 10 * 86'400'000));
  Initial known;
  if (*rc::gen::arbitrary<bool>()) {
    s.picqer.warehouses.clear();
    for (int n = *inRange(1, 4), i = 1; i <= n; ++i) {
      s.picqer.warehouses.push_back({i, text(), *rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>(),
                                     *rc::gen::arbitrary<bool>()});
    }
  }
  for (const auto& w : s.picqer.warehouses) known.warehouses.push_back(w.idwarehouse);
  if (*rc::gen::inRange(0, 3) == 0) {
    for (int n = *inRange(1, 4), i = 1; i <= n; ++i) {
      s.picqer.vatgroups.push_back({i, text(), double(*element(0, 9, 21))});
    }
  }
  s.settings = settings(known.warehouses);
  for (const auto& q : fakes::known_quirks()) {
    if (*rc::gen::inRange(0, 4) == 0) s.quirks.emplace_back(q.name);
  }
  if (*rc::gen::inRange(0, 4) == 0) s.lightspeed.language = std::string(pick(kShopLanguages));
  if (*rc::gen::inRange(0, 4) == 0) s.lightspeed.cluster = std::string(pick(kClusters));
  for (int n = *inRange(0, 4), i = 0; i < n; ++i) {
    s.lightspeed.products.push_back(product(i + 1, 10 * (i + 1)));
    for (const auto& v : s.lightspeed.products.back().variants) known.variants.push_back(v.id);
  }
  for (int n = *inRange(0, 4), i = 0; i < n; ++i) {
    s.lightspeed.orders.push_back(order(i + 1, s.start, known.variants));
    known.orders.push_back(i + 1);
    known.references.push_back(s.lightspeed.orders.back().number);
  }
  for (int n = *inRange(0, 4), i = 0; i < n; ++i) {
    std::string code = "P" + std::to_string(i) + ":" + text();
    s.picqer.products.push_back(picqer_product(code, maybe<int64_t>(1000 + i), known.warehouses));
    known.productcodes.push_back(code);
  }
  for (int n = *inRange(0, 3), i = 0; i < n; ++i) {
    s.picqer.orders.push_back({i + 1, text(), pick(kPicqerOrderStatuses), picqer_lines()});
    known.references.push_back(s.picqer.orders.back().reference);
  }
  for (size_t n = *inRange<size_t>(0, 10), k = 0; k < n; ++k) {
    Instant at = s.start + Duration::millis(*inRange<int64_t>(0, (s.run_until - s.start).millis() + 1));
    s.timeline.push_back({at, action(known, k, s.start)});
  }
  s.expect = expectations(known, s.start);
  return s;
}

}  // namespace

rc::Gen<Scenario> gen_scenario() { return rc::gen::exec(scenario); }

void showValue(const Scenario& scenario, std::ostream& out) { out << write_scenario(scenario); }

}  // namespace lpsync::scenario
