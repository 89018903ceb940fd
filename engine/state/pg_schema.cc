#include "engine/state/pg_schema.h"

#include <string>

namespace lpsync::pg {
namespace {

// Version 1: connections, their leases, and everything the StateStore interface holds, per
// connection. Times are Unix milliseconds as in SQLite (the engine's simulated clock, not the
// database's); lease times are the database's own clock. The UNIQUE constraints are the
// engine's "at most once" rules, per connection.
constexpr std::string_view kVersion1 = R"sql(
  CREATE TABLE connections (
    id     bigserial PRIMARY KEY,
    name   text NOT NULL UNIQUE,
    config text NOT NULL                       -- the connection's config file, secrets as env: references
  );
  -- Who may write a connection's state: one worker at a time. `token` grows at every claim and
  -- goes with every write (the fence).
  -- `worker` is '' and `expires_at` -infinity while nobody holds it. `previous_ends_at` is when
  -- the lease before this claim ended (NULL when it was handed back cleanly or never held).
  CREATE TABLE leases (
    connection_id    bigint PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    worker           text        NOT NULL,
    token            bigint      NOT NULL,
    expires_at       timestamptz NOT NULL,
    previous_ends_at timestamptz
  );
  CREATE INDEX leases_by_expiry ON leases (expires_at);
  -- The workers seen lately, for each worker's fair share.
  CREATE TABLE workers (
    name    text PRIMARY KEY,
    seen_at timestamptz NOT NULL
  );

  CREATE TABLE order_links (
    connection_id  bigint  NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    ls_order_id    bigint  NOT NULL,
    number         text    NOT NULL,
    idorder        bigint  NOT NULL,
    processed      boolean NOT NULL,
    imported_at_ms bigint  NOT NULL,
    PRIMARY KEY (connection_id, ls_order_id),   -- one Picqer order per Lightspeed order
    UNIQUE (connection_id, idorder)             -- one Lightspeed order per Picqer order
  );
  CREATE TABLE product_links (
    connection_id     bigint  NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    variant_id        bigint  NOT NULL,
    productcode       text    NOT NULL,
    idproduct         bigint  NOT NULL,
    created_by_engine boolean NOT NULL,
    setup_done        boolean NOT NULL,
    PRIMARY KEY (connection_id, variant_id),    -- one product per variant
    UNIQUE (connection_id, productcode)         -- one variant per productcode
  );
  CREATE INDEX product_links_by_idproduct ON product_links (connection_id, idproduct);
  CREATE TABLE intents (
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          text   NOT NULL CHECK (kind IN ('create_order', 'create_product', 'push_shipment')),
    key           text   NOT NULL,
    started_at_ms bigint NOT NULL,
    PRIMARY KEY (connection_id, kind, key)
  );
  CREATE TABLE held_orders (
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    position      int    NOT NULL,              -- the order of the report
    ls_order_id   bigint NOT NULL,
    number        text   NOT NULL,
    reason        text   NOT NULL,
    decided_at_ms bigint NOT NULL,
    PRIMARY KEY (connection_id, position)
  );
  CREATE TABLE shop_stock (
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    variant_id    bigint NOT NULL,
    level         bigint NOT NULL,
    PRIMARY KEY (connection_id, variant_id)
  );
  CREATE TABLE shipment_pushes (
    connection_id  bigint  NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    idshipment     bigint  NOT NULL,
    ls_order_id    bigint  NOT NULL,
    ls_shipment_id bigint  NOT NULL,
    trackingcode   text    NOT NULL,
    pushed         boolean NOT NULL,
    at_ms          bigint  NOT NULL,
    PRIMARY KEY (connection_id, idshipment)     -- each Picqer shipment handled once
  );
  -- A shop shipment is marked shipped for one Picqer shipment only.
  CREATE UNIQUE INDEX one_push_per_shop_shipment ON shipment_pushes (connection_id, ls_shipment_id) WHERE pushed;
  CREATE TABLE bulk_import (
    connection_id   bigint  PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    running         boolean NOT NULL,
    finished        boolean NOT NULL,
    total           bigint  NOT NULL,
    done            bigint  NOT NULL,
    last_variant_id bigint  NOT NULL,
    linked          bigint  NOT NULL,
    created         bigint  NOT NULL,
    setting_up_variant_id bigint NOT NULL,
    started_at_ms   bigint  NOT NULL,
    finished_at_ms  bigint  NOT NULL
  );
  CREATE TABLE bulk_skipped (
    connection_id bigint   NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    position      int      NOT NULL,            -- the order of the report
    variant_id    bigint   NOT NULL,
    reason        text     NOT NULL,
    sharing       bigint[] NOT NULL,            -- duplicate_sku: every variant with that SKU
    PRIMARY KEY (connection_id, position)
  );
  CREATE TABLE named_values (
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    key           text   NOT NULL,
    value         bytea  NOT NULL,             -- any bytes (text cannot hold a NUL)
    PRIMARY KEY (connection_id, key)
  );
)sql";

// Version 2: what the engine decided about an imported order after import (section 2).
constexpr std::string_view kVersion2 = R"sql(
  ALTER TABLE order_links
    ADD COLUMN allocated      boolean NOT NULL DEFAULT false,
    ADD COLUMN cancelled      boolean NOT NULL DEFAULT false,
    ADD COLUMN lines_digest   text    NOT NULL DEFAULT '',
    ADD COLUMN followed_at_ms bigint  NOT NULL DEFAULT 0,
    ADD COLUMN needs_person   text    NOT NULL DEFAULT '',
    ADD COLUMN pickup         boolean NOT NULL DEFAULT false;
)sql";

