// The bulk import's progress in PostgreSQL: one row per connection, plus its skipped variants
// in report order (a duplicate SKU's sharing variants as an array). The skipped list only
// grows while an import runs, so a write replaces only the entries after the stored part.
#include <charconv>
#include <string>

#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"

namespace lpsync {
namespace {

// PostgreSQL's text form of a bigint[]: "{1,2,3}".
std::string array_text(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
  return out + "}";
}

std::vector<int64_t> array_of(const std::string& text) {
  std::vector<int64_t> out;
  const char* p = text.data() + 1;
  const char* end = text.data() + text.size() - 1;
  while (p < end) {
    int64_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec != std::errc()) throw StateStoreError("a skipped variant's sharing list in PostgreSQL is damaged: " + text);
    out.push_back(v);
    p = next < end && *next == ',' ? next + 1 : next;
  }
  return out;
}

}  // namespace

BulkImport PgStateStore::read_bulk_import() const {
  BulkImport b;
  pg::Rows r = db_->exec("read the bulk import",
                         "SELECT running, finished, total, done, last_variant_id, linked, created, setting_up_variant_id, "
                         "started_at_ms, finished_at_ms FROM bulk_import WHERE connection_id = $1",
                         {lease_.connection_id});
  if (r.size() == 0) return b;
  b.running = r.flag(0, 0);
  b.finished = r.flag(0, 1);
  b.total = r.integer(0, 2);
  b.done = r.integer(0, 3);
  b.last_variant_id = r.integer(0, 4);
  b.linked = r.integer(0, 5);
  b.created = r.integer(0, 6);
  b.setting_up_variant_id = r.integer(0, 7);
  b.started_at = Instant::from_unix_millis(r.integer(0, 8));
  b.finished_at = Instant::from_unix_millis(r.integer(0, 9));
  pg::Rows s = db_->exec("read the skipped variants",
                         "SELECT variant_id, reason, sharing FROM bulk_skipped WHERE connection_id = $1 ORDER BY position",
                         {lease_.connection_id});
  for (int i = 0; i < s.size(); ++i) {
    auto reason = parse_sku_problem(*s.text(i, 1));
    if (!reason) throw StateStoreError("a skipped variant in PostgreSQL has an unknown reason '" + *s.text(i, 1) + "'");
    b.skipped.push_back({s.integer(i, 0), *reason, array_of(*s.text(i, 2))});
  }
  return b;
}

BulkImport PgStateStore::bulk_import() const {
  if (bulk_cache_ && bulk_cache_rollbacks_ == db_->rollbacks()) return *bulk_cache_;
  BulkImport b = read_bulk_import();
  bulk_cache_ = b;
  bulk_cache_rollbacks_ = db_->rollbacks();
  return b;
}

void PgStateStore::put_bulk_import(const BulkImport& state) {
  BulkImport before = bulk_import();
  size_t same = 0;
  while (same < before.skipped.size() && same < state.skipped.size() && before.skipped[same] == state.skipped[same]) {
    ++same;
  }
  const std::string what = "store the bulk import's progress";
  write(what, [&] {
    db_->exec(what,
              "INSERT INTO bulk_import (connection_id, running, finished, total, done, last_variant_id, linked, created, "
              "setting_up_variant_id, started_at_ms, finished_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
              "ON CONFLICT (connection_id) DO UPDATE SET running = excluded.running, finished = excluded.finished, "
              "total = excluded.total, done = excluded.done, last_variant_id = excluded.last_variant_id, "
              "linked = excluded.linked, created = excluded.created, "
              "setting_up_variant_id = excluded.setting_up_variant_id, started_at_ms = excluded.started_at_ms, "
              "finished_at_ms = excluded.finished_at_ms",
              {lease_.connection_id, state.running, state.finished, state.total, state.done, state.last_variant_id,
               state.linked, state.created, state.setting_up_variant_id, state.started_at.unix_millis(),
               state.finished_at.unix_millis()});
    db_->exec(what, "DELETE FROM bulk_skipped WHERE connection_id = $1 AND position >= $2",
              {lease_.connection_id, static_cast<int64_t>(same)});
    for (size_t i = same; i < state.skipped.size(); ++i) {
      const SkippedVariant& s = state.skipped[i];
      db_->exec(what,
                "INSERT INTO bulk_skipped (connection_id, position, variant_id, reason, sharing) "
                "VALUES ($1, $2, $3, $4, $5::bigint[])",
                {lease_.connection_id, static_cast<int64_t>(i), s.variant_id, to_string(s.reason), array_text(s.sharing)});
    }
  });
  bulk_cache_ = state;
  bulk_cache_rollbacks_ = db_->rollbacks();
}

}  // namespace lpsync
