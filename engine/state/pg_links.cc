// Order links, product links, intents and shipment pushes in PostgreSQL. The schema refuses
// a second link for a linked order, Picqer order, variant, productcode or shop shipment; that
// refusal is a std::logic_error here, as in the other stores.
#include <stdexcept>
#include <string>

#include "engine/state/pg_db.h"
#include "engine/state/pg_state_store.h"
#include "engine/state/state_words.h"

namespace lpsync {
namespace {

constexpr char kOrderColumns[] =
    "ls_order_id, number, idorder, processed, imported_at_ms, allocated, cancelled, lines_digest, followed_at_ms, "
    "needs_person, pickup";
constexpr char kProductColumns[] = "variant_id, productcode, idproduct, created_by_engine, setup_done";
constexpr char kShipmentColumns[] = "idshipment, ls_order_id, ls_shipment_id, trackingcode, pushed, at_ms";

std::vector<OrderLink> order_links_of(const pg::Rows& r) {
  std::vector<OrderLink> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.integer(i, 0), *r.text(i, 1), r.integer(i, 2), r.flag(i, 3), Instant::from_unix_millis(r.integer(i, 4)),
                   r.flag(i, 5), r.flag(i, 6), *r.text(i, 7), Instant::from_unix_millis(r.integer(i, 8)), *r.text(i, 9),
                   r.flag(i, 10)});
  }
  return out;
}

std::vector<ProductLink> product_links_of_rows(const pg::Rows& r) {
  std::vector<ProductLink> out;
  for (int i = 0; i < r.size(); ++i) out.push_back({r.integer(i, 0), *r.text(i, 1), r.integer(i, 2), r.flag(i, 3), r.flag(i, 4)});
  return out;
}

std::vector<ShipmentPush> shipment_pushes_of(const pg::Rows& r) {
  std::vector<ShipmentPush> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.integer(i, 0), r.integer(i, 1), r.integer(i, 2), *r.text(i, 3), r.flag(i, 4),
                   Instant::from_unix_millis(r.integer(i, 5))});
  }
  return out;
}

template <typename T>
std::optional<T> first(std::vector<T> all) {
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

}  // namespace

std::optional<OrderLink> PgStateStore::order_link(int64_t ls_order_id) const {
  return first(order_links_of(db_->exec("read an order link",
                                        std::string("SELECT ") + kOrderColumns +
                                            " FROM order_links WHERE connection_id = $1 AND ls_order_id = $2",
                                        {lease_.connection_id, ls_order_id})));
}

void PgStateStore::put_order_link(const OrderLink& link) {
  std::string what = "store the link of order " + link.number + " to Picqer order " + std::to_string(link.idorder);
  write(what, [&] {
    // An update may change anything but the Picqer order a Lightspeed order is linked to.
    pg::Rows r = db_->exec(what,
                           "INSERT INTO order_links (connection_id, ls_order_id, number, idorder, processed, imported_at_ms, "
                           "allocated, cancelled, lines_digest, followed_at_ms, needs_person, pickup) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                           "ON CONFLICT (connection_id, ls_order_id) DO UPDATE SET "
                           "number = excluded.number, processed = excluded.processed, imported_at_ms = excluded.imported_at_ms, "
                           "allocated = excluded.allocated, cancelled = excluded.cancelled, "
                           "lines_digest = excluded.lines_digest, followed_at_ms = excluded.followed_at_ms, "
                           "needs_person = excluded.needs_person, pickup = excluded.pickup "
                           "WHERE order_links.idorder = excluded.idorder",
                           {lease_.connection_id, link.ls_order_id, link.number, link.idorder, link.processed,
                            link.imported_at.unix_millis(), link.allocated, link.cancelled, link.lines_digest,
                            link.followed_at.unix_millis(), link.needs_person, link.pickup});
    if (r.changed() == 0) throw std::logic_error("order " + link.number + " is already linked to another Picqer order");
  });
}

std::vector<OrderLink> PgStateStore::order_links() const {
  return order_links_of(db_->exec("read the order links",
                                  std::string("SELECT ") + kOrderColumns +
                                      " FROM order_links WHERE connection_id = $1 ORDER BY ls_order_id",
                                  {lease_.connection_id}));
}

std::optional<ProductLink> PgStateStore::product_link(int64_t variant_id) const {
  return first(product_links_of_rows(db_->exec(
      "read a product link",
      std::string("SELECT ") + kProductColumns + " FROM product_links WHERE connection_id = $1 AND variant_id = $2",
      {lease_.connection_id, variant_id})));
}

std::optional<ProductLink> PgStateStore::product_link_by_code(const std::string& productcode) const {
  return first(product_links_of_rows(db_->exec(
      "read a product link",
      std::string("SELECT ") + kProductColumns + " FROM product_links WHERE connection_id = $1 AND productcode = $2",
      {lease_.connection_id, productcode})));
}

