#include "tools/live/report_text.h"

#include <map>

#include <sstream>

#include "engine/env/json.h"
#include "engine/rules/order_lifecycle.h"
#include "engine/state/state_words.h"
#include "tools/live/app_install.h"
#include "tools/live/cassette.h"
#include "tools/live/console_settings.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr size_t kListed = 20;  // list at most this many of a kind, then "... and N more"
constexpr size_t kDaysCounted = 7;  // imports per day: the newest days kept in the status

std::string usage_line(const char* name, const ApiUsage& u) {
  return std::string(name) + " " + std::to_string(u.requests) + " requests, " + std::to_string(u.rate_limited) +
         " rate-limited, " + std::to_string(u.budget_remaining) + " left in the tightest window";
}

int64_t int_of(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_int64() ? it->value().as_int64() : 0;
}

std::string str_of(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

bj::array needs_person_json(const std::vector<OrderNeedingPerson>& orders) {
  bj::array out;
  for (const auto& o : orders) {
    out.push_back(bj::object{
        {"number", o.number}, {"reason", o.reason}, {"message", o.message}, {"at", format_iso8601(o.at)}});
  }
  return out;
}

}  // namespace

std::string report_text(const Report& r, Instant now) {
  std::ostringstream out;
  out << "Orders imported into Picqer: " << r.imported.size() << "\n";
  for (size_t i = 0; i < r.imported.size() && i < kListed; ++i) {
    const auto& o = r.imported[i];
    out << "  " << o.number << " -> Picqer order " << o.idorder
        << (o.adopted ? " (it was already in Picqer: adopted, not created again)" : "") << "\n";
  }
  if (r.imported.size() > kListed) out << "  ... and " << r.imported.size() - kListed << " more\n";
  out << held_text(r.held, now, kListed) << needs_person_text(r.needs_person, now, kListed);
  out << "Products: " << r.products_created << " created in Picqer, " << r.products_linked << " linked\n";
  out << "Stock levels sent to the shop: " << r.stock_pushes << "\n";
  out << "Shipments marked shipped in the shop: " << r.shipments_pushed << "\n";
  if (r.bulk.running || r.bulk.finished) {
    out << "Bulk import: " << r.bulk.done << "/" << r.bulk.total << " variants"
        << (r.bulk.finished ? " (finished)" : " (running)") << ", " << r.bulk.linked << " linked, " << r.bulk.created
        << " created, " << r.bulk.skipped.size() << " skipped\n";
  }
  if (!r.problems.empty()) {
    out << "Needs attention:\n";
    for (const auto& [key, message] : r.problems) out << "  - " << message << "\n";
  }
  for (const auto& n : r.notes) out << "Note: " << n << "\n";
  for (const auto& line : r.overflow()) out << "Report limit: " << line << "\n";
  out << "API use: " << usage_line("Lightspeed", r.lightspeed) << "; " << usage_line("Picqer", r.picqer) << "\n";
  if (r.lightspeed.refused_writes + r.picqer.refused_writes > 0) {
    out << "Writes refused by the read-only guard: " << r.lightspeed.refused_writes + r.picqer.refused_writes
        << " (a bug: please report it)\n";
  }
  return out.str();
}

bj::object usage_json(const Report& r, Instant at) {
  auto one = [](const ApiUsage& u) {
    return bj::object{{"requests", u.requests},
                      {"rate_limited", u.rate_limited},
                      {"budget_remaining", u.budget_remaining},
                      {"refused_writes", u.refused_writes}};
  };
  return bj::object{{"at", format_iso8601(at)},
                    {"orders_imported", static_cast<int64_t>(r.imported.size())},
                    {"stock_pushes", r.stock_pushes},
                    {"shipments_pushed", r.shipments_pushed},
                    {"problems", static_cast<int64_t>(r.problems.size())},
                    {"lightspeed", one(r.lightspeed)},
                    {"picqer", one(r.picqer)}};
}

