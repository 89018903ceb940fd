#include "tools/console/connection_pages.h"

#include "tools/console/connection_actions.h"
#include "tools/console/html.h"
#include "tools/console/keys_form.h"
#include "tools/console/settings_form.h"
#include "tools/console/status_page.h"
#include "tools/live/command_box.h"
#include "tools/live/console_settings.h"
#include "tools/live/explain_run.h"
#include "tools/live/explain_text.h"
#include "tools/live/status_run.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

constexpr size_t kLogShown = 20;
constexpr size_t kMaxAsked = 100;     // an order number or SKU
// After this long a taken command without a kept answer is not followed any more (an import by
// hand reads one order and its lines; the bulk import answers at its start).
constexpr Duration kLongestCommand = Duration::minutes(10);

std::string value(const QueryParams& q, std::string_view key) { return query_value(q, key).value_or(""); }

// What became of the command the page was sent back with (`command=ID`).
void note_command(const PageContext& c, const std::string& name, const live::LiveConfig& config,
                  const std::string& id, bool run_is_running, StatusPageContext& out) {
  if (id.empty() || !live::CommandQueue::is_id(id)) return;
  std::unique_ptr<live::CommandQueue> box = c.source->commands(name, config);
  if (auto a = box->answer_of(id)) {
    const bj::value* ok = a->if_contains("ok");
    const bj::value* message = a->if_contains("message");
    out.notice_ok = ok && ok->is_bool() && ok->as_bool();
    out.notice = message && message->is_string() ? std::string(message->as_string()) : "Done.";
    return;
  }
  bool waiting = box->waiting(id);
  // An id starts with its time (ms): a command taken long ago whose answer is gone is over.
  Instant asked = Instant::from_unix_millis(std::stoll(id.substr(0, 15)));
  if (!waiting && c.now - asked > kLongestCommand) {
    out.notice = "No answer is kept for this command any more: the connection's page shows how things stand now.";
    return;
  }
  out.working = true;
  std::string runner = c.source->runner();
  if (!waiting) {
    out.notice = runner + " is carrying it out...";
  } else if (run_is_running) {
    out.notice = "Waiting for " + runner + " to take it (within a second)...";
  } else {
    out.notice = "Waiting for " + runner + ", which is not running for this connection: start it (" +
                 c.source->how_to_run(name, config) + ") and it does this first.";
  }
}

std::string with_command(const std::string& page, const std::string& name, const std::string& id) {
  return page + "?name=" + percent_encode(name) + (id.empty() ? "" : "&command=" + id);
}

std::string settings_log_html(const bj::object& doc) {
  const bj::value* log = doc.if_contains("settings_log");
  std::string items;
  if (log && log->is_array()) {
    const bj::array& entries = log->as_array();
    size_t shown = 0;
    for (auto it = entries.rbegin(); it != entries.rend() && shown < kLogShown; ++it, ++shown) {
      if (!it->is_object()) continue;
      const bj::object& e = it->as_object();
      std::string changes;
      if (const bj::value* c = e.if_contains("changes"); c && c->is_array()) {
        for (const auto& change : c->as_array()) {
          if (!change.is_object()) continue;
          const bj::object& o = change.as_object();
          changes += (changes.empty() ? "" : "; ") + std::string(o.at("setting").as_string()) + ": " +
                     bj::serialize(o.at("from")) + " → " + bj::serialize(o.at("to"));
        }
      }
      auto text = [&e](std::string_view k) {
        const bj::value* v = e.if_contains(k);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
      };
      // A list, not a table: readable at 360 px.
      items += "<li><strong>" + escape(text("at")) + "</strong> by <strong>" + escape(text("user")) + "</strong>: " +
               escape(changes) + "</li>";
    }
  }
  if (items.empty()) return "<p>No change made in the console yet.</p>";
  return "<p class=\"note\">Newest first, times in UTC.</p><ul>" + items + "</ul>";
}

}  // namespace

Settings settings_in_force(const live::LiveConfig& config, const live::StatusRead& status) {
  if (status.doc) {
    if (const bj::value* s = status.doc->if_contains("console_settings"); s && s->is_object()) {
      std::vector<std::string> errors;
      if (auto checked = live::check_settings(s->as_object(), errors)) return *checked;
    }
  }
  return config.settings;
}

std::string csrf_field(const std::string& token) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(token) + "\">";
}

Response plain(int status, const std::string& text) {
  return page(status, "lpsync", "<section><p class=\"error\">" + escape(text) + "</p></section>");
}

Response connection_page(const PageContext& c, const QueryParams& query) {
  std::string name = value(query, "name"), error;
  bool exists = false;
  auto config = c.source->find(name, error, &exists);
  // A config with problems is shown with them; no config is not found.
  if (!exists) return plain(404, error);
  live::StatusRead status;
  if (config) {
    status = c.source->status(name, *config);
  } else {
    status.error = error;
  }
  StatusPageContext context{name, c.csrf, "", true, false};
  if (config) note_command(c, name, *config, value(query, "command"), !status.running_note.empty(), context);
  bool refresh = context.working || status_shows_work(status);
  return page(200, name, status_html(status, c.now, context), refresh ? kRefreshSeconds : 0);
}

