// The decision log in PostgreSQL (schema version 6): the connection's rows, appended in one
// fenced write per batch and trimmed by age and per subject in the same transaction.
#include <set>
#include <string>
#include <utility>

#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"
#include "engine/state/state_words.h"

namespace lpsync {
namespace {

// Rows per INSERT statement: a batch is one round trip per this many decisions.
constexpr size_t kRowsPerInsert = 100;

}  // namespace

void PgStateStore::append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since,
                                    int64_t per_subject) {
  if (entries.empty()) return;
  const std::string what = "store " + std::to_string(entries.size()) + " decisions in the decision log";
  write(what, [&] {
    std::set<std::pair<std::string, std::string>> touched;
    for (size_t from = 0; from < entries.size(); from += kRowsPerInsert) {
      std::string sql = "INSERT INTO decision_log (connection_id, kind, subject, at_ms, what, fields) VALUES ";
      std::vector<pg::Param> params{lease_.connection_id};
      for (size_t i = from; i < entries.size() && i < from + kRowsPerInsert; ++i) {
        const LoggedDecision& e = entries[i];
        size_t n = params.size();
        if (i > from) sql += ", ";
        sql += "($1, $" + std::to_string(n + 1) + ", $" + std::to_string(n + 2) + ", $" + std::to_string(n + 3) +
               ", $" + std::to_string(n + 4) + ", $" + std::to_string(n + 5) + ")";
        params.insert(params.end(), {pg::Param(to_string(e.kind)), pg::Param(e.subject),
                                     pg::Param(e.at.unix_millis()), pg::Param(e.what), pg::Param(e.fields)});
        touched.insert({std::string(to_string(e.kind)), e.subject});
      }
      db_->exec(what, sql, params);
    }
    db_->exec(what, "DELETE FROM decision_log WHERE connection_id = $1 AND at_ms < $2",
              {lease_.connection_id, keep_since.unix_millis()});
    for (const auto& [kind, subject] : touched) {
      db_->exec(what,
                "DELETE FROM decision_log WHERE connection_id = $1 AND kind = $2 AND subject = $3 AND seq <= "
                "(SELECT seq FROM decision_log WHERE connection_id = $1 AND kind = $2 AND subject = $3 "
                "ORDER BY seq DESC LIMIT 1 OFFSET $4)",
                {lease_.connection_id, kind, subject, per_subject});
    }
  });
}

std::vector<LoggedDecision> PgStateStore::decisions_about(DecisionSubject kind, const std::string& subject) const {
  pg::Rows r = db_->exec("read the decision log",
                         "SELECT at_ms, what, fields FROM decision_log WHERE connection_id = $1 AND kind = $2 "
                         "AND subject = $3 ORDER BY seq",
                         {lease_.connection_id, to_string(kind), subject});
  std::vector<LoggedDecision> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({kind, subject, Instant::from_unix_millis(r.integer(i, 0)), *r.text(i, 1), *r.text(i, 2)});
  }
  return out;
}

}  // namespace lpsync
