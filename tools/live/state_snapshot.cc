#include "tools/live/state_snapshot.h"

#include "engine/env/json.h"
#include "engine/state/state_words.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

int64_t ms(Instant t) { return t.unix_millis(); }
Instant at(const json::Reader& r, std::string_view key) { return Instant::from_unix_millis(r.int_at(key)); }

bj::object bulk_json(const BulkImport& b) {
  bj::array skipped;
  for (const auto& s : b.skipped) {
    bj::array sharing;
    for (int64_t v : s.sharing) sharing.push_back(v);
    skipped.push_back(bj::object{{"variant_id", s.variant_id}, {"reason", to_string(s.reason)}, {"sharing", sharing}});
  }
  return bj::object{{"running", b.running},
                    {"finished", b.finished},
                    {"total", b.total},
                    {"done", b.done},
                    {"last_variant_id", b.last_variant_id},
                    {"linked", b.linked},
                    {"created", b.created},
                    {"setting_up_variant_id", b.setting_up_variant_id},
                    {"skipped", skipped},
                    {"started_at_ms", ms(b.started_at)},
                    {"finished_at_ms", ms(b.finished_at)}};
}

BulkImport bulk_from(const json::Reader& r) {
  BulkImport b;
  b.running = r.bool_at("running");
  b.finished = r.bool_at("finished");
  b.total = r.int_at("total");
  b.done = r.int_at("done");
  b.last_variant_id = r.int_at("last_variant_id");
  b.linked = r.int_at("linked");
  b.created = r.int_at("created");
  b.setting_up_variant_id = r.int_at("setting_up_variant_id");
  for (const auto& s : r.field("skipped").items()) {
    SkippedVariant v;
    v.variant_id = s.int_at("variant_id");
    auto reason = parse_sku_problem(s.string_at("reason"));
    if (!reason) s.field("reason").fail("not a skip reason");
    v.reason = *reason;
    for (const auto& x : s.field("sharing").items()) v.sharing.push_back(x.as_int());
    b.skipped.push_back(std::move(v));
  }
  b.started_at = at(r, "started_at_ms");
  b.finished_at = at(r, "finished_at_ms");
  return b;
}

}  // namespace

bj::object state_snapshot(const StateStore& store) {
  bj::array orders, products, intents, held, stock, shipments;
  for (const auto& l : store.order_links()) {
    orders.push_back(bj::object{{"ls_order_id", l.ls_order_id},
                                {"number", l.number},
                                {"idorder", l.idorder},
                                {"processed", l.processed},
                                {"imported_at_ms", ms(l.imported_at)},
                                {"allocated", l.allocated},
                                {"cancelled", l.cancelled},
                                {"lines_digest", l.lines_digest},
                                {"followed_at_ms", ms(l.followed_at)},
                                {"needs_person", l.needs_person},
                                {"pickup", l.pickup}});
  }
  for (const auto& l : store.product_links()) {
    products.push_back(bj::object{{"variant_id", l.variant_id},
                                  {"productcode", l.productcode},
                                  {"idproduct", l.idproduct},
                                  {"created_by_engine", l.created_by_engine},
                                  {"setup_done", l.setup_done}});
    if (auto level = store.shop_stock(l.variant_id)) {
      stock.push_back(bj::object{{"variant_id", l.variant_id}, {"level", *level}});
    }
  }
  for (const auto& i : store.intents()) {
    intents.push_back(bj::object{{"kind", to_string(i.kind)}, {"key", i.key}, {"started_at_ms", ms(i.started_at)}});
  }
  for (const auto& h : store.held()) {
    held.push_back(bj::object{{"ls_order_id", h.ls_order_id},
                              {"number", h.number},
                              {"reason", to_string(h.reason)},
                              {"decided_at_ms", ms(h.decided_at)}});
  }
  for (const auto& p : store.shipment_pushes()) {
    shipments.push_back(bj::object{{"idshipment", p.idshipment},
                                   {"ls_order_id", p.ls_order_id},
                                   {"ls_shipment_id", p.ls_shipment_id},
                                   {"trackingcode", p.trackingcode},
                                   {"pushed", p.pushed},
                                   {"at_ms", ms(p.at)}});
  }
  bj::array secrets;
  for (const char* name : kEngineSecretValues) {
    if (auto v = store.value(name); v && !v->empty()) secrets.push_back(bj::string(name));
  }
  return bj::object{{"order_links", orders},      {"product_links", products},  {"intents", intents},
                    {"held", held},               {"shop_stock", stock},        {"shipment_pushes", shipments},
                    {"bulk_import", bulk_json(store.bulk_import())}, {"secret_values", secrets}};
}

void restore_state(const bj::object& snapshot, StateStore& into) {
  bj::value doc = snapshot;
  json::Reader r(doc, "$.state");
  into.atomically([&] {
    for (const auto& o : r.field("order_links").items()) {
      // The fields after imported_at_ms came with schema 3: a cassette from before has none.
      into.put_order_link({o.int_at("ls_order_id"), o.string_at("number"), o.int_at("idorder"), o.bool_at("processed"),
                           at(o, "imported_at_ms"), o.flag_or("allocated", false), o.flag_or("cancelled", false),
                           o.text_or_empty("lines_digest"), Instant::from_unix_millis(o.int_or_zero("followed_at_ms")),
                           o.text_or_empty("needs_person"), o.flag_or("pickup", false)});
    }
    for (const auto& p : r.field("product_links").items()) {
      into.put_product_link({p.int_at("variant_id"), p.string_at("productcode"), p.int_at("idproduct"),
                             p.bool_at("created_by_engine"), p.bool_at("setup_done")});
    }
    for (const auto& s : r.field("shop_stock").items()) into.put_shop_stock(s.int_at("variant_id"), s.int_at("level"));
    for (const auto& i : r.field("intents").items()) {
      auto kind = parse_intent_kind(i.string_at("kind"));
      if (!kind) i.field("kind").fail("not an intent kind");
      into.begin_intent({*kind, i.string_at("key"), at(i, "started_at_ms")});
    }
    std::vector<HeldOrder> held;
    for (const auto& h : r.field("held").items()) {
      auto reason = parse_held_reason(h.string_at("reason"));
      if (!reason) h.field("reason").fail("not a held reason");
      held.push_back({h.int_at("ls_order_id"), h.string_at("number"), *reason, at(h, "decided_at_ms")});
    }
    into.put_held(held);
    for (const auto& p : r.field("shipment_pushes").items()) {
      into.put_shipment_push({p.int_at("idshipment"), p.int_at("ls_order_id"), p.int_at("ls_shipment_id"),
                              p.string_at("trackingcode"), p.bool_at("pushed"), at(p, "at_ms")});
    }
    into.put_bulk_import(bulk_from(r.field("bulk_import")));
    for (const auto& name : r.field("secret_values").items()) {
      into.put_value(name.as_string(), "replay-stand-in:" + name.as_string());
    }
  });
}

void copy_state(const StateStore& from, StateStore& into) {
  into.atomically([&] {
    restore_state(state_snapshot(from), into);
    for (const auto& key : from.value_keys()) {  // secrets and the app installation's values too
      if (auto v = from.value(key)) into.put_value(key, *v);
    }
  });
}

}  // namespace lpsync::live