// Version 3: the pending quantities of the connections that share a Picqer account
// (sync-rules section 4, last bullet): each connection's not-yet-imported order quantities by
// productcode, replaced after each of its complete order polls. `picqer_account` names the
// account (its host, Connection::picqer_account()), never a key.
constexpr std::string_view kVersion3 = R"sql(
  CREATE TABLE pending_quantities (
    connection_id  bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    picqer_account text   NOT NULL,
    productcode    text   NOT NULL,
    quantity       bigint NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (connection_id, productcode)
  );
  CREATE INDEX pending_quantities_by_account ON pending_quantities (picqer_account, productcode);
)sql";

// Version 4: the request counts of accounts shared by connections, in any worker (sync-rules
// section 11; pg_shared_limit.h), by fixed windows of the database's clock. `account` names the
// account ("picqer:" and its host), never a key. Not tied to a connection: old windows are
// deleted as new ones start.
constexpr std::string_view kVersion4 = R"sql(
  CREATE TABLE api_budgets (
    account         text   NOT NULL,
    window_start_ms bigint NOT NULL,
    sent            bigint NOT NULL CHECK (sent > 0),
    PRIMARY KEY (account, window_start_ms)
  );
)sql";

// Version 5: webhooks for the fleet's connections, queued by whichever worker received them
// and taken by the worker that holds the connection (tools/fleet/webhook_inbox.h).
constexpr std::string_view kVersion5 = R"sql(
  CREATE TABLE inbound_webhooks (
    id            bigserial PRIMARY KEY,
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    url           text   NOT NULL,
    headers       text   NOT NULL,
    body          text   NOT NULL
  );
  CREATE INDEX inbound_webhooks_by_connection ON inbound_webhooks (connection_id, id);
)sql";

// Version 6: the bounded decision log of `lpsync explain` (sync-rules section 12), per
// connection and deleted with it: per order number or productcode, what the engine decided,
// when, and the allow-listed fields. `seq` keeps the order of decisions at the same millisecond.
constexpr std::string_view kVersion6 = R"sql(
  CREATE TABLE decision_log (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connection_id bigint NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          text   NOT NULL CHECK (kind IN ('order', 'sku')),
    subject       text   NOT NULL,
    at_ms         bigint NOT NULL,
    what          text   NOT NULL,
    fields        text   NOT NULL
  );
  CREATE INDEX decision_log_by_subject ON decision_log (connection_id, kind, subject, seq);
  CREATE INDEX decision_log_by_time ON decision_log (connection_id, at_ms);
)sql";

// Version 7: the console's commands to the worker holding a connection (issue 19;
// tools/fleet/console_commands.h): waiting until taken, then kept with their answer (the
// newest 200 taken per connection; at most 100 wait).
constexpr std::string_view kVersion7 = R"sql(
  CREATE TABLE console_commands (
    id            text    PRIMARY KEY,
    connection_id bigint  NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          text    NOT NULL,
    args          text    NOT NULL,
    user_name     text    NOT NULL,
    at_ms         bigint  NOT NULL,
    taken         boolean NOT NULL DEFAULT false,
    answer        text
  );
  CREATE INDEX console_commands_by_connection ON console_commands (connection_id, taken, id);
)sql";

// Any fixed number: the advisory lock of migrations.
constexpr int64_t kMigrationLock = 0x6c707379;

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kSteps = {
      {1, "create the tables", kVersion1},
      {2, "follow imported orders", kVersion2},
      {3, "share pending quantities", kVersion3},
      {4, "share rate limits", kVersion4},
      {5, "queue webhooks", kVersion5},
      {6, "keep a decision log", kVersion6},
      {7, "queue the console's commands", kVersion7},
  };
  return kSteps;
}

int64_t current_schema_version() { return migrations().back().to_version; }

void migrate(Db& db) {
  db.write("prepare the schema", [&] {
    db.exec("prepare the schema", "SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
    db.exec("prepare the schema", "CREATE TABLE IF NOT EXISTS lpsync_schema (version bigint NOT NULL)");
  });
  for (const Migration& m : migrations()) {
    std::string what = "migrate the schema to version " + std::to_string(m.to_version) + " (" + std::string(m.what) + ")";
    db.write(what, [&] {
      db.exec(what, "SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
      pg::Rows v = db.exec(what, "SELECT coalesce(max(version), 0) FROM lpsync_schema");
      int64_t at = v.integer(0, 0);
      if (at > current_schema_version()) {
        throw StateStoreError("the database is at schema version " + std::to_string(at) + ", written by a newer lpsync "
                              "than this one (version " + std::to_string(current_schema_version()) +
                              "): run the newer lpsync, or restore a backup from before it");
      }
      if (at >= m.to_version) return;
      db.exec_script(what, std::string(m.sql));
      db.exec(what, "DELETE FROM lpsync_schema");
      db.exec(what, "INSERT INTO lpsync_schema (version) VALUES ($1)", {m.to_version});
    });
  }
}

}  // namespace lpsync::pg
