#include "engine/jobs/stock_sync.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/picqer_account.h"
#include "engine/rules/link_rules.h"
#include "engine/rules/shared_pending_rules.h"
#include "engine/rules/stock_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::stock;

}  // namespace

// A queue at its cap takes no new ids: a full reconciliation sets every linked variant anyway.
bool StockSync::queue_full(size_t size) {
  if (size < basics_.limits.queued) return false;
  basics_.report.problem("queue_cap:stock", "more than " + std::to_string(basics_.limits.queued) +
                                              " stock changes wait to be pushed; lpsync dropped the ones past "
                                              "them (queue cap) and reconciles all stock next instead");
  reconcile_due_ = true;
  return true;
}

bool StockSync::needs_read(int64_t idproduct, const std::vector<pq::StockRow>& noticed) const {
  // The stock warehouses are known once the account was read (the first reconciliation).
  if (!parts_.account.account.loaded) return true;
  int64_t free = free_stock(noticed, idproduct, stock_warehouse_ids(basics_.settings, parts_.account.account.warehouses));
  std::vector<NoticedLevel> levels;
  for (const auto& link : parts_.links.product_links_of(idproduct)) {
    if (!link.setup_done) continue;  // not pushed before its set-up is done
    levels.push_back({desired_for(link.variant_id, free), parts_.catalog.shop_stock.shop_stock(link.variant_id)});
  }
  return notice_asks_for_push(levels);
}

Instant StockSync::product_changed(int64_t idproduct, Instant now, const std::optional<std::vector<pq::StockRow>>& noticed) {
  if (noticed && basics_.tuning.coalesce_stock && !needs_read(idproduct, *noticed)) {
    free_.erase(idproduct);  // a later change of the pending quantities reads it afresh
    return now + kCoalesce;
  }
  if (queue_full(stale_products_.size())) return now;
  stale_products_.insert(idproduct);
  return basics_.tuning.coalesce_stock ? now + kCoalesce : now;
}

Instant StockSync::variants_changed(const std::vector<int64_t>& variant_ids, Instant now) {
  if (queue_full(changed_variants_.size() + variant_ids.size())) return now;
  changed_variants_.insert(variant_ids.begin(), variant_ids.end());
  return now + kCoalesce;
}

std::optional<Instant> StockSync::run(Instant now) {
  if (!basics_.settings.pushes_stock()) {
    // Nothing is pushed while off; switching it on reconciles everything.
    stale_products_.clear();
    changed_variants_.clear();
    reconcile_due_ = true;
    return std::nullopt;
  }
  bool reconciling = reconcile_due_ || now >= next_reconcile_;
  Step step = reconciling ? reconcile(now) : push_marked();
  if (step.kind == Step::stop) return step.retry_at;
  if (reconciling && step.kind == Step::failed) {
    // Reading everything failed for good (e.g. a page cap): nothing pushed from half a
    // picture; reported, and tried again at the next reconciliation.
    basics_.report.problem("stock_reconciliation", step.message);
    reconciliation_.reset();
    reconcile_due_ = false;
    next_reconcile_ = now + kReconcileEvery;
    return next_reconcile_;
  }
  // A failed step (no VAT group, a refused request) is not retried at once: that would
  // send the same request again and again within the same instant.
  if (step.kind == Step::failed) return backoff_.after_failure(now, basics_.random);
  if (!stale_products_.empty() || !changed_variants_.empty()) return now;
  return next_reconcile_;
}

int64_t StockSync::desired_for(int64_t variant_id, int64_t free) const {
  // Section 4: this shop's pending and, on a shared Picqer account, the other shops'.
  return desired_stock_shared(free, parts_.pending.of(variant_id), parts_.pending.others_of(variant_id));
}

bool StockSync::counted(int64_t variant_id, bool picqer_unlimited) {
  const ls::Variant* v = parts_.catalog.catalog.variant(variant_id);
  std::optional<NotCounted> why = v ? stock_not_counted(*v, picqer_unlimited) : std::nullopt;
  if (!why) return true;
  if (not_counted_reported_.insert(variant_id).second) {
    basics_.report.note("Variant " + std::to_string(variant_id) + " (" + v->sku + ") gets no stock from Picqer: " +
                        (*why == NotCounted::shop_does_not_track
                             ? "the shop does not count its stock (stockTracking is disabled); switch stock "
                               "tracking on for it in the shop if Picqer should set its stock"
                             : "its Picqer product has unlimited stock"));
    basics_.decide("stock_not_counted", {{"variant", variant_id}, {"reason", to_string(*why)}});
  }
  return false;
}

