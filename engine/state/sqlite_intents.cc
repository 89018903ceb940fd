// Intents of remote creates in flight, and the held list, in SQLite.
#include <string>

#include "engine/state/sqlite_db.h"
#include "engine/state/sqlite_state_store.h"
#include "engine/state/state_words.h"

namespace lpsync {

void SqliteStateStore::begin_intent(const Intent& intent) {
  db_->write("record the intent to " + std::string(to_string(intent.kind)) + " " + intent.key, [&] {
    db_->query(
           "INSERT INTO intents (kind, key, started_at_ms) VALUES (?1, ?2, ?3) "
           "ON CONFLICT (kind, key) DO UPDATE SET started_at_ms = excluded.started_at_ms")
        .bind(1, to_string(intent.kind))
        .bind(2, intent.key)
        .bind(3, intent.started_at.unix_millis())
        .run();
  });
}

void SqliteStateStore::end_intent(IntentKind kind, const std::string& key) {
  db_->write("end the intent to " + std::string(to_string(kind)) + " " + key, [&] {
    db_->query("DELETE FROM intents WHERE kind = ?1 AND key = ?2").bind(1, to_string(kind)).bind(2, key).run();
  });
}

std::vector<Intent> SqliteStateStore::intents() const {
  return db_->read("read the intents", [&] {
    std::vector<Intent> out;
    for (auto q = db_->query("SELECT kind, key, started_at_ms FROM intents ORDER BY kind, key"); q.next();) {
      auto kind = parse_intent_kind(q.text(0));
      if (!kind) throw sqlite::Failure{SQLITE_CORRUPT, "unknown intent kind '" + q.text(0) + "'"};
      out.push_back({*kind, q.text(1), Instant::from_unix_millis(q.integer(2))});
    }
    return out;
  });
}

void SqliteStateStore::put_held(const std::vector<HeldOrder>& held) {
  db_->write("store the held orders", [&] {
    db_->query("DELETE FROM held_orders").run();
    int64_t position = 0;
    for (const HeldOrder& h : held) {
      db_->query(
             "INSERT INTO held_orders (position, ls_order_id, number, reason, decided_at_ms) "
             "VALUES (?1, ?2, ?3, ?4, ?5)")
          .bind(1, position++)
          .bind(2, h.ls_order_id)
          .bind(3, h.number)
          .bind(4, to_string(h.reason))
          .bind(5, h.decided_at.unix_millis())
          .run();
    }
  });
}

std::vector<HeldOrder> SqliteStateStore::held() const {
  return db_->read("read the held orders", [&] {
    std::vector<HeldOrder> out;
    auto q = db_->query("SELECT ls_order_id, number, reason, decided_at_ms FROM held_orders ORDER BY position");
    while (q.next()) {
      auto reason = parse_held_reason(q.text(2));
      if (!reason) throw sqlite::Failure{SQLITE_CORRUPT, "unknown held reason '" + q.text(2) + "'"};
      out.push_back({q.integer(0), q.text(1), *reason, Instant::from_unix_millis(q.integer(3))});
    }
    return out;
  });
}

}  // namespace lpsync
