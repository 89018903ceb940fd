// The decision log in SQLite (schema version 4): one row per decision about an order or a
// SKU, appended in batches and trimmed by age and per subject in the same commit.
#include <set>
#include <string>
#include <utility>

#include "engine/state/sqlite_db.h"
#include "engine/state/sqlite_state_store.h"
#include "engine/state/state_words.h"

namespace lpsync {

void SqliteStateStore::append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since,
                                        int64_t per_subject) {
  if (entries.empty()) return;
  db_->write("store " + std::to_string(entries.size()) + " decisions in the decision log", [&] {
    std::set<std::pair<std::string_view, std::string>> touched;
    for (const LoggedDecision& e : entries) {
      db_->query("INSERT INTO decision_log (kind, subject, at_ms, what, fields) VALUES (?1, ?2, ?3, ?4, ?5)")
          .bind(1, to_string(e.kind))
          .bind(2, e.subject)
          .bind(3, e.at.unix_millis())
          .bind(4, e.what)
          .bind(5, e.fields)
          .run();
      touched.insert({to_string(e.kind), e.subject});
    }
    db_->query("DELETE FROM decision_log WHERE at_ms < ?1").bind(1, keep_since.unix_millis()).run();
    for (const auto& [kind, subject] : touched) {
      db_->query(
             "DELETE FROM decision_log WHERE kind = ?1 AND subject = ?2 AND seq <= (SELECT seq FROM decision_log "
             "WHERE kind = ?1 AND subject = ?2 ORDER BY seq DESC LIMIT 1 OFFSET ?3)")
          .bind(1, kind)
          .bind(2, subject)
          .bind(3, per_subject)
          .run();
    }
  });
}

std::vector<LoggedDecision> SqliteStateStore::decisions_about(DecisionSubject kind, const std::string& subject) const {
  return db_->read("read the decision log", [&] {
    std::vector<LoggedDecision> out;
    auto q = db_->query(
        "SELECT at_ms, what, fields FROM decision_log WHERE kind = ?1 AND subject = ?2 ORDER BY seq");
    q.bind(1, to_string(kind)).bind(2, subject);
    while (q.next()) {
      out.push_back({kind, subject, Instant::from_unix_millis(q.integer(0)), q.text(1), q.text(2)});
    }
    return out;
  });
}

}  // namespace lpsync