void PgStateStore::put_product_link(const ProductLink& link) {
  std::string what = "store the link of variant " + std::to_string(link.variant_id) + " to Picqer product " + link.productcode;
  write(what, [&] {
    db_->exec(what,
              "INSERT INTO product_links (connection_id, variant_id, productcode, idproduct, created_by_engine, setup_done) "
              "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (connection_id, variant_id) DO UPDATE SET "
              "productcode = excluded.productcode, idproduct = excluded.idproduct, "
              "created_by_engine = excluded.created_by_engine, setup_done = excluded.setup_done",
              {lease_.connection_id, link.variant_id, link.productcode, link.idproduct, link.created_by_engine,
               link.setup_done});
  });
}

void PgStateStore::remove_product_link(int64_t variant_id) {
  write("remove the link of variant " + std::to_string(variant_id), [&] {
    db_->exec("remove a product link", "DELETE FROM product_links WHERE connection_id = $1 AND variant_id = $2",
              {lease_.connection_id, variant_id});
  });
}

std::vector<ProductLink> PgStateStore::product_links() const {
  return product_links_of_rows(db_->exec(
      "read the product links",
      std::string("SELECT ") + kProductColumns + " FROM product_links WHERE connection_id = $1 ORDER BY variant_id",
      {lease_.connection_id}));
}

std::vector<ProductLink> PgStateStore::product_links_of(int64_t idproduct) const {
  return product_links_of_rows(db_->exec("read the links of a Picqer product",
                                         std::string("SELECT ") + kProductColumns +
                                             " FROM product_links WHERE connection_id = $1 AND idproduct = $2 "
                                             "ORDER BY variant_id",
                                         {lease_.connection_id, idproduct}));
}

void PgStateStore::begin_intent(const Intent& intent) {
  std::string what = "record the intent to " + std::string(to_string(intent.kind)) + " " + intent.key;
  write(what, [&] {
    db_->exec(what,
              "INSERT INTO intents (connection_id, kind, key, started_at_ms) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT (connection_id, kind, key) DO UPDATE SET started_at_ms = excluded.started_at_ms",
              {lease_.connection_id, to_string(intent.kind), intent.key, intent.started_at.unix_millis()});
  });
}

void PgStateStore::end_intent(IntentKind kind, const std::string& key) {
  std::string what = "end the intent to " + std::string(to_string(kind)) + " " + key;
  write(what, [&] {
    db_->exec(what, "DELETE FROM intents WHERE connection_id = $1 AND kind = $2 AND key = $3",
              {lease_.connection_id, to_string(kind), key});
  });
}

std::vector<Intent> PgStateStore::intents() const {
  pg::Rows r = db_->exec("read the intents",
                         "SELECT kind, key, started_at_ms FROM intents WHERE connection_id = $1 ORDER BY kind, key",
                         {lease_.connection_id});
  std::vector<Intent> out;
  for (int i = 0; i < r.size(); ++i) {
    auto kind = parse_intent_kind(*r.text(i, 0));
    if (!kind) throw StateStoreError("an intent in PostgreSQL has an unknown kind '" + *r.text(i, 0) + "'");
    out.push_back({*kind, *r.text(i, 1), Instant::from_unix_millis(r.integer(i, 2))});
  }
  return out;
}

std::optional<ShipmentPush> PgStateStore::shipment_push(int64_t idshipment) const {
  return first(shipment_pushes_of(db_->exec(
      "read a shipment push",
      std::string("SELECT ") + kShipmentColumns + " FROM shipment_pushes WHERE connection_id = $1 AND idshipment = $2",
      {lease_.connection_id, idshipment})));
}

void PgStateStore::put_shipment_push(const ShipmentPush& push) {
  std::string what = "store the push of Picqer shipment " + std::to_string(push.idshipment);
  write(what, [&] {
    db_->exec(what,
              "INSERT INTO shipment_pushes (connection_id, idshipment, ls_order_id, ls_shipment_id, trackingcode, pushed, at_ms) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (connection_id, idshipment) DO UPDATE SET "
              "ls_order_id = excluded.ls_order_id, ls_shipment_id = excluded.ls_shipment_id, "
              "trackingcode = excluded.trackingcode, pushed = excluded.pushed, at_ms = excluded.at_ms",
              {lease_.connection_id, push.idshipment, push.ls_order_id, push.ls_shipment_id, push.trackingcode, push.pushed,
               push.at.unix_millis()});
  });
}

std::vector<ShipmentPush> PgStateStore::shipment_pushes() const {
  return shipment_pushes_of(db_->exec(
      "read the shipment pushes",
      std::string("SELECT ") + kShipmentColumns + " FROM shipment_pushes WHERE connection_id = $1 ORDER BY idshipment",
      {lease_.connection_id}));
}

}  // namespace lpsync
