// The pending quantities shared by the connections on one Picqer account (sync-rules
// section 4, last bullet): table pending_quantities, schema version 3.
#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"

namespace lpsync {
namespace {

// A PostgreSQL text[] literal: every element quoted, with its quotes and backslashes escaped.
std::string text_array(const std::set<std::string>& values) {
  std::string out = "{";
  for (const std::string& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace

void PgStateStore::put_pending_quantities(const std::string& picqer_account, const PendingByCode& pending) {
  write("store the pending quantities", [&] {
    db_->exec("store the pending quantities", "DELETE FROM pending_quantities WHERE connection_id = $1",
              {lease_.connection_id});
    for (const auto& [code, quantity] : pending) {
      if (quantity <= 0) continue;
      db_->exec("store the pending quantities",
                "INSERT INTO pending_quantities (connection_id, picqer_account, productcode, quantity) "
                "VALUES ($1, $2, $3, $4)",
                {lease_.connection_id, picqer_account, code, quantity});
    }
  });
}

PendingByCode PgStateStore::others_pending(const std::string& picqer_account,
                                           const std::set<std::string>& productcodes) const {
  PendingByCode out;
  if (productcodes.empty()) return out;
  // At most one row per productcode asked for: bounded by this connection's own links.
  pg::Rows r = db_->exec("read the other shops' pending quantities",
                         "SELECT productcode, sum(quantity)::bigint FROM pending_quantities "
                         "WHERE picqer_account = $1 AND connection_id <> $2 AND productcode = ANY ($3::text[]) "
                         "GROUP BY productcode ORDER BY productcode",
                         {picqer_account, lease_.connection_id, text_array(productcodes)});
  for (int i = 0; i < r.size(); ++i) out.emplace(*r.text(i, 0), r.integer(i, 1));
  return out;
}

}  // namespace lpsync