bj::object status_document(const StateStore& store) {
  bj::object doc;
  auto orders = store.order_links();
  bj::array recent;
  for (size_t i = orders.size() > kListed ? orders.size() - kListed : 0; i < orders.size(); ++i) {
    recent.push_back(bj::object{{"number", orders[i].number},
                                {"idorder", orders[i].idorder},
                                {"processed", orders[i].processed},
                                {"imported_at", format_iso8601(orders[i].imported_at)}});
  }
  doc["orders_imported"] = static_cast<int64_t>(orders.size());
  doc["orders_recent"] = recent;
  // Per UTC day ("2026-12-06"), the newest kDaysCounted days with imports (the console's "today").
  std::map<std::string, int64_t> by_day;
  for (const auto& o : orders) ++by_day[format_iso8601(o.imported_at).substr(0, 10)];
  while (by_day.size() > kDaysCounted) by_day.erase(by_day.begin());
  bj::object per_day;
  for (const auto& [day, n] : by_day) per_day[day] = n;
  doc["orders_imported_by_day"] = per_day;
  // Needing a person, as the order links keep it (since the shop's change that caused it).
  std::vector<OrderNeedingPerson> needs;
  for (const auto& o : orders) {
    if (o.needs_person.empty()) continue;
    auto reason = parse_needs_person_reason(o.needs_person);
    needs.push_back({o.number, o.needs_person, reason ? std::string(explain(*reason)) : o.needs_person, o.followed_at});
  }
  doc["needs_person"] = needs_person_json(needs);
  auto links = store.product_links();
  int64_t created = 0, unfinished = 0;
  for (const auto& l : links) created += l.created_by_engine, unfinished += !l.setup_done;
  doc["products_linked"] = static_cast<int64_t>(links.size());
  doc["products_created_by_lpsync"] = created;
  doc["products_setup_unfinished"] = unfinished;
  bj::array held;
  for (const auto& h : store.held()) {
    held.push_back(bj::object{{"number", h.number},
                              {"reason", to_string(h.reason)},
                              {"explained", explain(h.reason)},
                              {"decided_at", format_iso8601(h.decided_at)}});
  }
  doc["held"] = held;
  int64_t pushed = 0, reported = 0;
  for (const auto& p : store.shipment_pushes()) (p.pushed ? pushed : reported) += 1;
  doc["shipments_pushed"] = pushed;
  doc["shipments_reported_only"] = reported;
  bj::array intents;
  for (const auto& i : store.intents()) {
    intents.push_back(bj::object{{"kind", to_string(i.kind)}, {"key", i.key}, {"since", format_iso8601(i.started_at)}});
  }
  doc["open_intents"] = intents;
  BulkImport b = store.bulk_import();
  bj::array skipped;  // the first kListed, with why (the console lists them)
  for (size_t i = 0; i < b.skipped.size() && i < kListed; ++i) {
    bj::array sharing(b.skipped[i].sharing.begin(), b.skipped[i].sharing.end());
    skipped.push_back(bj::object{{"variant", b.skipped[i].variant_id},
                                 {"reason", to_string(b.skipped[i].reason)},
                                 {"sharing", std::move(sharing)}});
  }
  doc["bulk_import"] = bj::object{{"running", b.running},         {"finished", b.finished},
                                  {"done", b.done},               {"total", b.total},
                                  {"linked", b.linked},           {"created", b.created},
                                  {"skipped", static_cast<int64_t>(b.skipped.size())},
                                  {"skipped_variants", std::move(skipped)}};
  if (auto i = stored_installation(store)) {
    doc["installation"] = bj::object{{"shop_id", i->shop_id},
                                     {"language", i->language},
                                     {"cluster", i->cluster},
                                     {"installed_at", format_iso8601(i->installed_at)}};
  }
  // Settings changed in the console (they win over the config file's) and their change log.
  if (auto s = console_settings(store)) doc["console_settings"] = settings_json(*s);
  bj::array log = settings_log(store);
  if (log.size() > kListed) log.erase(log.begin(), log.end() - static_cast<std::ptrdiff_t>(kListed));
  doc["settings_log"] = std::move(log);
  doc["picqer_webhooks_registered"] = store.value("picqer.hook_secret").has_value();
  if (auto last = store.value(kLastRunKey); last && !last->empty()) {
    try {
      doc["last_run"] = json::parse(*last);
    } catch (const json::Error&) {
    }
  }
  return doc;
}

