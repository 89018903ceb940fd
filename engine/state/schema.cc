#include "engine/state/schema.h"

#include <string>

namespace lpsync::sqlite {
namespace {

// Version 1: everything the StateStore interface holds. Times are Unix milliseconds, flags
// 0/1, enum values their words in the report. The UNIQUE constraints are the engine's
// "at most once" rules, kept by the database itself.
void create_tables(Db& db) {
  db.exec(R"sql(
    CREATE TABLE order_links (
      ls_order_id    INTEGER PRIMARY KEY,          -- one Picqer order per Lightspeed order
      number         TEXT    NOT NULL,
      idorder        INTEGER NOT NULL UNIQUE,      -- one Lightspeed order per Picqer order
      processed      INTEGER NOT NULL CHECK (processed IN (0, 1)),
      imported_at_ms INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER order_link_keeps_its_order BEFORE UPDATE OF idorder ON order_links
      WHEN NEW.idorder <> OLD.idorder
      BEGIN SELECT RAISE(ABORT, 'the Lightspeed order is already linked to another Picqer order'); END;

    CREATE TABLE product_links (
      variant_id        INTEGER PRIMARY KEY,       -- one product per variant
      productcode       TEXT    NOT NULL UNIQUE,   -- one variant per productcode
      idproduct         INTEGER NOT NULL,
      created_by_engine INTEGER NOT NULL CHECK (created_by_engine IN (0, 1)),
      setup_done        INTEGER NOT NULL CHECK (setup_done IN (0, 1))
    ) STRICT;

    CREATE TABLE intents (
      kind          TEXT    NOT NULL CHECK (kind IN ('create_order', 'create_product', 'push_shipment')),
      key           TEXT    NOT NULL,
      started_at_ms INTEGER NOT NULL,
      PRIMARY KEY (kind, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE held_orders (
      position       INTEGER PRIMARY KEY,          -- the order of the report
      ls_order_id    INTEGER NOT NULL,
      number         TEXT    NOT NULL,
      reason         TEXT    NOT NULL,
      decided_at_ms  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE shop_stock (
      variant_id INTEGER PRIMARY KEY,
      level      INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE shipment_pushes (
      idshipment     INTEGER PRIMARY KEY,          -- each Picqer shipment handled once
      ls_order_id    INTEGER NOT NULL,
      ls_shipment_id INTEGER NOT NULL,
      trackingcode   TEXT    NOT NULL,
      pushed         INTEGER NOT NULL CHECK (pushed IN (0, 1)),
      at_ms          INTEGER NOT NULL
    ) STRICT;
    -- A shop shipment is marked shipped for one Picqer shipment only.
    CREATE UNIQUE INDEX one_push_per_shop_shipment ON shipment_pushes (ls_shipment_id) WHERE pushed = 1;

    CREATE TABLE bulk_import (
      id              INTEGER PRIMARY KEY CHECK (id = 1),  -- one row, or none before the first run
      running         INTEGER NOT NULL,
      finished        INTEGER NOT NULL,
      total           INTEGER NOT NULL,
      done            INTEGER NOT NULL,
      last_variant_id INTEGER NOT NULL,
      linked          INTEGER NOT NULL,
      created         INTEGER NOT NULL,
      setting_up_variant_id INTEGER NOT NULL,
      started_at_ms   INTEGER NOT NULL,
      finished_at_ms  INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE bulk_skipped (
      position   INTEGER PRIMARY KEY,              -- the order of the report
      variant_id INTEGER NOT NULL,
      reason     TEXT    NOT NULL
    ) STRICT;
    CREATE TABLE bulk_skipped_sharing (            -- duplicate_sku: every variant with that SKU
      position   INTEGER NOT NULL REFERENCES bulk_skipped (position) ON DELETE CASCADE,
      n          INTEGER NOT NULL,
      variant_id INTEGER NOT NULL,
      PRIMARY KEY (position, n)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE named_values (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  )sql");
}

// Version 2: stock pushes look up the variants of a Picqer product.
void index_products(Db& db) { db.exec("CREATE INDEX product_links_by_idproduct ON product_links (idproduct);"); }

// Version 3: what the engine decided about an imported order after import (section 2).
void follow_orders(Db& db) {
  db.exec(R"sql(
    ALTER TABLE order_links ADD COLUMN allocated INTEGER NOT NULL DEFAULT 0 CHECK (allocated IN (0, 1));
    ALTER TABLE order_links ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1));
    ALTER TABLE order_links ADD COLUMN lines_digest TEXT NOT NULL DEFAULT '';
    ALTER TABLE order_links ADD COLUMN followed_at_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE order_links ADD COLUMN needs_person TEXT NOT NULL DEFAULT '';
    ALTER TABLE order_links ADD COLUMN pickup INTEGER NOT NULL DEFAULT 0 CHECK (pickup IN (0, 1));
  )sql");
}

// Version 4: the bounded decision log of `lpsync explain` (sync-rules section 12): per order
// number or productcode, what the engine decided, when, and the allow-listed fields. `seq`
// keeps the order of decisions made at the same millisecond.
void log_decisions(Db& db) {
  db.exec(R"sql(
    CREATE TABLE decision_log (
      seq     INTEGER PRIMARY KEY,
      kind    TEXT    NOT NULL CHECK (kind IN ('order', 'sku')),
      subject TEXT    NOT NULL,
      at_ms   INTEGER NOT NULL,
      what    TEXT    NOT NULL,
      fields  TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX decision_log_by_subject ON decision_log (kind, subject, seq);
    CREATE INDEX decision_log_by_time ON decision_log (at_ms);
  )sql");
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kSteps = {
      {1, "create the tables", create_tables},
      {2, "index product links by Picqer product", index_products},
      {3, "follow imported orders", follow_orders},
      {4, "keep a decision log", log_decisions},
  };
  return kSteps;
}

int64_t current_schema_version() { return migrations().back().to_version; }

void migrate(Db& db, int64_t from, int64_t to) {
  for (const Migration& m : migrations()) {
    if (m.to_version <= from || m.to_version > to) continue;
    db.write("migrate the schema to version " + std::to_string(m.to_version) + " (" + std::string(m.what) + ")",
             [&] {
               m.apply(db);
               db.exec(("PRAGMA user_version = " + std::to_string(m.to_version)).c_str());
               db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
             });
  }
}

}  // namespace lpsync::sqlite
