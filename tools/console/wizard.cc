#include "tools/console/wizard.h"

#include "engine/env/json.h"
#include "tools/console/connect_check.h"
#include "tools/console/connection_actions.h"
#include "tools/console/html.h"
#include "tools/console/settings_form.h"
#include "tools/live/cassette.h"
#include "tools/live/console_settings.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

std::string value(const QueryParams& q, std::string_view key) { return query_value(q, key).value_or(""); }

bool app(const QueryParams& form) { return value(form, "auth") == "app"; }

std::string steps(int current) {
  const char* names[] = {"1 Connect", "2 Configure", "3 Summary and activate"};
  std::string out = "<p class=\"steps\">";
  for (int i = 0; i < 3; ++i) {
    out += (i ? " · " : "") + std::string(i + 1 == current ? "<strong>" : "") + names[i] +
           (i + 1 == current ? "</strong>" : "");
  }
  return out + "</p>";
}

std::string field(const char* id, const char* label, const char* type, const std::string& v, const char* note,
                  bool required) {
  return "<label for=\"" + std::string(id) + "\">" + label + "</label><input id=\"" + id + "\" name=\"" + id +
         "\" type=\"" + type + "\" value=\"" + escape(v) + "\"" + (required ? " required" : "") +
         " autocomplete=\"off\">" + (note[0] ? "<p class=\"note\">" + std::string(note) + "</p>" : "");
}

Response connect_form(const PageContext& c, const QueryParams& form, const std::vector<std::string>& problems, int status) {
  std::string body = "<p><a href=\"/\">All connections</a></p><form class=\"box\" method=\"post\" action=\"/new\">"
                     "<h1>Connect a webshop</h1>" +
                     steps(1);
  if (!problems.empty()) {
    body += "<div class=\"error\" role=\"alert\"><p>Not connected yet:</p><ul>";
    for (const auto& p : problems) body += "<li>" + escape(p) + "</li>";
    body += "</ul><p>The keys are not shown again: type them once more.</p></div>";
  }
  std::string cluster = value(form, "cluster");
  body += csrf_field(c.csrf) +
          field("name", "Name of this connection", "text", value(form, "name"),
                "Letters, digits, - and _; it names the config file.", true) +
          "<h2>Lightspeed eCom</h2><label for=\"cluster\">Cluster</label><select id=\"cluster\" name=\"cluster\">" +
          "<option value=\"eu1\"" + (cluster == "us1" ? "" : " selected") +
          ">eu1: api.webshopapp.com (Europe)</option><option value=\"us1\"" + (cluster == "us1" ? " selected" : "") +
          ">us1: api.shoplightspeed.com (North America)</option></select>" +
          field("lightspeed_url", "API address (only for a test shop or a proxy)", "url", value(form, "lightspeed_url"),
                "Leave empty for the cluster's address.", false) +
          field("language", "Shop language", "text", value(form, "language").empty() ? "nl" : value(form, "language"),
                "Two letters, as in the shop's addresses (nl, en, de, ...).", true) +
          "<fieldset><legend>How lpsync reaches the shop</legend><div class=\"setting\"><input type=\"radio\" "
          "id=\"auth_key\" name=\"auth\" value=\"api_key\"" +
          std::string(app(form) ? "" : " checked") +
          "><label for=\"auth_key\">With the shop's own API key</label></div><div class=\"setting\"><input "
          "type=\"radio\" id=\"auth_app\" name=\"auth\" value=\"app\"" +
          std::string(app(form) ? " checked" : "") +
          "><label for=\"auth_app\">As an App Store app: the shop installs it, and Lightspeed calls lpsync "
          "back</label></div></fieldset>" +
          field("key", "API key (or the app's key)", "password", "",
                "Settings > Developers > API keys in the back office; for an app, the app's key.", true) +
          field("secret", "API secret (or the app's secret)", "password", "", "", true) +
          field("listen", "Listen on (app only)", "text", value(form, "listen"),
                "host:port of lpsync run's listener, behind your HTTPS reverse proxy, e.g. 127.0.0.1:8090.", false) +
          field("public_url", "Public address (app only)", "url", value(form, "public_url"),
                "The https:// address of that proxy: Lightspeed calls the install callback there.", false) +
          "<h2>Picqer</h2>" +
          field("picqer_subdomain", "Subdomain", "text", value(form, "picqer_subdomain"),
                "acme for acme.picqer.com.", false) +
          field("picqer_url", "API address (only for a test account)", "url", value(form, "picqer_url"),
                "Leave empty to use the subdomain.", false) +
          field("picqer_key", "API key", "password", "", "Settings > API keys in Picqer.", true) +
          "<button type=\"submit\">Check and connect</button></form>";
  return page(status, "Connect a webshop", body);
}

