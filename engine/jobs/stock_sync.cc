#include "engine/jobs/stock_sync.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/picqer_account.h"
#include "engine/rules/stock_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::stock;

}  // namespace

Instant StockSync::product_changed(int64_t idproduct, Instant now) {
  stale_products_.insert(idproduct);
  return now + kCoalesce;
}

Instant StockSync::variants_changed(const std::vector<int64_t>& variant_ids, Instant now) {
  changed_variants_.insert(variant_ids.begin(), variant_ids.end());
  return now + kCoalesce;
}

std::optional<Instant> StockSync::run(Instant now) {
  if (!core_.settings.pushes_stock()) {
    // Nothing is pushed while off; switching it on reconciles everything.
    stale_products_.clear();
    changed_variants_.clear();
    reconcile_due_ = true;
    return std::nullopt;
  }
  Step step = (reconcile_due_ || now >= next_reconcile_) ? reconcile(now) : push_marked();
  if (step.kind == Step::stop) return step.retry_at;
  if (!stale_products_.empty() || !changed_variants_.empty()) return now;
  return next_reconcile_;
}

int64_t StockSync::desired_for(int64_t variant_id, int64_t free) const {
  auto p = core_.pending.find(variant_id);
  return desired_stock(free, p == core_.pending.end() ? 0 : p->second);
}

std::map<int64_t, std::vector<int64_t>> StockSync::variants_by_product() const {
  std::map<int64_t, std::vector<int64_t>> out;
  for (const auto& l : core_.store.product_links()) {
    if (l.setup_done) out[l.idproduct].push_back(l.variant_id);
  }
  return out;
}

Step StockSync::push(int64_t variant_id, int64_t desired, std::optional<int64_t> shop_has) {
  if (shop_has && *shop_has == desired) return Step::ok();
  LightspeedWrites* writes = core_.lightspeed_writes();
  if (!writes) return Step::ok();  // settings changed under us; the next run reconciles
  auto put = writes->set_stock_level(kP, variant_id, desired);
  if (!put.ok()) {
    if (put.outcome == CallOutcome::not_found) return Step::ok();  // the variant was deleted
    return step_for(core_, backoff_, put);
  }
  core_.store.put_shop_stock(variant_id, desired);
  ++core_.report.stock_pushes;
  core_.decide("stock_pushed", {{"variant", variant_id}, {"stockLevel", desired}});
  return Step::ok();
}

Step StockSync::push_marked() {
  auto by_product = variants_by_product();
  if (!core_.account.loaded) {
    if (Step s = load_picqer_account(core_, backoff_, kP); !s.is_done()) return s;
  }
  std::vector<int64_t> warehouses = stock_warehouse_ids(core_.settings, core_.account.warehouses);
  // Variants whose pending changed: their product's free stock is known, or read now.
  for (int64_t v : changed_variants_) {
    if (auto link = core_.store.product_link(v); link && !free_.count(link->idproduct)) {
      stale_products_.insert(link->idproduct);
    }
  }
  while (!stale_products_.empty()) {
    int64_t idproduct = *stale_products_.begin();
    if (by_product.count(idproduct)) {
      auto rows = core_.picqer.product_stock(kP, idproduct);
      if (!rows.ok() && rows.outcome != CallOutcome::not_found) return step_for(core_, backoff_, rows);
      free_[idproduct] = rows.ok() ? free_stock(rows.value, idproduct, warehouses) : 0;
      for (int64_t v : by_product[idproduct]) changed_variants_.insert(v);
    }
    stale_products_.erase(stale_products_.begin());
  }
  while (!changed_variants_.empty()) {
    int64_t v = *changed_variants_.begin();
    auto link = core_.store.product_link(v);
    if (link && link->setup_done && free_.count(link->idproduct)) {
      if (Step s = push(v, desired_for(v, free_[link->idproduct]), core_.store.shop_stock(v)); !s.is_done()) {
        return s;
      }
    }
    changed_variants_.erase(changed_variants_.begin());
  }
  backoff_.succeeded();
  return Step::ok();
}

Step StockSync::reconcile(Instant now) {
  if (Step s = load_picqer_account(core_, backoff_, kP); !s.is_done()) return s;
  std::vector<int64_t> warehouses = stock_warehouse_ids(core_.settings, core_.account.warehouses);
  std::vector<pq::StockRow> rows;
  for (int64_t w : warehouses) {
    for (int64_t offset = 0;; offset += kPicqerPageSize) {
      auto page = core_.picqer.warehouse_stock(kP, w, offset);
      if (!page.ok()) return step_for(core_, backoff_, page);
      rows.insert(rows.end(), page.value.begin(), page.value.end());
      if (page.value.size() < static_cast<size_t>(kPicqerPageSize)) break;
    }
  }
  // Both sides whole: the shop's current levels come with a full scan of its variants.
  if (Step s = scan_catalog(core_, backoff_, kP); !s.is_done()) return s;

  // Links whose variant is gone or no longer has this unique SKU are dropped: such variants
  // are never linked (section 3).
  for (const auto& link : core_.store.product_links()) {
    const ls::Variant* v = core_.catalog.variant(link.variant_id);
    SkuStatus st = v ? core_.catalog.skus().status(link.variant_id) : SkuStatus{SkuProblem::missing_sku, ""};
    if (!v || st.problem || st.sku != link.productcode) {
      core_.store.remove_product_link(link.variant_id);
      core_.decide("product_unlinked", {{"variant", link.variant_id}, {"productcode", link.productcode}});
    }
  }
  // Products the merchant entered in Picqer with a matching productcode are linked.
  for (const auto& r : rows) {
    auto v = core_.catalog.skus().unique_variant(r.productcode);
    if (!v) continue;
    auto link = core_.store.product_link(*v);
    if (!link || link->productcode != r.productcode) products_.link_existing(*v, r.productcode, r.idproduct);
  }
  free_.clear();
  for (const auto& link : core_.store.product_links()) {
    free_[link.idproduct] = free_stock(rows, link.idproduct, warehouses);
  }
  for (const auto& link : core_.store.product_links()) {
    const ls::Variant* v = core_.catalog.variant(link.variant_id);
    // A created product without its base stock yet would push 0 over the shop's count,
    // which the base stock is then read from; it is pushed once its set-up is done.
    if (!v || !link.setup_done) continue;
    int64_t desired = desired_for(link.variant_id, free_[link.idproduct]);
    if (Step s = push(link.variant_id, desired, v->stock_level); !s.is_done()) return s;
    core_.store.put_shop_stock(link.variant_id, desired);
  }
  stale_products_.clear();
  changed_variants_.clear();
  reconcile_due_ = false;
  next_reconcile_ = now + kReconcileEvery;
  backoff_.succeeded();
  core_.decide("stock_reconciled", {{"linked", core_.store.product_links().size()}});
  return Step::ok();
}

}  // namespace lpsync
