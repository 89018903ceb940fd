// The part of the session (session.h) that takes the console's commands (command_box.h) in
// run mode and has them carried out (command_runner.h).
#include "tools/live/command_runner.h"
#include "tools/live/session.h"

namespace lpsync::live {
namespace {

// Looked for every second, at most this many at a time.
constexpr Duration kCommandsEvery = Duration::seconds(1);
constexpr size_t kCommandsAtOnce = 10;

}  // namespace

void Session::take_commands() {
  std::vector<std::string> refused;
  std::vector<BoxCommand> taken = commands_->take(kCommandsAtOnce, &refused);
  for (const auto& id : refused) log_.warn("console_command_refused", {{"file", id}, {"reason", "not a command"}});
  for (BoxCommand& c : taken) {
    // explain reads only, here on the engine's thread but not as an engine callback (a
    // recording's callbacks stay numbered as the engine's own); the rest are engine callbacks.
    if (reads_only(c)) {
      carry_out_command(c, command_target(), wall_.now());
    } else {
      clock_.post([this, c = std::move(c)] { carry_out(c); });
    }
  }
  // The console reads the status file: engine work the last refresh left out is written now.
  if (ops_stale_) refresh_ops();
  wall_.call_after(kCommandsEvery, [this] { take_commands(); });
}

void Session::carry_out(const BoxCommand& c) {
  // A cassette replays one engine's inputs; a command is not one of them.
  stop_recording("a command came from the console (" + c.kind + ")");
  carry_out_command(c, command_target(), wall_.now());
}

CommandTarget Session::command_target() {
  CommandTarget t;
  t.engine = engine_.get();
  t.store = store_;
  t.config = &config_;
  t.log = &log_;
  t.redactor = &redactor_;
  t.queue = commands_.get();
  t.before_answer = [this] { save_status(); };
  t.settings_changed = [this](const Settings& s) {
    settings_ = s;
    save_status();
  };
  return t;
}

}  // namespace lpsync::live
