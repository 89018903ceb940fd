#include "tools/scenario/timeline_parser.h"

#include "tools/scenario/lightspeed_parser.h"
#include "tools/scenario/picqer_parser.h"
#include "tools/scenario/settings_parser.h"

namespace lpsync::scenario {
namespace {

constexpr int64_t kMaxFaultCount = 1'000'000;

Action no_arguments(const Reader& r, Action action) {
  check_keys(r, Words{});
  return action;
}

InjectFault read_fault(const Reader& r) {
  check_keys(r, {"target", "kind", "count", "for", "match"});
  InjectFault f;
  f.target = read_word(required(r, "target"), kSystems, "fault target") == "picqer" ? System::picqer
                                                                                      : System::lightspeed;
  Reader kind = required(r, "kind");
  auto parsed = fakes::parse_fault_kind(kind.as_string());
  if (!parsed) kind.fail(unknown_word_message("fault kind", kind.as_string(), kFaultKinds));
  f.kind = *parsed;
  auto count = r.find("count");
  auto span = r.find("for");
  if (count && span) span->fail("give either count (the next N matching requests) or for (a duration), not both");
  if (!count && !span) r.fail("a fault needs count (the next N matching requests) or for (a duration such as 10m)");
  if (count) f.count = read_int(*count, 1, kMaxFaultCount);
  if (span) f.duration = read_duration(*span);
  if (auto m = r.find("match")) {
    f.match = m->as_string();
    if (fakes::is_webhook_fault(f.kind)) {
      if (f.match.find(' ') != std::string::npos) {
        m->fail("a " + std::string(fakes::to_string(f.kind)) + " fault matches webhook event names such as "
                "\"orders/*\" or \"products.free_stock_changed\", not requests such as \"" + f.match + "\"");
      }
    } else if (std::string problem = fakes::check_pattern(f.match); !problem.empty()) {
      m->fail(problem);
    }
  }
  return f;
}

SetPicqerStock read_stock_set(const Reader& r) {
  check_keys(r, {"productcode", "idwarehouse", "amount"});
  SetPicqerStock s;
  s.productcode = required(r, "productcode").as_string();
  s.idwarehouse = read_id(required(r, "idwarehouse"));
  s.amount = read_int(required(r, "amount"), 0, 1'000'000'000);
  return s;
}

ShipPicqerOrder read_ship(const Reader& r) {
  check_keys(r, {"reference", "trackingcode", "carrier"});
  ShipPicqerOrder s;
  s.reference = required(r, "reference").as_string();
  s.trackingcode = required(r, "trackingcode").as_string();
  if (auto v = r.find("carrier")) s.carrier = v->as_string();
  return s;
}

// An order reference or number: text, or a whole number written without quotes.
std::string read_reference(const Reader& r, const char* key) {
  check_keys(r, {key});
  Reader v = required(r, key);
  return v.raw().is_number() ? std::to_string(read_id(v)) : v.as_string();
}

Action read_action(const std::string& name, const Reader& r, Instant start, Instant at) {
  if (name == "lightspeed.order.create") return CreateLightspeedOrder{read_lightspeed_order(r, start, at, at)};
  if (name == "lightspeed.order.update") return UpdateLightspeedOrder{read_order_patch(r, start)};
  if (name == "lightspeed.variant.update") return UpdateLightspeedVariant{read_variant_patch(r)};
  if (name == "lightspeed.product.create") return CreateLightspeedProduct{read_lightspeed_product(r)};
  if (name == "picqer.stock.set") return read_stock_set(r);
  if (name == "picqer.product.create") return CreatePicqerProduct{read_picqer_product(r)};
  if (name == "picqer.order.ship") return read_ship(r);
  if (name == "picqer.shipment.cancel") return CancelPicqerShipment{read_reference(r, "reference")};
  if (name == "picqer.order.pick") return PickPicqerOrder{read_reference(r, "reference")};
  if (name == "engine.settings") return ChangeSettings{read_settings_patch(r)};
  if (name == "engine.activate") return no_arguments(r, Activate{});
  if (name == "engine.import_products") return no_arguments(r, ImportProducts{});
  if (name == "engine.import_order") return ImportOrder{read_reference(r, "number")};
  if (name == "engine.crash") return no_arguments(r, Crash{});
  if (name == "engine.down") {
    check_keys(r, {"for"});
    return GoDown{read_duration(required(r, "for"))};
  }
  return read_fault(r);
}

Event read_event(const Reader& r, Instant start) {
  if (!r.is_object()) r.fail("expected an event {\"at\": TIME, \"<action>\": {...}}, got " + std::string(json::kind_name(r.raw())));
  std::optional<std::string> action;
  for (const std::string& key : r.keys()) {
    if (key == "at") continue;
    if (!contains(kActionNames, key)) {
      static constexpr std::string_view kAt[] = {"at"};
      if (closest(kAt, key)) fail_at(r.path() + "." + key, "unknown key \"" + key + "\" (did you mean \"at\"?)");
      fail_at(r.path() + "." + key, unknown_word_message("action", key, kActionNames) + " (and \"at\")");
    }
    if (action) {
      fail_at(r.path() + "." + key, "an event holds exactly one action, and this one already has \"" + *action +
                                        "\"; make a second event for \"" + key + "\"");
    }
    action = key;
  }
  Event event;
  event.at = read_time(required(r, "at"), start);
  if (!action) r.fail("an event needs one action besides \"at\"; known: " + join(kActionNames));
  event.action = read_action(*action, r.field(*action), start, event.at);
  return event;
}

}  // namespace

std::vector<Event> read_timeline(const Reader& r, Instant start) {
  std::vector<Event> events;
  for (const Reader& item : r.items()) events.push_back(read_event(item, start));
  return events;
}

}  // namespace lpsync::scenario
