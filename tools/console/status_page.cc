#include "tools/console/status_page.h"

#include <algorithm>
#include <cstdlib>

#include "engine/rules/reasons.h"
#include "tools/console/html.h"
#include "tools/console/ops_section.h"
#include "tools/live/attention_text.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

std::string text_of(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  return bj::serialize(*v);
}

std::string age(const bj::object& o, std::string_view key, Instant now) {
  auto at = parse_iso8601(text_of(o, key));
  return at ? live::age_text(now - *at) : "";
}

const bj::array& array_of(const bj::object& doc, std::string_view key) {
  static const bj::array kNone;
  const bj::value* v = doc.if_contains(key);
  return v && v->is_array() ? v->as_array() : kNone;
}

std::string figure(std::string_view label, const std::string& value) {
  return "<li>" + escape(label) + ": <strong>" + escape(value) + "</strong></li>";
}

std::string story_link(const std::string& connection, const std::string& number) {
  return "/story?name=" + percent_encode(connection) + "&amp;order=" + percent_encode(number);
}

std::string hidden(std::string_view name, const std::string& value) {
  return "<input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" + escape(value) + "\">";
}

std::string bulk_section(const bj::object& doc, const StatusPageContext& c) {
  const bj::value* b = doc.if_contains("bulk_import");
  bj::object o = b && b->is_object() ? b->as_object() : bj::object{};
  bool running = text_of(o, "running") == "true";
  int64_t done = std::max<int64_t>(0, std::atoll(text_of(o, "done").c_str()));
  int64_t total = std::max<int64_t>(0, std::atoll(text_of(o, "total").c_str()));
  std::string body = "<section id=\"bulk\" data-live><h2>Import products</h2><p class=\"note\">Links every product of the shop to Picqer "
                     "by its SKU, and creates in Picqer what is missing (with images and stock). A variant without a "
                     "unique SKU is skipped, never imported.</p>";
  if (total > 0 || running) {
    int64_t percent = total > 0 ? std::min<int64_t>(100, done * 100 / total) : 0;
    body += "<label for=\"bulk\">" + std::to_string(done) + " of " + std::to_string(total) + " variants (" +
            std::to_string(percent) + " %)" + (running ? ", running" : text_of(o, "finished") == "true" ? ", finished" : "") +
            "</label><progress id=\"bulk\" max=\"" + std::to_string(std::max<int64_t>(total, 1)) + "\" value=\"" +
            std::to_string(std::min(done, std::max<int64_t>(total, 1))) + "\">" + std::to_string(percent) +
            " %</progress><ul>" + figure("Linked to a product Picqer had", text_of(o, "linked")) +
            figure("Created in Picqer", text_of(o, "created")) +
            figure("Skipped (no unique SKU)", text_of(o, "skipped")) + "</ul>";
    if (const bj::value* list = o.if_contains("skipped_variants"); list && list->is_array() && !list->as_array().empty()) {
      body += "<p>Skipped, never imported:</p><ul>";
      for (const auto& v : list->as_array()) {
        if (!v.is_object()) continue;
        const bj::object& s = v.as_object();
        std::string why = text_of(s, "reason") == "duplicate_sku"
                              ? "shares its SKU with variants " + text_of(s, "sharing") + ": give each its own SKU"
                              : "has no SKU: give it one in the shop";
        body += "<li>Variant " + escape(text_of(s, "variant")) + " " + escape(why) + "</li>";
      }
      body += "</ul>";
      if (std::atoll(text_of(o, "skipped").c_str()) > static_cast<int64_t>(list->as_array().size())) {
        body += "<p class=\"note\">... and more: lpsync status --json lists the first ones too.</p>";
      }
    }
  }
  if (!running) {
    body += "<form method=\"post\" action=\"/import-products\">" + hidden("csrf", c.csrf) + hidden("name", c.name) +
            "<button type=\"submit\">Import products</button></form>";
  }
  return body + "</section>";
}

}  // namespace

bool status_shows_work(const live::StatusRead& status) {
  if (!status.doc) return false;
  const bj::value* b = status.doc->if_contains("bulk_import");
  return b && b->is_object() && text_of(b->as_object(), "running") == "true";
}

