#include "tools/console/fleet_source.h"

#include <stdlib.h>

#include <filesystem>
#include <map>

#include "engine/env/check.h"
#include "engine/env/clock.h"
#include "engine/state/pg_fleet.h"
#include "engine/state/pg_schema.h"
#include "engine/state/pg_state_store.h"
#include "tools/console/config_file.h"
#include "tools/fleet/console_commands.h"
#include "tools/fleet/worker_watch.h"
#include "tools/live/cassette.h"
#include "tools/live/console_settings.h"
#include "tools/live/report_text.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

// A connection's queue, each call on a session of the source's pool.
class SourceCommands final : public live::CommandQueue {
 public:
  SourceCommands(FleetSource& source, int64_t id) : source_(source), id_(id) {}
  std::optional<std::string> submit(const std::string& kind, bj::object args, const std::string& user, Instant now,
                                    std::string& error) override {
    std::optional<std::string> out;
    std::string why = on_queue([&](fleet::PgCommands& q) { out = q.submit(kind, std::move(args), user, now, error); });
    if (!why.empty()) error = why;
    return out;
  }
  void answer(const std::string& id, const bj::object& answer) override {
    on_queue([&](fleet::PgCommands& q) { q.answer(id, answer); });
  }
  std::optional<bj::object> answer_of(const std::string& id) const override {
    std::optional<bj::object> out;
    on_queue([&](fleet::PgCommands& q) { out = q.answer_of(id); });
    return out;
  }
  bool waiting(const std::string& id) const override {
    bool out = false;
    on_queue([&](fleet::PgCommands& q) { out = q.waiting(id); });
    return out;
  }

 private:
  // Runs `work` on the connection's queue; what went wrong with the database, or "".
  std::string on_queue(const std::function<void(fleet::PgCommands&)>& work) const {
    std::string why;
    source_.with_db(
        [&](auto& db) {
          fleet::PgCommands queue(*db, id_);
          work(queue);
        },
        why);
    return why;
  }

  FleetSource& source_;
  int64_t id_;
};

// The secrets of a fleet's configs are read by the workers, on their machines: here an env:NAME
// that is not set reads as a stand-in (the console never sends it anywhere but a check that
// then fails in words).
live::Environment workers_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = ::getenv(name.c_str());
    return std::string(v && *v ? v : "set-on-the-workers");
  };
}

}  // namespace

std::shared_ptr<pg::Db> FleetSource::take_session(std::string& error) {
  {
    std::unique_lock lock(mu_);
    freed_.wait(lock, [&] { return !idle_.empty() || open_ < kMaxSessions; });
    if (!idle_.empty()) {
      std::shared_ptr<pg::Db> db = std::move(idle_.back());
      idle_.pop_back();
      return db;
    }
    ++open_;  // this caller opens one
  }
  auto connected = pg::Db::connect(url_);
  if (!connected.ok()) {
    error = "Cannot reach the fleet database: " + connected.error().message;
    give_back(nullptr);
    return nullptr;
  }
  return std::shared_ptr<pg::Db>(std::move(connected).value());
}

void FleetSource::give_back(std::shared_ptr<pg::Db> db) {
  {
    std::lock_guard lock(mu_);
    if (db) {
      idle_.push_back(std::move(db));
    } else {
      LPSYNC_CHECK(open_ > 0, "a session given back that was never taken");
      --open_;
    }
  }
  freed_.notify_one();
}

bool FleetSource::with_db(const std::function<void(std::shared_ptr<pg::Db>&)>& body, std::string& error) {
  std::shared_ptr<pg::Db> db = take_session(error);
  if (!db) return false;
  try {
    {
      std::lock_guard lock(migrate_mu_);
      if (!migrated_) {
        pg::migrate(*db);
        migrated_ = true;
      }
    }
    body(db);
    give_back(std::move(db));
    return true;
  } catch (const std::exception& e) {
    error = std::string("The fleet database refused: ") + e.what();
    give_back(nullptr);  // the session may be broken: closed
    return false;
  }
}

std::vector<ListedConnection> FleetSource::list(std::string& error) {
  std::vector<ListedConnection> out;
  with_db(
      [&](auto& db) {
        // Every connection's saved settings in one read, not one per connection.
        std::map<int64_t, std::string> saved;
        pg::Rows r = db->exec("read the console's settings",
                              "SELECT connection_id, convert_from(value, 'UTF8') FROM named_values WHERE key = $1",
                              {std::string(live::kConsoleSettingsKey)});
        for (int i = 0; i < r.size(); ++i) saved[r.integer(i, 0)] = r.text(i, 1).value_or("");
        for (const auto& row : fleet::list_connections(*db)) {
          if (out.size() >= kMaxConnections) break;
          ListedConnection c;
          c.name = row.name;
          c.config = row.config;
          c.parsed = parse(row.name, row.config);
          c.state = row.leased ? "run by worker " + row.worker : "no worker runs it now";
          if (c.parsed) {
            auto value = saved.count(row.id) ? std::optional<std::string>(saved[row.id]) : std::nullopt;
            c.settings = live::console_settings(value).value_or(c.parsed.config->settings);
          }
          out.push_back(std::move(c));
        }
      },
      error);
  return out;
}

