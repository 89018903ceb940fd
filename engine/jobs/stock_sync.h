// Stock from Picqer to the shop (section 4), while active, send_stock and not read-only.
// Fast path: products whose free stock changed (webhook) or whose pending quantity changed
// (order poll) are marked, and a short moment later each is read once and pushed once if
// its desired level differs from what the shop has: several changes coalesce into one
// write with the latest value. Safety net: an hourly reconciliation reads both sides
// whole (warehouse stock lists, every variant) and repairs any drift; it also links
// products the merchant added in Picqer by hand.
#pragma once

#include <map>
#include <set>

#include "engine/core/scheduler.h"
#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/picqer_account.h"
#include "engine/jobs/product_linker.h"

namespace lpsync {

class StockSync final : public Job {
 public:
  // What the job touches besides the basics and the product linker.
  struct Parts {
    CatalogParts catalog;  // the reconciliation scans the shop; shop levels last known
    AccountParts account;  // the stock warehouses; free stock is read from Picqer
    ShopWrites shop_writes;
    ProductLinkStore& links;  // links that no longer hold are dropped
    const PendingQuantities& pending;
  };
  StockSync(JobBasics basics, Parts parts, ProductLinker& products)
      : basics_(basics), parts_(parts), products_(products) {}

  std::string_view name() const override { return "stock"; }
  Priority priority() const override { return Priority::stock; }
  std::optional<Instant> run(Instant now) override;

  static constexpr Duration kCoalesce = Duration::seconds(10);
  static constexpr Duration kReconcileEvery = Duration::hours(1);

  // Marks a product (by idproduct) for a re-read; returns when the job should run. `noticed`:
  // the product's stock as a notice told it; when those figures ask for no push (section 4,
  // `notice_asks_for_push`) no read follows, and the free stock read before is dropped.
  Instant product_changed(int64_t idproduct, Instant now,
                          const std::optional<std::vector<pq::StockRow>>& noticed = std::nullopt);
  // Marks variants whose desired level may have changed without Picqer knowing.
  Instant variants_changed(const std::vector<int64_t>& variant_ids, Instant now);
  // The next run reconciles everything (e.g. send_stock was just switched on).
  void reconcile_next() { reconcile_due_ = true; }
  // Called when the shop sold stock the engine has not seen as an order yet: an order poll
  // must run before the reconciliation pushes (its pending quantities would be stale).
  std::function<void()> request_order_poll;

 private:
  // A reconciliation in progress: what was read so far and how far the pushes got, so a
  // rate limit in the middle resumes instead of reading everything again.
  struct Reconciliation {
    Instant started;
    std::vector<int64_t> warehouses;
    size_t warehouse = 0;
    int64_t offset = 0;
    int pages = 0;                        // of this warehouse, read so far (kMaxListPages at most)
    std::vector<pq::StockRow> last_page;  // a page equal to the one before ends the listing
    bool incomplete = false;              // a listing ended that way: a missing row is not 0
    std::vector<pq::StockRow> rows;
    bool read = false;
    bool poll_requested = false;
    std::map<int64_t, int64_t> known_before;  // shop levels the engine knew before reading
    std::vector<std::pair<int64_t, int64_t>> pushes;  // variant -> desired, computed once
    size_t products_listed = 0, links = 0;            // what the push list was computed from
    bool types_decided = false, types_read = false;  // section 4: the product types' part
    int64_t types_offset = 0;                         // listing Picqer's products for their types, from here
    size_t next_push = 0;
  };

  Step reconcile(Instant now);
  Step read_both_sides(Reconciliation& r);
  Step read_warehouse(Reconciliation& r);
  // Rows that came without idproduct get it from the link of their productcode, else are dropped.
  void identify_rows(std::vector<pq::StockRow>& rows) const;
  bool shop_sold_unseen_stock(const Reconciliation& r) const;
  Step push_marked();
  bool needs_read(int64_t idproduct, const std::vector<pq::StockRow>& noticed) const;
  // The reconciliation's part in keeping the product types at most a day old (section 4).
  Step read_product_types(Reconciliation& r);
  bool queue_full(size_t size);
  Step push(int64_t variant_id, int64_t desired, std::optional<int64_t> shop_has);
  // Whether the shop counts the variant's stock (section 4 "Never pushed"); reports a
  // variant it does not count once per process.
  bool counted(int64_t variant_id, bool picqer_unlimited);
  int64_t desired_for(int64_t variant_id, int64_t free) const;

  JobBasics basics_;
  Parts parts_;
  ProductLinker& products_;
  Backoff backoff_;
  std::set<int64_t> stale_products_;    // free stock must be read again
  std::set<int64_t> changed_variants_;  // pending changed; free stock known
  std::map<int64_t, int64_t> free_;     // idproduct -> free stock over the stock warehouses, last read
  bool reconcile_due_ = true;
  Instant next_reconcile_;
  std::optional<Reconciliation> reconciliation_;
  std::optional<Instant> types_read_at_;  // when the product types were last listed or forgotten
  std::set<int64_t> not_counted_reported_;  // variants reported as not counted (at most the catalogue)
};

}  // namespace lpsync
