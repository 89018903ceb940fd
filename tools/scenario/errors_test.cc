// Invalid files: each names the JSON path of the first problem and says what is wrong and
// what is allowed.
#include <gtest/gtest.h>

#include "tools/scenario/test_support.h"
#include "tools/scenario/vocabulary.h"

namespace lpsync::scenario {
namespace {

using testing::with;
using testing::without;

struct Case {
  const char* name;
  std::string text;
  std::string path;
  std::string message_part;
};

const char* const kShop = R"({"products": [{"id": 1, "variants": [{"id": 11, "sku": "A"}]}], "orders": [{"id": 5}]})";

std::string event(const std::string& e) {
  return with({{"lightspeed", kShop}, {"timeline", "[" + e + "]"}});
}

std::vector<Case> cases() {
  return {
      {"unknown top-level key", with({{"colour", "1"}}), "$.colour",
       "unknown key \"colour\"; allowed: format, name, description, seed, start, settings, quirks, lightspeed, picqer, "
       "timeline, run_until, expect"},
      {"unknown quirk", with({{"quirks", R"(["picqer.filters_ignord"])"}}), "$.quirks[0]",
       "unknown quirk \"picqer.filters_ignord\" (did you mean \"picqer.filters_ignored\"?); known quirks: "
       "picqer.filters_ignored, picqer.offset_ignored, picqer.rows_without_ids, lightspeed.fractional_numbers, "
       "lightspeed.temporary_404, lightspeed.unsigned_webhooks"},
      {"quirk twice", with({{"quirks", R"(["picqer.offset_ignored", "picqer.offset_ignored"])"}}), "$.quirks[1]",
       "the quirk \"picqer.offset_ignored\" is listed twice"},
      {"unknown shop language", with({{"lightspeed", R"({"language": "uss"})"}}), "$.lightspeed.language",
       "unknown shop language \"uss\" (did you mean \"us\"?); known: en, us, nl, de, fr, es, it"},
      {"unknown cluster", with({{"lightspeed", R"({"cluster": "us2"})"}}), "$.lightspeed.cluster",
       "unknown cluster \"us2\" (did you mean \"us1\"?); known: eu1, us1"},
      {"unknown nested key", with({{"lightspeed", R"({"products": [{"id": 1, "variants": [{"id": 2, "skuu": "A"}]}]})"}}),
       "$.lightspeed.products[0].variants[0].skuu", "unknown key \"skuu\" (did you mean \"sku\"?); allowed: id, title, sku"},
      {"typo in an action name", event(R"({"at": "+1h", "lightspeed.order.creat": {"id": 6}})"),
       "$.timeline[0].lightspeed.order.creat",
       "unknown action \"lightspeed.order.creat\" (did you mean \"lightspeed.order.create\"?); known: "
       "lightspeed.order.create, lightspeed.order.update"},
      {"typo in at", event(R"({"ta": "+1h", "engine.crash": {}})"), "$.timeline[0].ta",
       "unknown key \"ta\" (did you mean \"at\"?)"},
      {"missing run_until", without("run_until"), "$.run_until", "missing required key \"run_until\""},
      {"missing expect", without("expect"), "$.expect", "missing required key \"expect\""},
      {"bad time offset", event(R"({"at": "+9w", "engine.crash": {}})"), "$.timeline[0].at",
       "invalid time offset \"+9w\"; use an ISO-8601 UTC instant such as 2026-11-02T08:00:00Z, or an offset"},
      {"time without a zone", with({{"run_until", "\"2026-11-03T08:00:00\""}}), "$.run_until",
       "invalid time \"2026-11-03T08:00:00\""},
      {"start as an offset", with({{"start", "\"+1h\""}}), "$.start", "invalid instant \"+1h\""},
      {"run_until not after start", with({{"run_until", "\"-1m\""}}), "$.run_until",
       "run_until must be after start (2026-11-02T08:00:00Z)"},
      {"time offset far in the past",
       with({{"lightspeed", R"({"orders": [{"id": 5, "updatedAt": "-999999999999h"}]})"}}),
       "$.lightspeed.orders[0].updatedAt",
       "the time \"-999999999999h\" is out of range: give a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"},
      {"time offset far in the future",
       with({{"lightspeed", R"({"orders": [{"id": 5, "createdAt": "+999999999999h"}]})"}}),
       "$.lightspeed.orders[0].createdAt", "the time \"+999999999999h\" is out of range"},
      {"event far before start", event(R"({"at": "-999999999999h", "engine.crash": {}})"), "$.timeline[0].at",
       "the time \"-999999999999h\" is out of range"},
      {"instant before 1970", with({{"run_until", "\"1969-12-31T23:59:59Z\""}}), "$.run_until",
       "the time \"1969-12-31T23:59:59Z\" is out of range"},
      {"event before start", event(R"({"at": "-1s", "engine.crash": {}})"), "$.timeline[0].at",
       "the event is before start"},
      {"event after run_until", event(R"({"at": "+2d", "engine.crash": {}})"), "$.timeline[0].at",
       "after run_until (2026-11-03T08:00:00Z) and would never happen"},
      {"fault with count and for",
       event(R"({"at": "+1h", "fault": {"target": "picqer", "kind": "http_500", "count": 1, "for": "1h"}})"),
       "$.timeline[0].fault.for", "give either count (the next N matching requests) or for (a duration), not both"},
      {"fault with neither count nor for", event(R"({"at": "+1h", "fault": {"target": "picqer", "kind": "reset"}})"),
       "$.timeline[0].fault", "a fault needs count"},
      {"unknown fault kind", event(R"({"at": "+1h", "fault": {"target": "picqer", "kind": "http_418", "count": 1}})"),
       "$.timeline[0].fault.kind",
       "unknown fault kind \"http_418\" (did you mean \"http_429\"?); known: http_429, http_500, http_503, timeout, "
       "reset, indeterminate, webhook_drop, webhook_duplicate"},
      {"unknown fault target", event(R"({"at": "+1h", "fault": {"target": "shop", "kind": "reset", "count": 1}})"),
       "$.timeline[0].fault.target", "unknown fault target \"shop\"; known: lightspeed, picqer"},
      {"bad request pattern",
       event(R"({"at": "+1h", "fault": {"target": "lightspeed", "kind": "http_500", "count": 1, "match": "PUTT /variants/*"}})"),
       "$.timeline[0].fault.match", "which is not GET, POST, PUT, DELETE or PATCH"},
      {"request pattern on a webhook fault",
       event(R"({"at": "+1h", "fault": {"target": "picqer", "kind": "webhook_drop", "for": "1h", "match": "POST /orders"}})"),
       "$.timeline[0].fault.match", "a webhook_drop fault matches webhook event names such as \"orders/*\""},
      {"invalid enum value", with({{"lightspeed", R"({"orders": [{"id": 5, "paymentStatus": "payed"}]})"}}),
       "$.lightspeed.orders[0].paymentStatus",
       "unknown paymentStatus \"payed\" (did you mean \"paid\"?); known: not_paid, partially_paid, paid, cancelled"},
      {"invalid stockTracking", with({{"lightspeed", R"({"products": [{"id": 1, "variants": [{"id": 2, "stockTracking": "on"}]}]})"}}),
       "$.lightspeed.products[0].variants[0].stockTracking", "known: disabled, enabled, indicator"},
      {"poll_interval out of range", with({{"settings", R"({"poll_interval": 30})"}}), "$.settings.poll_interval",
       "poll_interval must be between 60 and 3600 seconds, not 30"},
      {"negative poll_interval", with({{"settings", R"({"poll_interval": -5})"}}), "$.settings.poll_interval",
       "poll_interval must be between 60 and 3600 seconds, not -5"},
      {"poll_interval not whole seconds", with({{"settings", R"({"poll_interval": 90.5})"}}), "$.settings.poll_interval",
       "expected an integer"},
      {"unknown setting", with({{"settings", R"({"poll_intervall": 300})"}}), "$.settings.poll_intervall",
       "unknown key \"poll_intervall\" (did you mean \"poll_interval\"?); allowed: active, import_orders"},
      {"unknown order filter", with({{"settings", R"({"order_filter": "unpaid"})"}}), "$.settings.order_filter",
       "known: paid, all, eligible_to_ship"},
      {"duplicate variant id",
       with({{"lightspeed", R"({"products": [{"id": 1, "variants": [{"id": 11}]}, {"id": 2, "variants": [{"id": 11}]}]})"}}),
       "$.lightspeed.products[1].variants[0].id",
       "duplicate Lightspeed variant id 11 (already used at $.lightspeed.products[0].variants[0].id)"},
      {"duplicate order number", with({{"lightspeed", R"({"orders": [{"id": 5, "number": "X"}, {"id": 6, "number": "X"}]})"}}),
       "$.lightspeed.orders[1].number", "duplicate Lightspeed order number \"X\""},
      {"duplicate product created in the timeline",
       event(R"({"at": "+1h", "lightspeed.product.create": {"id": 1, "variants": []}})"),
       "$.timeline[0].lightspeed.product.create.id", "duplicate Lightspeed product id 1 (already used at $.lightspeed.products[0].id)"},
      {"wrong type", with({{"lightspeed", R"({"orders": [{"id": 5, "lines": [{"variant": 11, "quantity": "2"}]}]})"}}),
       "$.lightspeed.orders[0].lines[0].quantity", "expected an integer, got a string"},
      {"negative seed", with({{"seed", "-1"}}), "$.seed", "the seed must be an integer from 0 to 18446744073709551615"},
      {"malformed JSON with position", "{\n  \"format\": \"lpsync-scenario/1\",\n  \"name\" \"x\"\n}", "$",
       "malformed JSON at line 3, column 10: syntax error"},
      {"text after the document", std::string(testing::kMinimal) + " {}", "$", "text after the end of the document"},
      {"repeated key", "{\"format\": \"lpsync-scenario/1\", \"timeline\": [{\"at\": \"+1h\", \"at\": \"+2h\"}]}",
       "$.timeline[0].at", "the key \"at\" appears twice in this object"},
      {"wrong format string", with({{"format", "\"lpsync-scenario/2\""}}), "$.format",
       "unknown format \"lpsync-scenario/2\"; this reader knows \"lpsync-scenario/1\""},
      {"not an object", "[]", "$", "expected an object, got an array"},
      {"two actions in one event", event(R"({"at": "+1h", "engine.activate": {}, "engine.crash": {}})"),
       "$.timeline[0].engine.crash", "an event holds exactly one action, and this one already has \"engine.activate\""},
      {"event without an action", event(R"({"at": "+1h"})"), "$.timeline[0]", "an event needs one action besides \"at\""},
      {"arguments to a button", event(R"({"at": "+1h", "engine.activate": {"now": true}})"),
       "$.timeline[0].engine.activate.now", "this takes no arguments: {}"},
      {"bad duration", event(R"({"at": "+1h", "engine.down": {"for": "13 hours"}})"), "$.timeline[0].engine.down.for",
       "invalid duration \"13 hours\"; use a whole number and a unit s, m, h or d"},
      {"update of an unknown order", event(R"({"at": "+1h", "lightspeed.order.update": {"id": 99, "paymentStatus": "paid"}})"),
       "$.timeline[0].lightspeed.order.update.id",
       "no Lightspeed order id 99 exists at this point of the timeline; known: 5"},
      {"stock for an unknown warehouse", with({{"picqer", R"({"products": [{"productcode": "A", "stock": {"3": 1}}]})"}}),
       "$.picqer.products[0].stock.3", "no Picqer warehouse 3 exists; known: 1"},
      {"unknown held reason", with({{"lightspeed", kShop}, {"expect", R"({"held": [{"order": "ORD00005", "reason": "unpaid"}]})"}}),
       "$.expect.held[0].reason", "unknown held reason \"unpaid\""},
      {"held order listed twice",
       with({{"lightspeed", kShop}, {"expect", R"({"held": [{"order": "ORD00005", "reason": "not_paid"},
                                                             {"order": "ORD00005", "reason": "on_hold"}]})"}}),
       "$.expect.held[1]", "the held order \"ORD00005\" is listed twice"},
      {"unknown needs_person reason",
       with({{"lightspeed", kShop}, {"expect", R"({"needs_person": [{"order": "ORD00005", "reason": "not_paid"}]})"}}),
       "$.expect.needs_person[0].reason",
       "unknown needs_person reason \"not_paid\"; known: cancelled_after_pick, on_hold_after_import, "
       "lines_changed_after_import"},
      {"unknown by_hand answer (a typo)",
       with({{"lightspeed", kShop}, {"expect", R"({"by_hand": [{"order": "ORD00005", "answer": "importd"}]})"}}),
       "$.expect.by_hand[0].answer",
       "unknown by_hand answer \"importd\" (did you mean \"imported\"?); known: imported, already_imported, "
       "not_found, not_active, failed, cancelled, shipped, on_hold, unknown_status, not_paid, not_eligible_to_ship, "
       "missing_variant, missing_sku, duplicate_sku, product_not_in_picqer"},
      {"unknown key in needs_person",
       with({{"lightspeed", kShop}, {"expect", R"({"needs_person": [{"order": "ORD00005", "reason": "on_hold_after_import", "why": "x"}]})"}}),
       "$.expect.needs_person[0].why", "unknown key \"why\""},
      {"same order and reason needing a person twice",
       with({{"lightspeed", kShop}, {"expect", R"({"needs_person": [{"order": "ORD00005", "reason": "on_hold_after_import"},
                                                                     {"order": "ORD00005", "reason": "on_hold_after_import"}]})"}}),
       "$.expect.needs_person[1]", "the order needing a person \"ORD00005\" for on_hold_after_import is listed twice"},
      {"needs_person about an unknown order",
       with({{"lightspeed", kShop}, {"expect", R"({"needs_person": [{"order": "ORD9", "reason": "on_hold_after_import"}]})"}}),
       "$.expect.needs_person[0].order", "no Lightspeed order number \"ORD9\" exists"},
      {"unknown key in picqer.shipment.cancel",
       with({{"lightspeed", kShop}, {"timeline", R"([{"at": "+1h", "picqer.shipment.cancel": {"reference": "ORD00005", "trackingcode": "3S1"}}])"}}),
       "$.timeline[0].picqer.shipment.cancel.trackingcode", "unknown key \"trackingcode\"; allowed: reference"},
      {"picqer.order.pick without a reference", event(R"({"at": "+1h", "picqer.order.pick": {}})"),
       "$.timeline[0].picqer.order.pick.reference", "missing required key \"reference\""},
      {"picqer.order.pick of an unknown order", event(R"({"at": "+1h", "picqer.order.pick": {"reference": "ORD9"}})"),
       "$.timeline[0].picqer.order.pick.reference", "at this point of the timeline"},
      {"typo in engine.import_order", event(R"({"at": "+1h", "engine.import_order": {"numbr": "ORD1"}})"),
       "$.timeline[0].engine.import_order.numbr", "unknown key \"numbr\" (did you mean \"number\"?)"},
      {"typo in the action engine.import_order", event(R"({"at": "+1h", "engine.import_ordr": {"number": "ORD1"}})"),
       "$.timeline[0].engine.import_ordr", "unknown action \"engine.import_ordr\" (did you mean \"engine.import_order\"?)"},
      {"skipped reason from the held list",
       with({{"lightspeed", kShop}, {"expect", R"({"skipped_variants": [{"variant": 11, "reason": "not_paid"}]})"}}),
       "$.expect.skipped_variants[0].reason", "unknown skipped reason \"not_paid\"; known: missing_sku, duplicate_sku"},
      {"unknown expectation", with({{"expect", R"({"picqer.order": []})"}}), "$.expect.picqer.order",
       "unknown key \"picqer.order\" (did you mean \"picqer.orders\"?)"},
      {"expectation about an unknown order", with({{"lightspeed", kShop}, {"expect", R"({"picqer.orders": [{"reference": "ORD9"}]})"}}),
       "$.expect.picqer.orders[0].reference", "no Lightspeed order number \"ORD9\" exists; known: \"ORD00005\""},
      {"name that is not a slug", with({{"name", "\"My Scenario\""}}), "$.name", "is not a slug"},
      {"empty warehouse list", with({{"picqer", R"({"warehouses": []})"}}), "$.picqer.warehouses",
       "a Picqer account has at least one warehouse"},
      {"line variant that is not an id", with({{"lightspeed", R"({"orders": [{"id": 5, "lines": [{"variant": true}]}]})"}}),
       "$.lightspeed.orders[0].lines[0].variant", "expected a variant id or false"},
  };
}

class InvalidFile : public ::testing::TestWithParam<Case> {};

TEST_P(InvalidFile, NamesThePathAndWhatIsAllowed) {
  const Case& c = GetParam();
  ParseError e = testing::parse_error(c.text);
  EXPECT_EQ(e.path, c.path) << e.to_string();
  EXPECT_NE(e.message.find(c.message_part), std::string::npos) << "message: " << e.message << "\nwanted: " << c.message_part;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string out;
  for (char ch : std::string(info.param.name)) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Scenario, InvalidFile, ::testing::ValuesIn(cases()), case_name);

TEST(ValidValues, EveryDocumentedOrderStatusIsAccepted) {
  for (std::string_view status : kOrderStatuses) {
    Scenario s = testing::parse_ok(
        with({{"lightspeed", R"({"orders": [{"id": 5, "status": ")" + std::string(status) + "\"}]}"}}));
    EXPECT_EQ(s.lightspeed.orders[0].status, status);
  }
}

TEST(ValidValues, EveryFaultKindIsAccepted) {
  for (std::string_view kind : kFaultKinds) {
    Scenario s = testing::parse_ok(event(R"({"at": "+1h", "fault": {"target": "picqer", "kind": ")" +
                                         std::string(kind) + R"(", "count": 1}})"));
    EXPECT_EQ(fakes::to_string(std::get<InjectFault>(s.timeline[0].action).kind), kind);
  }
}

}  // namespace
}  // namespace lpsync::scenario