Step StockSync::push(int64_t variant_id, int64_t desired, std::optional<int64_t> shop_has) {
  if (shop_has && *shop_has == desired) return Step::ok();
  bool unlimited = false;
  if (auto link = parts_.links.product_link(variant_id)) {
    StepWith<bool> read = products_.unlimited(*link, kP);
    if (!read.is_done()) return read;
    unlimited = read.value;
  }
  if (!counted(variant_id, unlimited)) return Step::ok();  // section 4 "Never pushed"
  LightspeedWrites* writes = parts_.shop_writes.get();
  if (!writes) return Step::ok();  // settings changed under us; the next run reconciles
  auto put = writes->set_stock_level(kP, variant_id, desired);
  if (!put.ok()) {
    if (put.outcome == CallOutcome::not_found) return Step::ok();  // the variant was deleted
    return step_for(basics_, backoff_, put);
  }
  parts_.catalog.shop_stock.put_shop_stock(variant_id, desired);
  ++basics_.report.stock_pushes;
  basics_.decide("stock_pushed", {{"variant", variant_id}, {"stockLevel", desired}});
  return Step::ok();
}

Step StockSync::push_marked() {
  if (!parts_.account.account.loaded) {
    if (Step s = load_picqer_account(basics_, parts_.account, backoff_, kP); !s.is_done()) return s;
  }
  std::vector<int64_t> warehouses = stock_warehouse_ids(basics_.settings, parts_.account.account.warehouses);
  // Variants whose pending changed: their product's free stock is known, or read now.
  for (int64_t v : changed_variants_) {
    if (auto link = parts_.links.product_link(v); link && !free_.count(link->idproduct)) {
      stale_products_.insert(link->idproduct);
    }
  }
  while (!stale_products_.empty()) {
    int64_t idproduct = *stale_products_.begin();
    if (auto links = parts_.links.product_links_of(idproduct); !links.empty()) {
      auto rows = parts_.account.picqer.product_stock(kP, idproduct);
      if (!rows.ok() && rows.outcome != CallOutcome::not_found) return step_for(basics_, backoff_, rows);
      free_[idproduct] = rows.ok() ? free_stock(rows.value, idproduct, warehouses) : 0;
      for (const auto& l : links) changed_variants_.insert(l.variant_id);
    }
    stale_products_.erase(stale_products_.begin());
  }
  while (!changed_variants_.empty()) {
    int64_t v = *changed_variants_.begin();
    auto link = parts_.links.product_link(v);
    if (link && link->setup_done && free_.count(link->idproduct)) {
      if (Step s = push(v, desired_for(v, free_[link->idproduct]), parts_.catalog.shop_stock.shop_stock(v)); !s.is_done()) {
        return s;
      }
    }
    changed_variants_.erase(changed_variants_.begin());
  }
  backoff_.succeeded();
  return Step::ok();
}

Step StockSync::read_both_sides(Reconciliation& r) {
  if (r.warehouses.empty() && r.warehouse == 0 && r.rows.empty()) {
    if (Step s = load_picqer_account(basics_, parts_.account, backoff_, kP); !s.is_done()) return s;
    r.warehouses = stock_warehouse_ids(basics_.settings, parts_.account.account.warehouses);
    for (const auto& link : parts_.links.product_links()) {
      if (auto level = parts_.catalog.shop_stock.shop_stock(link.variant_id)) r.known_before[link.variant_id] = *level;
    }
  }
  for (; r.warehouse < r.warehouses.size(); ++r.warehouse, r.offset = 0, r.pages = 0, r.last_page.clear()) {
    if (Step s = read_warehouse(r); !s.is_done()) return s;
  }
  identify_rows(r.rows);
  // Both sides whole: the shop's current levels come with a full scan of its variants.
  if (Step s = scan_catalog(basics_, parts_.catalog, backoff_, kP); !s.is_done()) return s;
  r.read = true;
  return Step::ok();
}

Step StockSync::read_warehouse(Reconciliation& r) {
  int64_t idwarehouse = r.warehouses[r.warehouse];
  while (true) {
    if (r.pages == basics_.limits.picqer_pages) {
      return Step::item_failed("Picqer warehouse " + std::to_string(idwarehouse) + " lists more than " +
                               std::to_string(basics_.limits.picqer_pages) + " pages of stock; stopped reading (page cap)");
    }
    auto page = parts_.account.picqer.warehouse_stock(kP, idwarehouse, r.offset);
    if (!page.ok()) return step_for(basics_, backoff_, page);
    ++r.pages;
    // A page equal to the one before: the API ignores `offset`; its rows are in already, and
    // the rows after them cannot be read this way.
    if (!page.value.empty() && page.value == r.last_page) {
      r.incomplete = true;
      basics_.report.problem("stock_listing:" + std::to_string(idwarehouse),
                           "Picqer answered the same page of GET /warehouses/" + std::to_string(idwarehouse) +
                               "/stock for another offset: only its first rows could be read, so stock is "
                               "reconciled for the products on them only");
      return Step::ok();
    }
    r.rows.insert(r.rows.end(), page.value.begin(), page.value.end());
    if (page.value.size() < static_cast<size_t>(kPicqerPageSize)) {
      basics_.report.resolved("stock_listing:" + std::to_string(idwarehouse));
      return Step::ok();
    }
    r.last_page = std::move(page.value);
    r.offset += kPicqerPageSize;
  }
}