Response import_action(const PageContext& c, const QueryParams& form, bool one_order) {
  std::string name = value(form, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  bj::object args;
  if (one_order) {
    std::string number = value(form, "number");
    if (number.empty() || number.size() > 64) return plain(400, "Name the order's number as the shop shows it.");
    args["number"] = number;
  }
  ActionOutcome out = leave_command(*c.source->commands(name, *config), one_order ? "import_order" : "import_products",
                                    std::move(args), c.user, c.now);
  if (!out.ok) return plain(503, out.message);
  return redirect(with_command("/connection", name, out.command_id));
}

Response settings_page(const PageContext& c, const QueryParams& query) {
  std::string name = value(query, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  live::StatusRead status = c.source->status(name, *config);
  StatusPageContext context{name, c.csrf, "", true, false};
  note_command(c, name, *config, value(query, "command"), !status.running_note.empty(), context);
  if (value(query, "saved") == "1") context.notice = "Saved. lpsync run uses these settings from its next start.";
  if (value(query, "keys") == "1") {
    context.notice = "New keys checked with both systems and saved. Restart " + c.source->runner() +
                     " for this connection to use them.";
  }
  bool saved_in_console = status.doc && status.doc->contains("console_settings");
  std::string body = "<p><a href=\"/\">All connections</a> · <a href=\"" + with_command("/connection", name, "") +
                     "\">" + escape(name) + "</a></p>";
  if (!context.notice.empty()) {
    body += "<p id=\"notice\" data-live class=\"" + std::string(context.notice_ok ? "ok" : "error") +
            "\" role=\"status\">" + escape(context.notice) + "</p>";
  }
  // While the run has not answered, the form is a live part: the answer brings the settings in force.
  body += "<form id=\"settings\" class=\"box\"" + std::string(context.working ? " data-live" : "") +
          " method=\"post\" action=\"/settings\"><h1>Settings of " + escape(name) + "</h1><p class=\"note\">" +
          std::string(saved_in_console ? "Saved in the console: they win over the config's settings."
                                       : "From the config (" + escape(c.source->where()) + ") until you save here.") +
          " A running " + escape(c.source->runner()) + " applies a change within a second, without a restart.</p>" + csrf_field(c.csrf) +
          "<input type=\"hidden\" name=\"name\" value=\"" + escape(name) + "\">" +
          settings_fields(settings_in_force(*config, status)) + "<button type=\"submit\">Save settings</button></form>";
  body += keys_section(c, name);
  body += "<section id=\"changes\" data-live><h2>Changes</h2>" + settings_log_html(status.doc.value_or(bj::object{})) + "</section>";
  return page(200, "Settings of " + name, body, context.working ? kRefreshSeconds : 0);
}

Response settings_action(const PageContext& c, const QueryParams& form) {
  std::string name = value(form, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  std::vector<std::string> errors;
  auto settings = live::check_settings(settings_from_form(form), errors);
  if (!settings) {
    std::string text;
    for (const auto& e : errors) text += (text.empty() ? "" : " ") + e;
    return plain(400, "Not saved: " + text + " Go back and correct it.");
  }
  ActionOutcome out = c.source->change_settings(name, *config, *settings, c.user, c.now);
  if (!out.ok) return plain(503, out.message);
  if (out.command_id.empty()) return redirect(with_command("/settings", name, "") + "&saved=1");
  return redirect(with_command("/settings", name, out.command_id));
}

Response story_page(const PageContext& c, const QueryParams& query) {
  std::string name = value(query, "name"), error;
  auto config = c.source->find(name, error);
  if (!config) return plain(404, error);
  std::string order = value(query, "order"), sku = value(query, "sku");
  std::string body = "<p><a href=\"/\">All connections</a> · <a href=\"" + with_command("/connection", name, "") +
                     "\">" + escape(name) + "</a></p><form class=\"box\" method=\"get\" action=\"/story\"><h1>Why?"
                     "</h1><p class=\"note\">The whole story of one order or SKU: every decision with its time and "
                     "reason, and what you can do now.</p><input type=\"hidden\" name=\"name\" value=\"" +
                     escape(name) + "\"><label for=\"order\">Order number</label><input id=\"order\" name=\"order\" "
                     "type=\"text\" value=\"" + escape(order) + "\"><label for=\"sku\">or SKU</label><input id=\"sku\" "
                     "name=\"sku\" type=\"text\" value=\"" + escape(sku) + "\"><button type=\"submit\">Explain</button></form>";
  if ((!order.empty() || !sku.empty()) && order.size() <= kMaxAsked && sku.size() <= kMaxAsked) {
    live::ExplainWhat what;
    if (!sku.empty()) {
      what.sku = sku;
    } else {
      what.order = order;
    }
    auto story = c.source->story(name, *config, what, error);
    body += "<section>" + (story ? "<pre>" + escape(live::story_text(*story)) + "</pre>"
                                 : "<p class=\"error\">" + escape(error) + "</p>") +
            "</section>";
  }
  return page(200, "Why? " + name, body);
}

}  // namespace lpsync::console
