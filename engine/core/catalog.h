// What the engine knows of the shop's catalogue: every variant (with its SKU in the index
// that decides uniqueness), the products it has read, and their images. Rebuilt by a full
// scan when the connection becomes active (and by each reconciliation), then kept current
// from variants changed since the last refresh. Memory only: after a restart it is scanned
// again.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/model/lightspeed.h"
#include "engine/rules/sku_index.h"

namespace lpsync {

class ShopCatalog {
 public:
  void put_variant(const ls::Variant& v);
  void remove_variant(int64_t id);
  const ls::Variant* variant(int64_t id) const;
  const SkuIndex& skus() const { return skus_; }
  const std::map<int64_t, ls::Variant>& variants() const { return variants_; }
  size_t variants_of_product(int64_t product_id) const;

  void put_product(const ls::Product& p) { products_[p.id] = p; }
  const ls::Product* product(int64_t id) const;
  void put_images(int64_t product_id, std::vector<ls::Image> images);
  const std::vector<ls::Image>* images(int64_t product_id) const;
  // Forgets a product's images once its Picqer products have them (a large import would
  // otherwise hold every image of the shop).
  void drop_images(int64_t product_id) { images_.erase(product_id); }

  // Full scans: pages are added as they are read; `finish_scan` drops variants the scan
  // did not see (deleted in the shop) and marks the catalogue complete.
  void begin_scan(Instant at);
  void scanned_page(const std::vector<ls::Variant>& page);
  void finish_scan();
  bool complete() const { return complete_; }
  bool scanning() const { return scanning_; }
  int next_scan_page() const { return next_scan_page_; }
  // Variants changed at or after this instant are not yet known (incremental refresh).
  Instant known_until() const { return known_until_; }
  // An incremental refresh in pages, resumable like a scan: the page to read next and the
  // instant the refresh began (nullopt when none is under way).
  std::optional<std::pair<int, Instant>> refresh() const { return refresh_; }
  void refresh_progress(int next_page, Instant started) { refresh_ = {next_page, started}; }
  void refresh_done() {
    known_until_ = refresh_->second;
    refresh_.reset();
  }

 private:
  std::map<int64_t, ls::Variant> variants_;
  std::map<int64_t, int64_t> per_product_;
  SkuIndex skus_;
  std::map<int64_t, ls::Product> products_;
  std::map<int64_t, std::vector<ls::Image>> images_;
  bool complete_ = false;
  bool scanning_ = false;
  int next_scan_page_ = 1;
  Instant scan_started_, known_until_;
  std::optional<std::pair<int, Instant>> refresh_;
  std::set<int64_t> seen_in_scan_;
};

}  // namespace lpsync
