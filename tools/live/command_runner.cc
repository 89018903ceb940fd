#include "tools/live/command_runner.h"

#include <boost/json.hpp>

#include "engine/env/check.h"
#include "engine/env/json.h"
#include "tools/live/attention_text.h"
#include "tools/live/console_settings.h"
#include "tools/live/explain_run.h"
#include "tools/live/explain_text.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr size_t kMaxOrderNumber = 64;

void answer(const CommandTarget& t, const BoxCommand& c, bj::object a) {
  if (t.before_answer) t.before_answer();
  t.queue->answer(c.id, a);
}

void answer(const CommandTarget& t, const BoxCommand& c, bool ok, const std::string& message) {
  answer(t, c, bj::object{{"ok", ok}, {"kind", c.kind}, {"message", t.redactor->text(message)}});
}

void explain(const BoxCommand& c, const CommandTarget& t, Instant now) {
  const bj::value* order = c.args.if_contains("order");
  const bj::value* sku = c.args.if_contains("sku");
  bool by_sku = sku && sku->is_string() && !sku->as_string().empty();
  if (!by_sku && !(order && order->is_string() && !order->as_string().empty())) {
    return answer(t, c, false, "Name an order number or a SKU.");
  }
  ExplainWhat what;
  if (by_sku) {
    what.sku = std::string(sku->as_string());
  } else {
    what.order = std::string(order->as_string());
  }
  bj::object story = story_of(*t.store, what, now);
  answer(t, c,
         bj::object{{"ok", true},
                    {"kind", c.kind},
                    {"message", t.redactor->text(story_text(story))},
                    {"story", json::parse(t.redactor->text(json::serialize(story)))}});
}

void change_settings(const BoxCommand& c, const CommandTarget& t, Instant now) {
  const bj::value* proposed = c.args.if_contains("settings");
  std::vector<std::string> errors{"the command has no settings"};
  std::optional<Settings> s;
  if (proposed && proposed->is_object()) s = check_settings(proposed->as_object(), errors);
  if (!s) return answer(t, c, false, errors.front());
  Settings before = t.engine ? t.engine->settings() : effective_settings(*t.config, *t.store);
  save_console_settings(*t.store, before, *s, c.user, now);
  if (t.engine) t.engine->change_settings(*s);
  bj::object fields = t.log_fields;
  fields["user"] = c.user;
  fields["changes"] = settings_changes(before, *s);
  t.log->info("console_settings_saved", std::move(fields));
  if (t.settings_changed) t.settings_changed(*s);
  answer(t, c, true, "Saved and applied.");
}

void import_order(const BoxCommand& c, const CommandTarget& t) {
  const bj::value* number = c.args.if_contains("number");
  if (!number || !number->is_string() || number->as_string().empty() || number->as_string().size() > kMaxOrderNumber) {
    return answer(t, c, false, "Name the order's number as the shop shows it (e.g. ORD00042).");
  }
  t.engine->import_order(std::string(number->as_string()), [t, c](const ByHandAnswer& a) {
    bool ok = a.result == ByHandResult::imported || a.result == ByHandResult::already_imported;
    answer(t, c,
           bj::object{{"ok", ok},
                      {"kind", c.kind},
                      {"result", to_string(a.result)},
                      {"message", t.redactor->text(by_hand_text(a, t.engine->settings()))}});
  });
}

}  // namespace

bool reads_only(const BoxCommand& command) { return command.kind == "explain"; }

void carry_out_command(const BoxCommand& c, const CommandTarget& t, Instant now) {
  LPSYNC_CHECK(t.store && t.config && t.log && t.redactor && t.queue, "a command's target is complete");
  if (reads_only(c)) return explain(c, t, now);
  bj::object fields = t.log_fields;
  fields["kind"] = c.kind;
  fields["user"] = c.user;
  t.log->info("console_command", std::move(fields));
  if (c.kind == "settings") return change_settings(c, t, now);
  if (!t.engine) return answer(t, c, false, "The connection is not set up yet (the app is not installed): nothing was done.");
  if (c.kind == "import_order") return import_order(c, t);
  if (c.kind == "import_products") {
    std::string why = t.engine->import_products();
    return answer(t, c, why.empty(), why.empty() ? "Importing products: this page shows the progress." : why);
  }
  answer(t, c, false, "This lpsync does not know the command \"" + c.kind + "\" (is the console newer than it?).");
}

}  // namespace lpsync::live
