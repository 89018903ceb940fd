// Shipment pushes in SQLite: one row per Picqer shipment, and a shop shipment marked
// shipped for one Picqer shipment only (a partial unique index).
#include <string>

#include "engine/state/sqlite_db.h"
#include "engine/state/sqlite_state_store.h"

namespace lpsync {
namespace {

ShipmentPush shipment_push_of(const sqlite::Query& q) {
  return ShipmentPush{q.integer(0), q.integer(1), q.integer(2), q.text(3), q.flag(4),
                      Instant::from_unix_millis(q.integer(5))};
}

}  // namespace

std::optional<ShipmentPush> SqliteStateStore::shipment_push(int64_t idshipment) const {
  return db_->read("read a shipment push", [&]() -> std::optional<ShipmentPush> {
    auto q = db_->query(
        "SELECT idshipment, ls_order_id, ls_shipment_id, trackingcode, pushed, at_ms FROM shipment_pushes "
        "WHERE idshipment = ?1");
    q.bind(1, idshipment);
    if (!q.next()) return std::nullopt;
    return shipment_push_of(q);
  });
}

void SqliteStateStore::put_shipment_push(const ShipmentPush& push) {
  db_->write("store the push of Picqer shipment " + std::to_string(push.idshipment), [&] {
    db_->query(
           "INSERT INTO shipment_pushes (idshipment, ls_order_id, ls_shipment_id, trackingcode, pushed, at_ms) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (idshipment) DO UPDATE SET "
           "ls_order_id = excluded.ls_order_id, ls_shipment_id = excluded.ls_shipment_id, "
           "trackingcode = excluded.trackingcode, pushed = excluded.pushed, at_ms = excluded.at_ms")
        .bind(1, push.idshipment)
        .bind(2, push.ls_order_id)
        .bind(3, push.ls_shipment_id)
        .bind(4, push.trackingcode)
        .bind(5, push.pushed)
        .bind(6, push.at.unix_millis())
        .run();
  });
}

std::vector<ShipmentPush> SqliteStateStore::shipment_pushes() const {
  return db_->read("read the shipment pushes", [&] {
    std::vector<ShipmentPush> out;
    auto q = db_->query(
        "SELECT idshipment, ls_order_id, ls_shipment_id, trackingcode, pushed, at_ms FROM shipment_pushes "
        "ORDER BY idshipment");
    while (q.next()) out.push_back(shipment_push_of(q));
    return out;
  });
}

}  // namespace lpsync
