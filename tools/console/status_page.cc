#include "tools/console/status_page.h"

#include "engine/rules/reasons.h"
#include "tools/console/html.h"
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

}  // namespace

std::string status_html(const std::string& name, const live::StatusRead& status, Instant now) {
  std::string body = "<p><a href=\"/\">All connections</a></p><section><h1>" + escape(name) + "</h1>";
  if (!status.doc) return body + "<p class=\"error\">" + escape(status.error) + "</p></section>";
  const bj::object& doc = *status.doc;
  if (!status.running_note.empty()) body += "<p class=\"note\">" + escape(status.running_note) + "</p>";
  body += "<ul>" + figure("Orders imported into Picqer", text_of(doc, "orders_imported")) +
          figure("Products linked", text_of(doc, "products_linked")) +
          figure("Shipments marked shipped in the shop", text_of(doc, "shipments_pushed")) + "</ul></section>";

  const bj::array& needs = array_of(doc, "needs_person");
  body += "<section><h2>Orders that need a person (" + std::to_string(needs.size()) + ")</h2>";
  if (needs.empty()) body += "<p>None.</p>";
  for (const auto& v : needs) {
    const bj::object& o = v.as_object();
    body += "<p><strong>" + escape(text_of(o, "number")) + "</strong>: " + escape(text_of(o, "message")) + "</p>";
  }
  body += "</section>";

  const bj::array& held = array_of(doc, "held");
  body += "<section><h2>Held orders (" + std::to_string(held.size()) + ")</h2>";
  if (held.empty()) {
    body += "<p>None.</p>";
  } else {
    body += "<table><thead><tr><th>Order</th><th>Why</th><th>What to do</th><th>Held for</th></tr></thead><tbody>";
    for (const auto& v : held) {
      const bj::object& o = v.as_object();
      auto reason = parse_held_reason(text_of(o, "reason"));
      body += "<tr><td>" + escape(text_of(o, "number")) + "</td><td>" + escape(text_of(o, "explained")) + "</td><td>" +
              escape(reason ? live::fix_for(*reason) : "") + "</td><td>" + escape(age(o, "decided_at", now)) +
              "</td></tr>";
    }
    body += "</tbody></table><p class=\"note\">Fix the cause in the shop, then `lpsync import-order` imports one now "
            "(Import now in this page is not built yet).</p>";
  }
  body += "</section>";

  const bj::array& recent = array_of(doc, "orders_recent");
  body += "<section><h2>Latest imported orders</h2>";
  if (recent.empty()) body += "<p>None yet.</p>";
  if (!recent.empty()) {
    body += "<table><thead><tr><th>Order</th><th>Picqer order</th><th>Imported</th></tr></thead><tbody>";
    for (const auto& v : recent) {
      const bj::object& o = v.as_object();
      body += "<tr><td>" + escape(text_of(o, "number")) + "</td><td>" + escape(text_of(o, "idorder")) + "</td><td>" +
              escape(age(o, "imported_at", now)) + " ago</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "</section>";
  if (const bj::value* b = doc.if_contains("bulk_import"); b && b->is_object()) {
    const bj::object& o = b->as_object();
    body += "<section><h2>Import products</h2><p>" + escape(text_of(o, "done")) + " of " + escape(text_of(o, "total")) +
            " variants" + (text_of(o, "running") == "true" ? " (running)" : "") + ".</p></section>";
  }
  return body;
}

}  // namespace lpsync::console
