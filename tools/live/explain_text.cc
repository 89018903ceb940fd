#include "tools/live/explain_text.h"

#include <sstream>

#include "engine/env/json.h"
#include "engine/rules/order_by_hand.h"
#include "engine/rules/order_lifecycle.h"
#include "tools/live/attention_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

std::string text_of(const bj::object& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  return json::serialize(it->value());
}

std::string held_reason_text(const std::string& word) {
  auto r = parse_held_reason(word);
  return r ? word + " - " + explain(*r) : word;
}

std::string needs_person_text_of(const std::string& word) {
  auto r = parse_needs_person_reason(word);
  return r ? word + " - " + std::string(explain(*r)) : word;
}

// " (SKU DUP: variants 31, 41)" for a hold about a SKU variants share; "" otherwise.
std::string sharing_text(const bj::object& f) {
  const bj::value* variants = f.if_contains("variants");
  if (!variants || !variants->is_array()) return "";
  std::string ids;
  for (const bj::value& v : variants->as_array()) ids += (ids.empty() ? "" : ", ") + json::serialize(v);
  return " (SKU " + text_of(f, "productcode") + ": variants " + ids + ")";
}

// The decisions of the log, oldest first, as the document's list.
bj::array decisions_json(const std::vector<LoggedDecision>& log) {
  bj::array out;
  for (const LoggedDecision& d : log) {
    bj::object fields;
    try {
      fields = json::parse(d.fields).as_object();
    } catch (const std::exception&) {
      // A damaged entry still shows its name and time.
    }
    // The requests on the way to it are the decision's own (the recorder added them).
    bj::object decision{{"at", format_iso8601(d.at)}, {"what", d.what}, {"text", decision_text(d.what, fields)}};
    for (const char* name : {"requests", "requests_total", "requests_more"}) {
      if (auto it = fields.find(name); it != fields.end()) {
        decision[name] = it->value();
        fields.erase(it);
      }
    }
    decision["fields"] = std::move(fields);
    out.push_back(std::move(decision));
  }
  return out;
}

std::string unknown_order_advice(const std::string& number) {
  return "lpsync has no decision about order " + number +
         " in its log (kept 14 days) and no link for it. Check the number as the shop shows it; that the order was "
         "placed or changed within the 12 hours an order poll looks back (an older order: lpsync import-order " +
         number + "); that the order_filter setting lets it through; and that the connection is active (lpsync "
         "status).";
}

// The requests on the way to a decision, one a line under it, and how many more there were.
std::string requests_text(const bj::object& decision) {
  const bj::value* listed = decision.if_contains("requests");
  const bj::value* total = decision.if_contains("requests_total");
  if (!listed || !listed->is_array() || !total) return "";
  std::string out = "      requests since the previous decision (" + json::serialize(*total) + "):\n";
  for (const bj::value& line : listed->as_array()) {
    if (line.is_string()) out += "        " + std::string(line.as_string()) + "\n";
  }
  if (const bj::value* more = decision.if_contains("requests_more")) out += "        and " + json::serialize(*more) + " more\n";
  return out;
}

}  // namespace

