#include "tools/console/keys_form.h"

#include "engine/env/json.h"
#include "tools/console/connect_check.h"
#include "tools/console/html.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

struct Key {
  const char* field;    // the form's field
  const char* section;  // in the config file
  const char* key;
  const char* label;
};
constexpr Key kKeys[] = {{"lightspeed_key", "lightspeed", "key", "Lightspeed API key"},
                         {"lightspeed_secret", "lightspeed", "secret", "Lightspeed API secret"},
                         {"picqer_key", "picqer", "key", "Picqer API key"}};

// The text at section.key of the file, or "".
std::string text_at(const bj::object& file, const Key& k) {
  const bj::value* s = file.if_contains(k.section);
  const bj::value* v = s && s->is_object() ? s->as_object().if_contains(k.key) : nullptr;
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

bool from_environment(const std::string& value) { return value.rfind("env:", 0) == 0; }

}  // namespace

std::string keys_section(const PageContext& c, const std::string& name) {
  auto file = c.source->config_object(name);
  if (!file) return "";
  std::string body = "<form class=\"box\" method=\"post\" action=\"/keys\"><h2>Keys</h2><p class=\"note\">Never shown: "
                     "type a new one to replace it (it is checked with a read of both systems first). " +
                     escape(c.source->runner()) + " reads keys when it starts: restart it after replacing them.</p>" +
                     csrf_field(c.csrf) + "<input type=\"hidden\" name=\"name\" value=\"" + escape(name) + "\">";
  bool replaceable = false;
  for (const Key& k : kKeys) {
    std::string v = text_at(*file, k);
    if (from_environment(v)) {
      body += "<p>" + std::string(k.label) + ": from the environment variable <code>" + escape(v.substr(4)) +
              "</code> (change it there).</p>";
      continue;
    }
    replaceable = true;
    body += "<label for=\"" + std::string(k.field) + "\">" + k.label + " (set; new one to replace)</label><input id=\"" +
            k.field + "\" name=\"" + k.field + "\" type=\"password\" autocomplete=\"off\">";
  }
  if (replaceable) body += "<button type=\"submit\">Replace keys</button>";
  return body + "</form>";
}

Response keys_action(const PageContext& c, const QueryParams& form, Transport& http) {
  std::string name = query_value(form, "name").value_or(""), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  auto file = c.source->config_object(name);
  if (!file) return plain(500, "Cannot read the config of " + name + ": was it changed meanwhile?");
  bool changed = false;
  for (const Key& k : kKeys) {
    std::string v = query_value(form, k.field).value_or("");
    if (v.empty()) continue;
    if (from_environment(text_at(*file, k))) {
      return plain(400, std::string(k.label) + " comes from the environment: change it there, not here.");
    }
    bj::value& section = (*file)[k.section];
    if (!section.is_object()) return plain(400, std::string("The config file has no ") + k.section + " section.");
    section.as_object()[k.key] = v;
    changed = true;
  }
  if (!changed) return plain(400, "Type at least one new key to replace.");
  std::string text = json::serialize(*file);
  live::ConfigResult checked = c.source->parse(name, text);
  if (!checked) {
    std::string all;
    for (const auto& e : checked.errors) all += (all.empty() ? "" : " ") + e;
    return plain(400, "Not replaced: " + all);
  }
  ConnectFindings found = check_connection(*checked.config, http);
  if (!found.ok()) {
    std::string all;
    for (const auto& p : found.problems) all += (all.empty() ? "" : " ") + p;
    return plain(400, "Not replaced, the old keys stay: " + all);
  }
  if (!c.source->put_config(name, text, false, error)) return plain(500, error);
  return redirect("/settings?name=" + percent_encode(name) + "&keys=1");
}

}  // namespace lpsync::console
