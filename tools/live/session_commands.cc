// The part of the session (session.h) that carries out the console's commands
// (command_box.h) in run mode: import an order by hand, import products, change settings,
// and the story of an order or SKU.
#include <boost/json.hpp>

#include "engine/env/json.h"
#include "tools/live/attention_text.h"
#include "tools/live/console_settings.h"
#include "tools/live/explain_text.h"
#include "tools/live/session.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

// Looked for every second, at most this many at a time.
constexpr Duration kCommandsEvery = Duration::seconds(1);
constexpr size_t kCommandsAtOnce = 10;
constexpr size_t kMaxOrderNumber = 64;

}  // namespace

void Session::take_commands() {
  std::vector<std::string> refused;
  std::vector<BoxCommand> taken = commands_->take(kCommandsAtOnce, &refused);
  for (const auto& id : refused) log_.warn("console_command_refused", {{"file", id}, {"reason", "not a command"}});
  for (BoxCommand& c : taken) {
    // explain reads only, here on the engine's thread but not as an engine callback (a
    // recording's callbacks stay numbered as the engine's own); the rest are engine callbacks.
    if (c.kind == "explain") {
      explain(c);
    } else {
      clock_.post([this, c = std::move(c)] { carry_out(c); });
    }
  }
  // The console reads the status file: engine work the last refresh left out is written now.
  if (ops_stale_) refresh_ops();
  wall_.call_after(kCommandsEvery, [this] { take_commands(); });
}

void Session::carry_out(const BoxCommand& c) {
  log_.info("console_command", {{"kind", c.kind}, {"user", c.user}});
  // A cassette replays one engine's inputs; a command is not one of them.
  stop_recording("a command came from the console (" + c.kind + ")");
  auto answer = [this, &c](bool ok, const std::string& message) {
    save_status();  // first: a page that sees the answer sees the status after it
    commands_->answer(c.id, bj::object{{"ok", ok}, {"kind", c.kind}, {"message", redactor_.text(message)}});
  };
  if (c.kind == "settings") return change_settings(c);
  if (!engine_) return answer(false, "The connection is not set up yet (the app is not installed): nothing was done.");
  if (c.kind == "import_order") {
    const bj::value* number = c.args.if_contains("number");
    if (!number || !number->is_string() || number->as_string().empty() ||
        number->as_string().size() > kMaxOrderNumber) {
      return answer(false, "Name the order's number as the shop shows it (e.g. ORD00042).");
    }
    engine_->import_order(std::string(number->as_string()), [this, id = c.id](const ByHandAnswer& a) {
      bool ok = a.result == ByHandResult::imported || a.result == ByHandResult::already_imported;
      save_status();
      commands_->answer(id, bj::object{{"ok", ok},
                                       {"kind", "import_order"},
                                       {"result", to_string(a.result)},
                                       {"message", redactor_.text(by_hand_text(a, settings_))}});
    });
    return;
  }
  if (c.kind == "import_products") {
    std::string why = engine_->import_products();
    return answer(why.empty(), why.empty() ? "Importing products: this page shows the progress." : why);
  }
  answer(false, "lpsync run does not know the command \"" + c.kind + "\" (is the console newer than lpsync run?).");
}

void Session::explain(const BoxCommand& c) {
  // Reads only: the story of one order or SKU from the state this run holds.
  const bj::value* order = c.args.if_contains("order");
  const bj::value* sku = c.args.if_contains("sku");
  bool by_sku = sku && sku->is_string() && !sku->as_string().empty();
  if (!by_sku && !(order && order->is_string() && !order->as_string().empty())) {
    commands_->answer(c.id, bj::object{{"ok", false}, {"kind", c.kind}, {"message", "Name an order number or a SKU."}});
    return;
  }
  bj::object story = by_sku ? sku_story(*store_, std::string(sku->as_string()), wall_.now())
                            : order_story(*store_, std::string(order->as_string()), wall_.now());
  commands_->answer(c.id, bj::object{{"ok", true},
                                     {"kind", c.kind},
                                     {"message", redactor_.text(story_text(story))},
                                     {"story", json::parse(redactor_.text(json::serialize(story)))}});
}

void Session::change_settings(const BoxCommand& c) {
  const bj::value* proposed = c.args.if_contains("settings");
  std::vector<std::string> errors{"the command has no settings"};
  std::optional<Settings> s;
  if (proposed && proposed->is_object()) s = check_settings(proposed->as_object(), errors);
  if (!s) {
    commands_->answer(c.id, bj::object{{"ok", false}, {"kind", c.kind}, {"message", errors.front()}});
    return;
  }
  Settings before = engine_ ? engine_->settings() : effective_settings(config_, *store_);
  save_console_settings(*store_, before, *s, c.user, wall_.now());
  if (engine_) engine_->change_settings(*s);
  settings_ = *s;
  log_.info("console_settings_saved", {{"user", c.user}, {"changes", settings_changes(before, *s)}});
  save_status();
  commands_->answer(c.id, bj::object{{"ok", true}, {"kind", c.kind}, {"message", "Saved and applied."}});
}

}  // namespace lpsync::live
