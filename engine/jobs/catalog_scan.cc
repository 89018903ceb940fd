#include "engine/jobs/catalog_scan.h"

#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

// Changes made just before a refresh may carry a slightly earlier time: read a little back.
constexpr Duration kRefreshOverlap = Duration::minutes(1);

// Past the page cap a listing of variants is taken as read up to there, with a problem.
void report_page_cap(const JobBasics& basics, const std::string& listing, const std::string& meaning) {
  basics.report.problem("page_cap:" + listing,
                      "Lightspeed lists more than " + std::to_string(basics.limits.lightspeed_pages) + " pages of " +
                          listing + "; lpsync stopped reading there (page cap): " + meaning);
}

}  // namespace

Step scan_catalog(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p) {
  ShopCatalog& c = parts.catalog;
  if (!c.scanning()) c.begin_scan(basics.now());
  while (true) {
    if (c.next_scan_page() > basics.limits.lightspeed_pages) {
      report_page_cap(basics, "variants",
                      "variants past them are unknown to lpsync, so their stock is not synced and orders of them "
                      "wait for a lookup of each variant");
      break;
    }
    auto page = parts.lightspeed.variants(p, c.next_scan_page());
    if (!page.ok()) return step_for(basics, backoff, page);
    backoff.succeeded();
    c.scanned_page(page.value);
    if (page.value.size() < static_cast<size_t>(kLightspeedPageSize)) break;
  }
  c.finish_scan();
  // As in a refresh, what was read is the last level known to be in the shop.
  for (const auto& link : parts.links.product_links()) {
    const ls::Variant* v = c.variant(link.variant_id);
    if (v && parts.shop_stock.shop_stock(v->id) != v->stock_level) {
      parts.shop_stock.put_shop_stock(v->id, v->stock_level);
    }
  }
  basics.decide("catalogue_scanned", {{"variants", c.variants().size()}});
  return Step::ok();
}

bool catalog_serves(const JobBasics& basics, const ShopCatalog& catalog, Instant changed) {
  if (!catalog.complete() || catalog.refresh() || !basics.tuning.incremental_reads) return false;
  return catalog_read_serves(catalog.known_until(), basics.now(), changed);
}

Step make_catalog_current(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p) {
  bool scan = !parts.catalog.complete() || !basics.tuning.incremental_reads;
  return scan ? scan_catalog(basics, parts, backoff, p) : refresh_catalog(basics, parts, backoff, p);
}

Step refresh_catalog(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p) {
  ShopCatalog& c = parts.catalog;
  // A refresh interrupted (by the rate limit, say) resumes at its page.
  if (!c.refresh()) c.refresh_progress(1, basics.now());
  Instant since = c.known_until() - kRefreshOverlap;
  for (int page = c.refresh()->first;; ++page) {
    if (page > basics.limits.lightspeed_pages) {
      report_page_cap(basics, "changed variants",
                      "the variants changed past them are read again at the next full scan of the catalogue");
      break;
    }
    c.refresh_progress(page, c.refresh()->second);
    auto read = parts.lightspeed.variants(p, page, since);
    if (!read.ok()) return step_for(basics, backoff, read);
    backoff.succeeded();
    for (const auto& v : read.value) {
      c.put_variant(v);
      // What was just read is the last level known to be in the shop (section 4): the
      // shop lowers it itself for new orders, and pushing the same value again is waste.
      if (parts.links.product_link(v.id)) parts.shop_stock.put_shop_stock(v.id, v.stock_level);
    }
    if (read.value.size() < static_cast<size_t>(kLightspeedPageSize)) break;
  }
  c.refresh_done();
  return Step::ok();
}

Step read_variant(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p,
                  int64_t variant_id) {
  auto read = parts.lightspeed.variant(p, variant_id);
  if (read.outcome == CallOutcome::not_found) {
    return Step::item_failed("variant " + std::to_string(variant_id) + " no longer exists in the shop");
  }
  if (!read.ok()) return step_for(basics, backoff, read);
  parts.catalog.put_variant(read.value);
  return Step::ok();
}

}  // namespace lpsync