std::string decision_text(const std::string& what, const bj::object& f) {
  const std::string idorder = text_of(f, "idorder");
  if (what == "order_held") return "held: " + held_reason_text(text_of(f, "reason")) + sharing_text(f);
  if (what == "order_imported") return "imported into Picqer as Picqer order " + idorder;
  if (what == "order_adopted") return "found already in Picqer as Picqer order " + idorder + " and linked (not created twice)";
  if (what == "order_follow_up_resumed") {
    return "created in Picqer (Picqer order " + idorder + ") before a restart that came before its follow-up: followed up now";
  }
  if (what == "order_processed") return "processed in Picqer (Picqer order " + idorder + ")";
  if (what == "order_allocated") return "allocated in Picqer (Picqer order " + idorder + "; order_filter: all)";
  if (what == "order_cancelled_in_picqer") return "cancelled in Picqer (Picqer order " + idorder + ")";
  if (what == "order_needs_person") return "needs a person: " + needs_person_text_of(text_of(f, "reason"));
  if (what == "order_no_longer_needs_person") return "no longer needs a person";
  if (what == "order_by_hand_asked") return "asked to import it by hand (lpsync import-order)";
  if (what == "order_by_hand") {
    std::string text = "import by hand: " + text_of(f, "result");
    if (f.contains("reason")) text += " (" + held_reason_text(text_of(f, "reason")) + ")" + sharing_text(f);
    if (f.contains("idorder")) text += ", Picqer order " + idorder;
    return text;
  }
  if (what == "order_by_hand_interrupted") {
    return "import by hand interrupted (" + text_of(f, "reason") + "), tried again at " + text_of(f, "retry_at");
  }
  if (what == "order_lines_retried") return "its lines could not be read: read again";
  if (what == "shipment_pushed") {
    return "shipment (Picqer shipment " + text_of(f, "idshipment") + ") pushed to the shop with track & trace code " +
           text_of(f, "trackingcode");
  }
  if (what == "shipment_ready_for_pickup") {
    return "shipment (Picqer shipment " + text_of(f, "idshipment") + ") marked ready for pickup in the shop";
  }
  if (what == "shipment_confirmed") {
    return "shipment (Picqer shipment " + text_of(f, "idshipment") + ") found already marked in the shop, code " +
           text_of(f, "trackingcode");
  }
  if (what == "shipment_reported") {
    return "a later shipment (Picqer shipment " + text_of(f, "idshipment") + ") reported, not pushed: the shop takes one";
  }
  if (what == "stock_pushed") return "stock pushed to the shop: " + text_of(f, "stockLevel");
  if (what == "stock_not_counted") return "stock not pushed: " + text_of(f, "reason");
  if (what == "product_linked") return "linked to Picqer product " + text_of(f, "idproduct");
  if (what == "product_adopted") {
    return "found in Picqer as product " + text_of(f, "idproduct") + " (created by lpsync before) and linked";
  }
  if (what == "product_created") return "created in Picqer as product " + text_of(f, "idproduct");
  if (what == "product_unlinked") return "unlinked from its Picqer product";
  if (what == "base_stock_set") {
    return "base stock set in Picqer: " + text_of(f, "stock") + " (shop stock " + text_of(f, "stockLevel") +
           " plus " + text_of(f, "pending") + " in open orders)";
  }
  return what + " " + json::serialize(f);
}

bj::object order_story(const StateStore& store, const std::string& number, Instant now) {
  bj::array decisions = decisions_json(store.decisions_about(DecisionSubject::order, number));
  bj::array known_now, can_do;
  std::optional<OrderLink> link;
  for (const OrderLink& l : store.order_links()) {
    if (l.number == number) link = l;
  }
  std::optional<HeldOrder> held;
  for (const HeldOrder& h : store.held()) {
    if (h.number == number) held = h;
  }
  if (link) {
    std::string state = std::string(link->cancelled ? "cancelled" : link->processed ? "processed" : "not processed yet") +
                        (link->allocated ? ", allocated" : "");
    known_now.push_back(bj::string("in Picqer as Picqer order " + std::to_string(link->idorder) + " (" + state +
                                   "), imported " + format_iso8601(link->imported_at)));
    if (!link->needs_person.empty()) {
      known_now.push_back(bj::string("needs a person: " + needs_person_text_of(link->needs_person)));
      auto r = parse_needs_person_reason(link->needs_person);
      can_do.push_back(bj::string(r ? std::string(explain(*r)) : "look at Picqer order " + std::to_string(link->idorder)));
    } else {
      can_do.push_back(bj::string("nothing: the order is in Picqer"));
    }
    for (const ShipmentPush& p : store.shipment_pushes()) {
      if (p.ls_order_id != link->ls_order_id) continue;
      known_now.push_back(bj::string("Picqer shipment " + std::to_string(p.idshipment) +
                                     (p.pushed ? " pushed to the shop, track & trace code " + p.trackingcode
                                               : " reported, not pushed")));
    }
  } else if (held) {
    known_now.push_back(bj::string(held_line(*held, now)));
    can_do.push_back(bj::string(fix_for(held->reason) + (held->reason == HeldReason::cancelled ||
                                                                 held->reason == HeldReason::shipped
                                                             ? ""
                                                             : ", then lpsync import-order " + number)));
  }
  bool known = link || held || !decisions.empty();
  if (!known) can_do.push_back(bj::string(unknown_order_advice(number)));
  else if (!link && !held) {
    known_now.push_back(bj::string("not in Picqer and not held by the last poll"));
    can_do.push_back(bj::string("lpsync import-order " + number + " imports it now or says why not"));
  }
  return {{"subject", "order"}, {"key", number},         {"known", known},
          {"decisions", decisions}, {"now", known_now}, {"can_do", can_do}};
}