// The config file the form describes (with the defaults of section 1), as text.
bj::object config_of(const QueryParams& form) {
  bj::object ls{{"key", value(form, "key")}, {"secret", value(form, "secret")}};
  if (!value(form, "language").empty() || !app(form)) ls["language"] = value(form, "language");
  if (!value(form, "lightspeed_url").empty()) {
    ls["base_url"] = value(form, "lightspeed_url");
  } else {
    ls["cluster"] = value(form, "cluster");
  }
  bj::object pq{{"key", value(form, "picqer_key")}};
  if (!value(form, "picqer_url").empty()) {
    pq["base_url"] = value(form, "picqer_url");
  } else {
    pq["subdomain"] = value(form, "picqer_subdomain");
  }
  bj::object config{{"lightspeed", std::move(ls)}, {"picqer", std::move(pq)}, {"settings", live::settings_json(Settings{})}};
  if (app(form)) {
    // The shop's password comes with the install callback, at the listener.
    config["lightspeed"].as_object()["auth"] = "app";
    config["webhooks"] = bj::object{{"listen", value(form, "listen")}, {"public_url", value(form, "public_url")}};
  }
  return config;
}

Response configure_form(const PageContext& c, const std::string& name, const Settings& s, const std::string& found,
                        const std::vector<std::string>& problems) {
  std::string body = "<form class=\"box\" method=\"post\" action=\"/new/configure\"><h1>Configure " + escape(name) +
                     "</h1>" + steps(2) + found;
  for (const auto& p : problems) body += "<p class=\"error\" role=\"alert\">" + escape(p) + "</p>";
  Settings shown = s;
  shown.active = false;  // activation is step 3
  body += csrf_field(c.csrf) + "<input type=\"hidden\" name=\"name\" value=\"" + escape(name) + "\">" +
          "<p class=\"note\">The safe defaults: nothing is written until you activate on the next step; stock and "
          "shipments stay off until the first orders look right.</p>" +
          settings_fields(shown) + "<button type=\"submit\">Save and see the summary</button></form>";
  return page(problems.empty() ? 200 : 400, "Configure " + name, body);
}

// An app is connected by the shop's install: what to set up for it, instead of a plan (no shop
// can be read before the install) and activation (a new install starts inactive).
Response app_summary(const PageContext& c, const std::string& name, const live::LiveConfig& config) {
  std::string base = config.webhooks ? config.webhooks->public_url : "";
  std::string body =
      "<section><h1>Summary of " + escape(name) + "</h1>" + steps(3) +
      "<p>This connection is an App Store app: Lightspeed gives lpsync the shop's access when the shop installs the "
      "app. Until then nothing can be read from the shop, so there is no plan yet.</p><ol>"
      "<li>In the app's settings at Lightspeed, set the <strong>Success URL</strong> to <code>" +
      escape(base + "/lightspeed/install") + "</code> and the <strong>uninstall URL</strong> to <code>" +
      escape(base + "/lightspeed/uninstall") + "</code>.</li><li>Start <code>" +
      escape(c.source->how_to_run(name, config)) +
      "</code> and keep it running: its listener answers the install callback.</li>"
      "<li>Have the shop install the app from the App Store. The connection starts inactive.</li>"
      "<li>Then check the <a href=\"/connection?name=" +
      percent_encode(name) + "\">connection's page</a> and activate it on its <a href=\"/settings?name=" +
      percent_encode(name) + "\">Settings</a> page.</li></ol></section>";
  return page(200, "Summary of " + name, body);
}

}  // namespace

Response wizard_start(const PageContext& c) { return connect_form(c, {}, {}, 200); }

