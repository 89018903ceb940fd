#include "tools/console/connection_actions.h"

#include "engine/state/sqlite_state_store.h"
#include "engine/state/store_errors.h"
#include "tools/live/cassette.h"
#include "tools/live/command_box.h"
#include "tools/live/connection_setup.h"
#include "tools/live/console_settings.h"

namespace lpsync::console {

namespace bj = boost::json;

ActionOutcome leave_command(const live::LiveConfig& config, const std::string& kind, bj::object args,
                            const std::string& user, Instant now) {
  ActionOutcome out;
  std::string error;
  auto id = live::CommandBox(config.state_path).submit(kind, std::move(args), user, now, error);
  if (!id) {
    out.message = error;
    return out;
  }
  out.ok = true;
  out.command_id = *id;
  return out;
}

ActionOutcome change_settings(const live::LiveConfig& config, const Settings& settings, const std::string& user,
                              Instant now) {
  std::string error, note;
  std::unique_ptr<SqliteStateStore> store = live::open_state(config, error, note);
  if (!store) {
    // Held by a running `lpsync run` (or unreadable: then the run will say why).
    ActionOutcome out = leave_command(config, "settings", bj::object{{"settings", live::settings_json(settings)}},
                                      user, now);
    if (out.ok) out.message = "Saved for lpsync run, which applies it within a second while it runs.";
    return out;
  }
  live::save_console_settings(*store, live::effective_settings(config, *store), settings, user, now);
  return ActionOutcome{true, "Saved. lpsync run uses these settings from its next start.", ""};
}

}  // namespace lpsync::console