std::string status_html(const live::StatusRead& status, Instant now, const StatusPageContext& c) {
  const std::string& name = c.name;
  std::string body = "<p><a href=\"/\">All connections</a> · <a href=\"/settings?name=" + percent_encode(name) +
                     "\">Settings</a> · <a href=\"/story?name=" + percent_encode(name) + "\">Why? (an order or SKU)</a></p>";
  if (!c.notice.empty()) {
    body += "<p id=\"notice\" data-live class=\"" + std::string(c.notice_ok ? "ok" : "error") + "\" role=\"status\">" +
            escape(c.notice) +
            "</p>";
  }
  body += "<section id=\"figures\" data-live><h1>" + escape(name) + "</h1>";
  if (!status.doc) return body + "<p class=\"error\">" + escape(status.error) + "</p></section>";
  const bj::object& doc = *status.doc;
  if (!status.running_note.empty()) body += "<p class=\"note\">" + escape(status.running_note) + "</p>";
  std::string today = "0";
  if (const bj::value* days = doc.if_contains("orders_imported_by_day"); days && days->is_object()) {
    std::string key = format_iso8601(now).substr(0, 10);
    if (const bj::value* n = days->as_object().if_contains(key); n && n->is_int64()) today = std::to_string(n->as_int64());
  }
  body += "<ul>" + figure("Imported today (UTC)", today) +
          figure("Orders imported into Picqer", text_of(doc, "orders_imported")) +
          figure("Products linked", text_of(doc, "products_linked")) +
          figure("Shipments marked shipped in the shop", text_of(doc, "shipments_pushed")) + "</ul></section>";

  const bj::array& needs = array_of(doc, "needs_person");
  body += "<section id=\"needs\" data-live><h2>Orders that need a person (" + std::to_string(needs.size()) + ")</h2>";
  if (needs.empty()) body += "<p>None.</p>";
  for (const auto& v : needs) {
    const bj::object& o = v.as_object();
    body += "<p><strong>" + escape(text_of(o, "number")) + "</strong>: " + escape(text_of(o, "message")) + "</p>";
  }
  body += "</section>";

  const bj::array& held = array_of(doc, "held");
  body += "<section id=\"held\" data-live><h2>Held orders (" + std::to_string(held.size()) + ")</h2>";
  if (held.empty()) {
    body += "<p>None.</p>";
  } else {
    // One block per order (not a table): readable at 360 px.
    for (const auto& v : held) {
      const bj::object& o = v.as_object();
      auto reason = parse_held_reason(text_of(o, "reason"));
      body += "<div class=\"held\"><p><a href=\"" + story_link(name, text_of(o, "number")) + "\"><strong>" +
              escape(text_of(o, "number")) + "</strong></a> held for " +
              escape(age(o, "decided_at", now)) + ": " + escape(text_of(o, "explained")) + "</p><p class=\"note\">" +
              escape(reason ? "What to do: " + live::fix_for(*reason) + "." : "") +
              "</p><form class=\"inline\" method=\"post\" action=\"/import-order\">" + hidden("csrf", c.csrf) +
              hidden("name", name) + hidden("number", text_of(o, "number")) +
              "<button type=\"submit\">Import now</button></form></div>";
    }
    body += "<p class=\"note\">Fix the cause in the shop, then press Import now: the order is "
            "read again and imported if nothing holds it any more (the 12-hour window does not apply).</p>";
  }
  body += "</section>";

  const bj::array& recent = array_of(doc, "orders_recent");
  body += "<section id=\"recent\" data-live><h2>Latest imported orders</h2>";
  if (recent.empty()) body += "<p>None yet.</p>";
  if (!recent.empty()) {
    body += "<table><thead><tr><th>Order</th><th>Picqer order</th><th>Imported</th></tr></thead><tbody>";
    for (const auto& v : recent) {
      const bj::object& o = v.as_object();
      body += "<tr><td><a href=\"" + story_link(name, text_of(o, "number")) + "\">" + escape(text_of(o, "number")) +
              "</a></td><td>" + escape(text_of(o, "idorder")) + "</td><td>" +
              escape(age(o, "imported_at", now)) + " ago</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "</section>";
  body += bulk_section(doc, c);
  body += ops_section(doc, now);
  return body;
}

}  // namespace lpsync::console