void StockSync::identify_rows(std::vector<pq::StockRow>& rows) const {
  std::map<std::string, int64_t> by_code;
  for (const auto& link : parts_.links.product_links()) by_code.emplace(link.productcode, link.idproduct);
  std::erase_if(rows, [&](pq::StockRow& row) {
    if (row.idproduct != 0) return false;
    auto it = by_code.find(row.productcode);
    if (it == by_code.end()) return true;
    row.idproduct = it->second;
    return false;
  });
}

bool StockSync::shop_sold_unseen_stock(const Reconciliation& r) const {
  for (const auto& [variant, known] : r.known_before) {
    const ls::Variant* v = parts_.catalog.catalog.variant(variant);
    if (v && v->stock_level < known) return true;
  }
  return false;
}

Step StockSync::read_product_types(Reconciliation& r) {
  if (!r.types_decided) {
    // The listing's pages, estimated from the products the stock listing named.
    size_t pages = r.products_listed / kPicqerPageSize + 1;
    ProductTypes read = product_types_read(types_read_at_, r.started, r.links, pages);
    r.types_decided = true;
    r.types_read = read == ProductTypes::keep;
    if (read != ProductTypes::keep) {
      // Types not listed again (a product made inactive, say) are looked up by code.
      products_.forget_product_types();
      types_read_at_ = r.started;
      r.types_read = read == ProductTypes::forget;
    }
  }
  while (!r.types_read) {
    if (r.types_offset >= static_cast<int64_t>(basics_.limits.picqer_pages) * kPicqerPageSize) break;  // page cap
    auto page = parts_.account.picqer.products(kP, r.types_offset, false);
    if (!page.ok()) return step_for(basics_, backoff_, page);
    for (const auto& p : page.value) products_.note_product(p);
    r.types_offset += kPicqerPageSize;
    r.types_read = page.value.size() < static_cast<size_t>(kPicqerPageSize);
  }
  return Step::ok();
}

Step StockSync::reconcile(Instant now) {
  if (!reconciliation_) reconciliation_ = Reconciliation{now};
  Reconciliation& r = *reconciliation_;
  if (!r.read) {
    if (Step s = read_both_sides(r); !s.is_done()) return s;
  }
  // The shop's stock went down by itself: an order came in that the last poll did not
  // see. Poll first (the order job runs before this one at the same instant), or the push
  // would overwrite the shop's count upward and sell those items twice.
  if (!r.poll_requested && basics_.report.last_order_poll < r.started && shop_sold_unseen_stock(r) &&
      request_order_poll) {
    r.poll_requested = true;
    request_order_poll();
    return Step::stop_until(now, "an order poll first");
  }
  if (r.pushes.empty() && r.next_push == 0) {
    // Links that no longer hold are dropped: such variants are never linked (section 3).
    std::map<int64_t, std::string> linked;
    for (const auto& link : parts_.links.product_links()) {
      if (link_holds(parts_.catalog.catalog.skus(), link.variant_id, link.productcode)) {
        linked.emplace(link.variant_id, link.productcode);
        continue;
      }
      parts_.links.remove_product_link(link.variant_id);
      basics_.decide("product_unlinked", {{"variant", link.variant_id}, {"productcode", link.productcode}});
    }
    // Products the merchant entered in Picqer with a matching productcode are linked.
    for (const auto& l : links_to_make(parts_.catalog.catalog.skus(), r.rows, std::move(linked))) {
      products_.link_existing(l.variant_id, l.productcode, l.idproduct);
    }
    free_ = free_stock_by_product(r.rows, r.warehouses);
    std::set<int64_t> listed;
    for (const auto& row : r.rows) listed.insert(row.idproduct);
    r.products_listed = listed.size();
    std::vector<ProductLink> links = parts_.links.product_links();
    r.links = links.size();
    for (const auto& link : links) {
      if (!link_reconciles_stock(link.setup_done, listed.count(link.idproduct) > 0, !r.incomplete)) continue;
      if (const ls::Variant* v = parts_.catalog.catalog.variant(link.variant_id)) {
        parts_.catalog.shop_stock.put_shop_stock(link.variant_id, v->stock_level);
        r.pushes.push_back({link.variant_id, desired_for(link.variant_id, free_[link.idproduct])});
      }
    }
  }
  if (Step s = read_product_types(r); !s.is_done()) return s;
  for (; r.next_push < r.pushes.size(); ++r.next_push) {
    auto [variant, desired] = r.pushes[r.next_push];
    if (Step s = push(variant, desired, parts_.catalog.shop_stock.shop_stock(variant)); !s.is_done()) return s;
  }
  stale_products_.clear();
  changed_variants_.clear();
  reconcile_due_ = false;
  reconciliation_.reset();
  next_reconcile_ = now + kReconcileEvery;
  backoff_.succeeded();
  basics_.report.resolved("stock_reconciliation");
  basics_.decide("stock_reconciled", {{"linked", parts_.links.product_links().size()}});
  return Step::ok();
}

}  // namespace lpsync