bj::object sku_story(const StateStore& store, const std::string& sku, Instant now) {
  (void)now;
  bj::array decisions = decisions_json(store.decisions_about(DecisionSubject::sku, sku));
  bj::array known_now, can_do;
  std::optional<ProductLink> link = store.product_link_by_code(sku);
  if (link) {
    known_now.push_back(bj::string("variant " + std::to_string(link->variant_id) + " linked to Picqer product " +
                                   std::to_string(link->idproduct) +
                                   (link->created_by_engine ? " (created by lpsync)" : "") +
                                   (link->setup_done ? "" : "; its images or base stock are still being set up")));
    if (auto level = store.shop_stock(link->variant_id)) {
      known_now.push_back(bj::string("stock last known in the shop: " + std::to_string(*level)));
    }
    can_do.push_back(bj::string("nothing: the SKU is linked"));
  } else {
    known_now.push_back(bj::string("not linked to a Picqer product"));
    can_do.push_back(bj::string("add a product with productcode " + sku +
                                " in Picqer, or switch import_products on (lpsync import-products); a SKU two "
                                "variants share is never linked: give each variant its own SKU in the shop"));
  }
  bool known = link || !decisions.empty();
  if (!known) {
    can_do = bj::array{bj::string("lpsync has no decision about SKU " + sku +
                                  " in its log (kept 14 days) and no link: check the SKU as the shop shows it "
                                  "(spaces around it do not count)")};
  }
  return {{"subject", "sku"}, {"key", sku},          {"known", known},
          {"decisions", decisions}, {"now", known_now}, {"can_do", can_do}};
}

std::string story_text(const bj::object& story) {
  std::ostringstream out;
  const std::string subject = std::string(story.at("subject").as_string()) == "order" ? "Order " : "SKU ";
  out << subject << std::string(story.at("key").as_string()) << "\n";
  const bj::array& decisions = story.at("decisions").as_array();
  out << "\nWhat lpsync decided (" << decisions.size() << "):\n";
  if (decisions.empty()) out << "  nothing in the log\n";
  for (const bj::value& d : decisions) {
    out << "  " << std::string(d.at("at").as_string()) << "  " << std::string(d.at("text").as_string()) << "\n";
    out << requests_text(d.as_object());
  }
  out << "\nWhat lpsync knows now:\n";
  const bj::array& known_now = story.at("now").as_array();
  if (known_now.empty()) out << "  nothing\n";
  for (const bj::value& line : known_now) out << "  " << std::string(line.as_string()) << "\n";
  out << "\nWhat a person can do now:\n";
  for (const bj::value& line : story.at("can_do").as_array()) out << "  " << std::string(line.as_string()) << "\n";
  return out.str();
}

}  // namespace lpsync::live
