#include "engine/jobs/catalog_scan.h"

namespace lpsync {
namespace {

// Changes made just before a refresh may carry a slightly earlier time: read a little back.
constexpr Duration kRefreshOverlap = Duration::minutes(1);

}  // namespace

Step scan_catalog(Core& core, Backoff& backoff, Priority p) {
  ShopCatalog& c = core.catalog;
  if (!c.scanning()) c.begin_scan(core.now());
  while (true) {
    auto page = core.lightspeed.variants(p, c.next_scan_page());
    if (!page.ok()) return step_for(core, backoff, page);
    backoff.succeeded();
    c.scanned_page(page.value);
    if (page.value.size() < static_cast<size_t>(kLightspeedPageSize)) break;
  }
  c.finish_scan();
  core.decide("catalogue_scanned", {{"variants", c.variants().size()}});
  return Step::ok();
}

Step refresh_catalog(Core& core, Backoff& backoff, Priority p) {
  ShopCatalog& c = core.catalog;
  Instant started = core.now();
  Instant since = c.known_until() - kRefreshOverlap;
  for (int page = 1;; ++page) {
    auto read = core.lightspeed.variants(p, page, since);
    if (!read.ok()) return step_for(core, backoff, read);
    backoff.succeeded();
    for (const auto& v : read.value) {
      c.put_variant(v);
      // What was just read is the last level known to be in the shop (section 4): the
      // shop lowers it itself for new orders, and pushing the same value again is waste.
      if (core.store.product_link(v.id)) core.store.put_shop_stock(v.id, v.stock_level);
    }
    if (read.value.size() < static_cast<size_t>(kLightspeedPageSize)) break;
  }
  c.refreshed_until(started);
  return Step::ok();
}

Step read_variant(Core& core, Backoff& backoff, Priority p, int64_t variant_id) {
  auto read = core.lightspeed.variant(p, variant_id);
  if (read.outcome == CallOutcome::not_found) {
    return Step::item_failed("variant " + std::to_string(variant_id) + " no longer exists in the shop");
  }
  if (!read.ok()) return step_for(core, backoff, read);
  core.catalog.put_variant(read.value);
  return Step::ok();
}

}  // namespace lpsync