Response wizard_connect(const PageContext& c, const QueryParams& form, Transport& http) {
  std::string name = value(form, "name");
  if (!is_connection_name(name)) {
    return connect_form(c, form, {"Name the connection with letters, digits, - and _ (at most 64)."}, 400);
  }
  if (c.source->config_text(name)) {
    return connect_form(c, form, {"A connection named " + name + " exists already: choose another name."}, 400);
  }
  std::string text = json::serialize(config_of(form));
  // Keys are typed here: an env:NAME in the form is not read.
  live::ConfigResult checked = live::parse_config(text, name, [](const std::string&) { return std::nullopt; });
  if (!checked) return connect_form(c, form, checked.errors, 400);
  ConnectFindings found = check_connection(*checked.config, http);
  if (!found.ok()) return connect_form(c, form, found.problems, 400);
  std::string error;
  if (!c.source->put_config(name, text, true, error)) return connect_form(c, form, {error}, 500);
  std::string shown = "<p class=\"ok\" role=\"status\">Connected to " + escape(found.shop) + " and Picqer " +
                      escape(found.picqer) + ".</p>";
  for (const auto& w : found.warnings) shown += "<p class=\"note\">" + escape(w) + "</p>";
  return configure_form(c, name, checked.config->settings, shown, {});
}

Response wizard_configure(const PageContext& c, const QueryParams& form) {
  std::string name = value(form, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  bj::object proposed = settings_from_form(form);
  proposed["active"] = false;
  std::vector<std::string> errors;
  auto settings = live::check_settings(proposed, errors);
  if (!settings) return configure_form(c, name, config->settings, "", errors);
  auto file = c.source->config_object(name);
  if (!file) return plain(500, "Cannot read the config of " + name + " again: was it changed meanwhile?");
  (*file)["settings"] = live::settings_json(*settings);
  if (!c.source->put_config(name, json::serialize(*file), false, error)) return plain(500, error);
  return redirect("/new/summary?name=" + percent_encode(name));
}

Response wizard_summary(const PageContext& c, const QueryParams& query, const PlanRunner& plan) {
  std::string name = value(query, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  if (config->lightspeed.auth == live::LightspeedAuth::app) return app_summary(c, name, *config);
  std::string body = "<section><h1>Summary of " + escape(name) + "</h1>" + steps(3) +
                     "<p>What lpsync would do once active, read from both systems just now (nothing was written):</p>"
                     "<pre>" +
                     escape(c.source->plan(name, plan)) + "</pre></section>";
  body += "<form class=\"box\" method=\"post\" action=\"/activate\">" + csrf_field(c.csrf) +
          "<input type=\"hidden\" name=\"name\" value=\"" + escape(name) +
          "\"><p>Activating starts the import of paid orders changed in the last 12 hours. Stock and shipments stay "
          "as you set them.</p><button type=\"submit\">Activate webshop</button></form>";
  return page(200, "Summary of " + name, body);
}

Response wizard_activate(const PageContext& c, const QueryParams& form) {
  std::string name = value(form, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  Settings s = c.source->settings(name, *config);
  s.active = true;
  ActionOutcome out = c.source->change_settings(name, *config, s, c.user, c.now);
  if (!out.ok) return plain(503, out.message);
  std::string link = "/connection?name=" + percent_encode(name);
  std::string body = "<section><h1>" + escape(name) + " is active</h1><p class=\"ok\" role=\"status\">" +
                     escape(out.message) + "</p>" +
                     "<p>Orders are imported by <code>" + escape(c.source->how_to_run(name, *config)) +
                     "</code>: keep it running (docs/live.md has a systemd unit, docs/fleet.md the workers).</p>"
                     "<p><strong>Next:</strong> once the first orders look right in Picqer, switch on <em>Send stock "
                     "changes</em> and <em>Send shipments and update status</em> on the <a href=\"/settings?name=" +
                     percent_encode(name) + "\">Settings</a> page.</p><p><a href=\"" + link +
                     (out.command_id.empty() ? "" : "&command=" + out.command_id) +
                     "\">See the connection's status</a></p></section>";
  return page(200, name + " is active", body);
}

}  // namespace lpsync::console
