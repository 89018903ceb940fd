// The bulk import's progress in SQLite: one row, plus its skipped variants (and, for a
// duplicate SKU, every variant sharing it) as child rows in report order. The skipped list
// only grows while an import runs, so a write replaces only the entries after the part
// that is already stored.
#include <string>

#include "engine/state/sqlite_db.h"
#include "engine/state/sqlite_state_store.h"

namespace lpsync {

BulkImport SqliteStateStore::read_bulk_import() const {
  BulkImport b;
  {
    auto q = db_->query(
        "SELECT running, finished, total, done, last_variant_id, linked, created, setting_up_variant_id, "
        "started_at_ms, finished_at_ms FROM bulk_import WHERE id = 1");
    if (!q.next()) return b;
    b.running = q.flag(0);
    b.finished = q.flag(1);
    b.total = q.integer(2);
    b.done = q.integer(3);
    b.last_variant_id = q.integer(4);
    b.linked = q.integer(5);
    b.created = q.integer(6);
    b.setting_up_variant_id = q.integer(7);
    b.started_at = Instant::from_unix_millis(q.integer(8));
    b.finished_at = Instant::from_unix_millis(q.integer(9));
  }
  for (auto q = db_->query("SELECT variant_id, reason FROM bulk_skipped ORDER BY position"); q.next();) {
    auto reason = parse_sku_problem(q.text(1));
    if (!reason) throw sqlite::Failure{SQLITE_CORRUPT, "unknown skip reason '" + q.text(1) + "'"};
    b.skipped.push_back({q.integer(0), *reason, {}});
  }
  for (auto q = db_->query("SELECT position, variant_id FROM bulk_skipped_sharing ORDER BY position, n"); q.next();) {
    int64_t position = q.integer(0);
    if (position < 0 || position >= static_cast<int64_t>(b.skipped.size())) {
      throw sqlite::Failure{SQLITE_CORRUPT, "a sharing variant of a skipped entry that does not exist"};
    }
    b.skipped[static_cast<size_t>(position)].sharing.push_back(q.integer(1));
  }
  return b;
}

BulkImport SqliteStateStore::bulk_import() const {
  if (bulk_cache_ && bulk_cache_rollbacks_ == db_->rollbacks()) return *bulk_cache_;
  BulkImport b = db_->read("read the bulk import", [&] { return read_bulk_import(); });
  bulk_cache_ = b;
  bulk_cache_rollbacks_ = db_->rollbacks();
  return b;
}

void SqliteStateStore::put_bulk_import(const BulkImport& state) {
  BulkImport before = bulk_import();
  size_t same = 0;
  while (same < before.skipped.size() && same < state.skipped.size() && before.skipped[same] == state.skipped[same]) {
    ++same;
  }
  db_->write("store the bulk import's progress", [&] {
    db_->query(
           "INSERT INTO bulk_import (id, running, finished, total, done, last_variant_id, linked, created, "
           "setting_up_variant_id, started_at_ms, finished_at_ms) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
           "ON CONFLICT (id) DO UPDATE SET running = excluded.running, finished = excluded.finished, "
           "total = excluded.total, done = excluded.done, last_variant_id = excluded.last_variant_id, "
           "linked = excluded.linked, created = excluded.created, "
           "setting_up_variant_id = excluded.setting_up_variant_id, started_at_ms = excluded.started_at_ms, "
           "finished_at_ms = excluded.finished_at_ms")
        .bind(1, state.running)
        .bind(2, state.finished)
        .bind(3, state.total)
        .bind(4, state.done)
        .bind(5, state.last_variant_id)
        .bind(6, state.linked)
        .bind(7, state.created)
        .bind(8, state.setting_up_variant_id)
        .bind(9, state.started_at.unix_millis())
        .bind(10, state.finished_at.unix_millis())
        .run();
    // The sharing rows go with their entries (ON DELETE CASCADE).
    db_->query("DELETE FROM bulk_skipped WHERE position >= ?1").bind(1, static_cast<int64_t>(same)).run();
    for (size_t i = same; i < state.skipped.size(); ++i) {
      const SkippedVariant& s = state.skipped[i];
      int64_t position = static_cast<int64_t>(i);
      db_->query("INSERT INTO bulk_skipped (position, variant_id, reason) VALUES (?1, ?2, ?3)")
          .bind(1, position)
          .bind(2, s.variant_id)
          .bind(3, to_string(s.reason))
          .run();
      for (size_t n = 0; n < s.sharing.size(); ++n) {
        db_->query("INSERT INTO bulk_skipped_sharing (position, n, variant_id) VALUES (?1, ?2, ?3)")
            .bind(1, position)
            .bind(2, static_cast<int64_t>(n))
            .bind(3, s.sharing[n])
            .run();
      }
    }
  });
  bulk_cache_ = state;
  bulk_cache_rollbacks_ = db_->rollbacks();
}

}  // namespace lpsync
