// Order links and product links in SQLite. The schema refuses a second link for a linked
// order, Picqer order, variant or productcode; that refusal is a std::logic_error here, as
// in the memory store.
#include <string>

#include "engine/state/sqlite_db.h"
#include "engine/state/sqlite_state_store.h"

namespace lpsync {
namespace {

constexpr char kOrderColumns[] =
    "ls_order_id, number, idorder, processed, imported_at_ms, allocated, cancelled, lines_digest, followed_at_ms, "
    "needs_person, pickup";
constexpr char kProductColumns[] = "variant_id, productcode, idproduct, created_by_engine, setup_done";

OrderLink order_link_of(const sqlite::Query& q) {
  return OrderLink{q.integer(0), q.text(1), q.integer(2), q.flag(3), Instant::from_unix_millis(q.integer(4)),
                   q.flag(5),    q.flag(6), q.text(7),    Instant::from_unix_millis(q.integer(8)), q.text(9),
                   q.flag(10)};
}

ProductLink product_link_of(const sqlite::Query& q) {
  return ProductLink{q.integer(0), q.text(1), q.integer(2), q.flag(3), q.flag(4)};
}

}  // namespace

std::optional<OrderLink> SqliteStateStore::order_link(int64_t ls_order_id) const {
  return db_->read("read an order link", [&]() -> std::optional<OrderLink> {
    static const std::string sql = std::string("SELECT ") + kOrderColumns + " FROM order_links WHERE ls_order_id = ?1";
    auto q = db_->query(sql.c_str());
    q.bind(1, ls_order_id);
    if (!q.next()) return std::nullopt;
    return order_link_of(q);
  });
}

void SqliteStateStore::put_order_link(const OrderLink& link) {
  db_->write("store the link of order " + link.number + " to Picqer order " + std::to_string(link.idorder), [&] {
    db_->query(
           "INSERT INTO order_links (ls_order_id, number, idorder, processed, imported_at_ms, allocated, cancelled, "
           "lines_digest, followed_at_ms, needs_person, pickup) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (ls_order_id) DO UPDATE SET "
           "number = excluded.number, idorder = excluded.idorder, processed = excluded.processed, "
           "imported_at_ms = excluded.imported_at_ms, allocated = excluded.allocated, cancelled = excluded.cancelled, "
           "lines_digest = excluded.lines_digest, followed_at_ms = excluded.followed_at_ms, "
           "needs_person = excluded.needs_person, pickup = excluded.pickup")
        .bind(1, link.ls_order_id)
        .bind(2, link.number)
        .bind(3, link.idorder)
        .bind(4, link.processed)
        .bind(5, link.imported_at.unix_millis())
        .bind(6, link.allocated)
        .bind(7, link.cancelled)
        .bind(8, link.lines_digest)
        .bind(9, link.followed_at.unix_millis())
        .bind(10, link.needs_person)
        .bind(11, link.pickup)
        .run();
  });
}

std::vector<OrderLink> SqliteStateStore::order_links() const {
  return db_->read("read the order links", [&] {
    static const std::string sql = std::string("SELECT ") + kOrderColumns + " FROM order_links ORDER BY ls_order_id";
    std::vector<OrderLink> out;
    for (auto q = db_->query(sql.c_str()); q.next();) out.push_back(order_link_of(q));
    return out;
  });
}

std::optional<ProductLink> SqliteStateStore::product_link(int64_t variant_id) const {
  return db_->read("read a product link", [&]() -> std::optional<ProductLink> {
    static const std::string sql = std::string("SELECT ") + kProductColumns + " FROM product_links WHERE variant_id = ?1";
    auto q = db_->query(sql.c_str());
    q.bind(1, variant_id);
    if (!q.next()) return std::nullopt;
    return product_link_of(q);
  });
}

std::optional<ProductLink> SqliteStateStore::product_link_by_code(const std::string& productcode) const {
  return db_->read("read a product link", [&]() -> std::optional<ProductLink> {
    static const std::string sql = std::string("SELECT ") + kProductColumns + " FROM product_links WHERE productcode = ?1";
    auto q = db_->query(sql.c_str());
    q.bind(1, productcode);
    if (!q.next()) return std::nullopt;
    return product_link_of(q);
  });
}

void SqliteStateStore::put_product_link(const ProductLink& link) {
  db_->write("store the link of variant " + std::to_string(link.variant_id) + " to productcode " + link.productcode, [&] {
    db_->query(
           "INSERT INTO product_links (variant_id, productcode, idproduct, created_by_engine, setup_done) "
           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (variant_id) DO UPDATE SET "
           "productcode = excluded.productcode, idproduct = excluded.idproduct, "
           "created_by_engine = excluded.created_by_engine, setup_done = excluded.setup_done")
        .bind(1, link.variant_id)
        .bind(2, link.productcode)
        .bind(3, link.idproduct)
        .bind(4, link.created_by_engine)
        .bind(5, link.setup_done)
        .run();
  });
}

void SqliteStateStore::remove_product_link(int64_t variant_id) {
  db_->write("remove the product link of variant " + std::to_string(variant_id), [&] {
    db_->query("DELETE FROM product_links WHERE variant_id = ?1").bind(1, variant_id).run();
  });
}

std::vector<ProductLink> SqliteStateStore::product_links_of(int64_t idproduct) const {
  return db_->read("read the links of a Picqer product", [&] {
    static const std::string sql =
        std::string("SELECT ") + kProductColumns + " FROM product_links WHERE idproduct = ?1 ORDER BY variant_id";
    std::vector<ProductLink> out;
    auto q = db_->query(sql.c_str());
    q.bind(1, idproduct);
    while (q.next()) out.push_back(product_link_of(q));
    return out;
  });
}

std::vector<ProductLink> SqliteStateStore::product_links() const {
  return db_->read("read the product links", [&] {
    static const std::string sql = std::string("SELECT ") + kProductColumns + " FROM product_links ORDER BY variant_id";
    std::vector<ProductLink> out;
    for (auto q = db_->query(sql.c_str()); q.next();) out.push_back(product_link_of(q));
    return out;
  });
}

}  // namespace lpsync
