#include "tools/fleet/console_commands.h"

#include <algorithm>

#include "engine/env/json.h"

namespace lpsync::fleet {
namespace {

namespace bj = boost::json;

std::string id_array(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

}  // namespace

std::optional<std::string> PgCommands::submit(const std::string& kind, bj::object args, const std::string& user,
                                              Instant now, std::string& error) {
  std::string id = new_id(now);
  try {
    pg::Rows added = db_.exec(
        "leave a console command",
        "INSERT INTO console_commands (id, connection_id, kind, args, user_name, at_ms) "
        "SELECT $1, $2, $3, $4, $5, $6 FROM connections c WHERE c.id = $2 AND (SELECT count(*) FROM "
        "console_commands w WHERE w.connection_id = $2 AND NOT w.taken) < $7",
        {id, connection_id_, kind, json::serialize(args), user, now.unix_millis(), static_cast<int64_t>(kMaxPending)});
    if (added.changed() == 0) {
      error = "already " + std::to_string(kMaxPending) +
              " commands wait for this connection's worker (or the connection was removed): is a worker running "
              "(lpsync worker --database ...)? Start one, then try again";
      return std::nullopt;
    }
  } catch (const StateStoreError& e) {
    error = std::string("the fleet database did not take the command: ") + e.what();
    return std::nullopt;
  }
  return id;
}

void PgCommands::answer(const std::string& id, const bj::object& answer) {
  db_.write("answer a console command", [&] {
    db_.exec("answer a console command", "UPDATE console_commands SET taken = true, answer = $3 WHERE id = $1 AND connection_id = $2",
             {id, connection_id_, json::serialize(answer)});
    // The newest kMaxAnswers taken commands are kept (a taken one a dead worker never
    // answered goes the same way).
    db_.exec("forget old console commands",
             "DELETE FROM console_commands WHERE connection_id = $1 AND taken AND id NOT IN (SELECT id FROM "
             "console_commands WHERE connection_id = $1 AND taken ORDER BY id DESC LIMIT $2)",
             {connection_id_, static_cast<int64_t>(kMaxAnswers)});
  });
}

std::optional<bj::object> PgCommands::answer_of(const std::string& id) const {
  if (!is_id(id)) return std::nullopt;
  pg::Rows r = db_.exec("read a console command's answer",
                        "SELECT answer FROM console_commands WHERE id = $1 AND connection_id = $2", {id, connection_id_});
  if (r.size() == 0 || !r.text(0, 0)) return std::nullopt;
  bj::error_code ec;
  bj::value v = bj::parse(*r.text(0, 0), ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

bool PgCommands::waiting(const std::string& id) const {
  if (!is_id(id)) return false;
  pg::Rows r = db_.exec("read a console command",
                        "SELECT 1 FROM console_commands WHERE id = $1 AND connection_id = $2 AND NOT taken",
                        {id, connection_id_});
  return r.size() > 0;
}

std::vector<std::pair<int64_t, live::BoxCommand>> take_console_commands(pg::Db& db,
                                                                        const std::vector<int64_t>& connections,
                                                                        int limit) {
  std::vector<std::pair<int64_t, live::BoxCommand>> out;
  if (connections.empty()) return out;
  pg::Rows r = db.exec("take console commands",
                       "UPDATE console_commands SET taken = true WHERE id IN (SELECT id FROM console_commands "
                       "WHERE connection_id = ANY($1::bigint[]) AND NOT taken ORDER BY id LIMIT $2 FOR UPDATE SKIP "
                       "LOCKED) RETURNING id, connection_id, kind, args, user_name, at_ms",
                       {id_array(connections), limit});
  for (int i = 0; i < r.size(); ++i) {
    live::BoxCommand c;
    c.id = *r.text(i, 0);
    c.kind = *r.text(i, 2);
    c.user = *r.text(i, 4);
    c.at = Instant::from_unix_millis(r.integer(i, 5));
    bj::error_code ec;
    bj::value args = bj::parse(*r.text(i, 3), ec);
    int64_t connection = r.integer(i, 1);
    if (ec || !args.is_object()) {
      PgCommands(db, connection).answer(c.id, bj::object{{"ok", false}, {"kind", c.kind}, {"message", "not a command"}});
      continue;
    }
    c.args = std::move(args.as_object());
    out.push_back({connection, std::move(c)});
  }
  // RETURNING keeps no order: the oldest first, as they were left (ids sort by time).
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second.id < b.second.id; });
  return out;
}

}  // namespace lpsync::fleet