std::optional<std::string> FleetSource::config_text(const std::string& name) {
  std::optional<std::string> out;
  std::string error;
  with_db(
      [&](auto& db) {
        if (auto row = fleet::find_connection(*db, name)) out = row->config;
      },
      error);
  return out;
}

bool FleetSource::put_config(const std::string& name, const std::string& text, bool is_new, std::string& error) {
  if (!is_connection_name(name)) {
    error = "Name the connection with letters, digits, - and _ (at most 64).";
    return false;
  }
  bool done = false;
  bool reached = with_db(
      [&](auto& db) {
        if (!is_new) {
          done = fleet::replace_config(*db, name, text);
          if (!done) error = "There is no connection named " + name + " in the fleet database any more.";
          return;
        }
        auto id = fleet::add_connection(*db, name, text);
        done = id.ok();
        if (!done) error = "Not added: " + id.error().message + ".";
      },
      error);
  return reached && done;
}

live::ConfigResult FleetSource::parse(const std::string& name, const std::string& text) const {
  return live::parse_config(text, name, workers_environment());
}

live::StatusRead FleetSource::status(const std::string& name, const live::LiveConfig&) {
  live::StatusRead r;
  std::string error;
  bool reached = with_db(
      [&](auto& db) {
        auto row = fleet::find_connection(*db, name);
        if (!row) {
          r.error = "there is no connection named " + name + " in the fleet database any more";
          return;
        }
        auto store = PgStateStore::open_shared(db, LeaseToken{row->id, 0});  // reads only: no lease needed
        if (!store.ok()) {
          r.error = store.error().message;
          return;
        }
        r.doc = live::status_document(*store.value());
        // The run's figures as the worker last kept them (fleet/worker_watch.h).
        if (auto kept = store.value()->value(fleet::WorkerWatch::kFiguresKey)) {
          boost::system::error_code ec;
          bj::value v = bj::parse(*kept, ec);
          if (!ec && v.is_object()) {
            for (const char* part : {"ops", "ops_history"}) {
              if (const bj::value* p = v.as_object().if_contains(part)) (*r.doc)[part] = *p;
            }
          }
        }
        if (row->leased) r.running_note = "Worker " + row->worker + " runs this connection; its state as of now:";
      },
      error);
  if (!reached) r.error = error;
  return r;
}

Settings FleetSource::settings(const std::string& name, const live::LiveConfig& config) {
  std::optional<Settings> saved;
  std::string error;
  with_db(
      [&](auto& db) {
        auto row = fleet::find_connection(*db, name);
        if (!row) return;
        auto store = PgStateStore::open_shared(db, LeaseToken{row->id, 0});  // reads only
        if (store.ok()) saved = live::console_settings(*store.value());
      },
      error);
  return saved.value_or(config.settings);
}

std::unique_ptr<live::CommandQueue> FleetSource::commands(const std::string& name, const live::LiveConfig&) {
  int64_t id = 0;
  std::string error;
  with_db(
      [&](auto& db) {
        if (auto row = fleet::find_connection(*db, name)) id = row->id;
      },
      error);
  return std::make_unique<SourceCommands>(*this, id);  // id 0: no such connection, submit refuses
}

ActionOutcome FleetSource::change_settings(const std::string& name, const live::LiveConfig& config,
                                           const Settings& settings, const std::string& user, Instant now) {
  // Only the worker holding the connection writes its state.
  ActionOutcome out = leave_command(*commands(name, config), "settings",
                                    bj::object{{"settings", live::settings_json(settings)}}, user, now);
  if (out.ok) out.message = "Saved for the connection's worker, which applies it within a second while it runs.";
  return out;
}

std::optional<bj::object> FleetSource::story(const std::string& name, const live::LiveConfig&,
                                             const live::ExplainWhat& what, std::string& error) {
  std::optional<bj::object> out;
  with_db(
      [&](auto& db) {
        auto row = fleet::find_connection(*db, name);
        if (!row) {
          error = "There is no connection named " + name + " in the fleet database any more.";
          return;
        }
        auto store = PgStateStore::open_shared(db, LeaseToken{row->id, 0});  // reads only
        if (!store.ok()) {
          error = store.error().message;
          return;
        }
        out = live::story_of(*store.value(), what, SystemClock().now());  // a held order's age as of now
      },
      error);
  return out;
}

std::string FleetSource::how_to_run(const std::string&, const live::LiveConfig&) const {
  return "lpsync worker --database URL (any worker of the fleet takes it)";
}

std::string FleetSource::plan(const std::string& name, const PlanRunner& plan) {
  std::optional<std::string> text = config_text(name);
  if (!text) return "There is no connection named " + name + " in the fleet database.";
  // plan reads a config file: a private copy in a directory of its own, removed after.
  std::string dir_template = (fs::temp_directory_path() / "lpsync-console-plan-XXXXXX").string();
  if (!::mkdtemp(dir_template.data())) return "Cannot make a temporary directory for lpsync plan.";
  std::string file = dir_template + "/" + name + ".json";
  std::string out = write_private_file(file, *text) ? plan(file) : "Cannot write a temporary config for lpsync plan.";
  std::error_code ec;
  fs::remove_all(dir_template, ec);
  return out;
}

}  // namespace lpsync::console