namespace {

// The orders, products and shipments lines.
void write_sync_lines(std::ostream& out, const bj::object& s) {
  out << "Orders imported into Picqer: " << int_of(s, "orders_imported") << "\n";
  if (auto r = s.if_contains("orders_recent"); r && !r->as_array().empty()) {
    out << "  latest:";
    for (const auto& o : r->as_array()) out << " " << str_of(o.as_object(), "number");
    out << "\n";
  }
  out << "Products linked: " << int_of(s, "products_linked") << " (" << int_of(s, "products_created_by_lpsync")
      << " created by lpsync";
  if (int64_t u = int_of(s, "products_setup_unfinished")) out << ", " << u << " with images or base stock to finish";
  out << ")\n";
  out << "Shipments marked shipped in the shop: " << int_of(s, "shipments_pushed");
  if (int64_t r = int_of(s, "shipments_reported_only")) out << " (" << r << " later shipments only reported)";
  out << "\n";
}

// The orders held at the last poll, with their age, and the orders needing a person, both as
// the state keeps them.
void write_attention_lines(std::ostream& out, const bj::object& s, Instant now) {
  std::vector<HeldOrder> held;
  for (const auto& h : s.at("held").as_array()) {
    const auto& o = h.as_object();
    auto reason = parse_held_reason(str_of(o, "reason"));
    auto since = parse_iso8601(str_of(o, "decided_at"));
    held.push_back({int_of(o, "ls_order_id"), str_of(o, "number"), reason.value_or(HeldReason::unknown_status),
                    since.value_or(now)});
  }
  out << held_text(held, now, kListed);
  std::vector<OrderNeedingPerson> needs;
  const bj::value* list = s.if_contains("needs_person");
  if (list && list->is_array()) {
    for (const auto& n : list->as_array()) {
      const auto& o = n.as_object();
      auto at = parse_iso8601(str_of(o, "at"));
      needs.push_back({str_of(o, "number"), str_of(o, "reason"), str_of(o, "message"), at.value_or(now)});
    }
  }
  out << needs_person_text(needs, now, kListed);
}

// The bulk import, the writes in flight, the installation and the webhooks lines.
void write_setup_lines(std::ostream& out, const bj::object& s) {
  const auto& b = s.at("bulk_import").as_object();
  out << "Bulk import: ";
  if (b.at("running").as_bool() || b.at("finished").as_bool()) {
    out << int_of(b, "done") << "/" << int_of(b, "total") << " variants"
        << (b.at("finished").as_bool() ? " (finished)" : " (running: lpsync run or import-products continues it)")
        << ", " << int_of(b, "linked") << " linked, " << int_of(b, "created") << " created, " << int_of(b, "skipped")
        << " skipped\n";
  } else {
    out << "not started (lpsync import-products starts it)\n";
  }
  if (auto i = s.if_contains("open_intents"); i && !i->as_array().empty()) {
    out << "Writes in flight when lpsync last stopped (checked, never repeated, at the next run): "
        << i->as_array().size() << "\n";
  }
  if (auto i = s.if_contains("installation")) {
    const auto& o = i->as_object();
    out << "Installed as an app in shop " << int_of(o, "shop_id") << " (" << str_of(o, "cluster") << ", "
        << str_of(o, "language") << ") since " << str_of(o, "installed_at") << "\n";
  }
  out << "Picqer webhooks: " << (s.at("picqer_webhooks_registered").as_bool() ? "registered" : "not registered")
      << "\n";
  if (auto c = s.if_contains("console_settings"); c && c->is_object()) {
    out << "Settings saved in the console (in force; they win over the config file's):";
    for (const auto& [key, value] : c->as_object()) out << " " << std::string(key) << "=" << json::serialize(value);
    out << "\n";
    if (auto log = s.if_contains("settings_log"); log && log->is_array() && !log->as_array().empty()) {
      const auto& last = log->as_array().back().as_object();
      out << "  last changed " << str_of(last, "at") << " by " << str_of(last, "user") << "\n";
    }
  }
}

// This run's figures (while one runs) and the budgets the last run saw.
void write_run_lines(std::ostream& out, const bj::object& s) {
  if (auto t = s.if_contains("this_run"); t && t->is_object()) {
    const auto& o = t->as_object();
    out << "This run so far: " << int_of(o, "orders_imported") << " orders imported, " << int_of(o, "stock_pushes")
        << " stock levels and " << int_of(o, "shipments_pushed") << " shipments sent, " << int_of(o, "problems")
        << " problems\n";
  }
  if (auto l = s.if_contains("last_run"); l && l->is_object()) {
    const auto& o = l->as_object();
    auto api = [&](const char* key) {
      const auto& a = o.at(key).as_object();
      return std::to_string(int_of(a, "requests")) + " requests, " + std::to_string(int_of(a, "rate_limited")) +
             " rate-limited, " + std::to_string(int_of(a, "budget_remaining")) + " left";
    };
    out << "Budgets seen by the last run (" << str_of(o, "at") << "): Lightspeed " << api("lightspeed") << "; Picqer "
        << api("picqer") << "\n";
  } else {
    out << "Budgets seen: no run recorded yet\n";
  }
}

}  // namespace

std::string status_text(const bj::object& s, Instant now) {
  std::ostringstream out;
  write_sync_lines(out, s);
  write_attention_lines(out, s, now);
  write_setup_lines(out, s);
  write_run_lines(out, s);
  return out.str();
}

}  // namespace lpsync::live
