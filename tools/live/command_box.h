// The console's commands to a running `lpsync run` (issue 19). `lpsync run` holds its state
// database exclusively, so the console cannot write to it; instead it leaves a command as a
// file in STATE.commands/ (private to this user), and the run takes the commands there every
// second, carries them out on the engine's thread and leaves each answer in
// STATE.commands/answers/. A command left while no run is running waits for the next one.
// Kinds: "import_order" {"number"}, "import_products" {}, "settings" {"settings": {...}},
// "explain" {"order"} or {"sku"} (reads only: the answer holds the story).
// Bounded: at most kMaxPending commands wait and kMaxAnswers answers are kept.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::live {

struct BoxCommand {
  std::string id;    // sortable by submission: "<unix ms, 15 digits>-<8 hex>"
  std::string kind;  // import_order, import_products, settings
  boost::json::object args;
  std::string user;  // who asked (the console's user), for the settings change log
  Instant at;        // when it was asked
};

// One connection's commands, wherever they wait: files beside a SQLite state (CommandBox,
// for `lpsync run`) or rows of the fleet's database (tools/fleet/console_commands.h, for the
// worker holding the connection). Both bound what waits and what is kept the same way.
class CommandQueue {
 public:
  static constexpr size_t kMaxPending = 100;
  static constexpr size_t kMaxAnswers = 200;

  virtual ~CommandQueue() = default;
  // Leaves a command; its id, or nullopt with `error` saying why not (too many waiting, the
  // place cannot be written).
  virtual std::optional<std::string> submit(const std::string& kind, boost::json::object args,
                                            const std::string& user, Instant now, std::string& error) = 0;
  // The answer to command `id` (kept until kMaxAnswers newer ones push it out).
  virtual void answer(const std::string& id, const boost::json::object& answer) = 0;
  // nullopt: no answer yet (or `id` is not an id).
  virtual std::optional<boost::json::object> answer_of(const std::string& id) const = 0;
  // Whether command `id` still waits to be taken.
  virtual bool waiting(const std::string& id) const = 0;

  // Polls for the answer to `id` up to `tenths` tenths of a second (for a command line or a
  // page that asks a running engine and waits); nullopt when none came.
  std::optional<boost::json::object> wait_for_answer(const std::string& id, int tenths) const;

  // A new id: "<unix ms, 15 digits>-<8 hex>", sortable by submission.
  static std::string new_id(Instant now);
  static bool is_id(const std::string& id);
};

class CommandBox final : public CommandQueue {
 public:
  static constexpr size_t kMaxFileBytes = 64 * 1024;

  explicit CommandBox(const std::string& state_path);

  std::optional<std::string> submit(const std::string& kind, boost::json::object args, const std::string& user,
                                    Instant now, std::string& error) override;
  // The oldest `limit` commands, removed from the box. A file that is not a command is removed
  // and named in `refused` (it can never become one).
  std::vector<BoxCommand> take(size_t limit, std::vector<std::string>* refused = nullptr);
  void answer(const std::string& id, const boost::json::object& answer) override;
  std::optional<boost::json::object> answer_of(const std::string& id) const override;
  bool waiting(const std::string& id) const override;

  const std::string& directory() const { return dir_; }

 private:
  std::string dir_;
};

}  // namespace lpsync::live
