// Carries out the console's commands (command_box.h) on one connection's engine: used by
// `lpsync run`'s session and by a fleet worker for each connection it holds, so a command
// means the same wherever it waited. Import an order by hand, import products, change the
// settings (saved in the state with the change log and applied at once, no restart), and the
// story of an order or SKU (reads only).
#pragma once

#include <functional>

#include "engine/core/engine.h"
#include "engine/state/state_store.h"
#include "tools/live/command_box.h"
#include "tools/live/config.h"
#include "tools/live/log.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

// What a command acts on; everything outlives the engine's callbacks.
struct CommandTarget {
  Engine* engine = nullptr;  // nullptr: the connection is not set up yet (the app not installed)
  StateStore* store = nullptr;
  const LiveConfig* config = nullptr;  // its settings apply while none are saved in the state
  Log* log = nullptr;
  Redactor* redactor = nullptr;
  CommandQueue* queue = nullptr;  // where the answers go
  boost::json::object log_fields;  // added to each log line (a fleet worker: the connection)
  // Called before each answer is left (e.g. the status file written first, so a page that
  // sees the answer sees the state after it); may be empty.
  std::function<void()> before_answer;
  // Called with the settings a command saved, after the engine took them; may be empty.
  std::function<void(const Settings&)> settings_changed;
};

// Whether `command` only reads (explain): carried out outside the engine's callbacks, so a
// recording's callbacks stay numbered as the engine's own.
bool reads_only(const BoxCommand& command);

// Carries out `command` (as a callback of the engine's clock unless reads_only). The answer of
// an import by hand comes when the engine has decided; the others' at once.
void carry_out_command(const BoxCommand& command, const CommandTarget& target, Instant now);

}  // namespace lpsync::live
