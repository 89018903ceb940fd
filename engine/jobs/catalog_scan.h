// Keeping the catalogue current: a full scan of every variant (250 per page, resumable
// across runs), and an incremental refresh of the variants changed since the last one.
#pragma once

#include "engine/jobs/step.h"

namespace lpsync {

// What reading the catalogue touches: the shop's reads, the catalogue, and the shop levels
// of linked variants (what was read is the last level known to be in the shop).
struct CatalogParts {
  LightspeedReads& lightspeed;
  ShopCatalog& catalog;
  const ProductLinkStore& links;
  ShopStockStore& shop_stock;
};

// Reads the next pages of a full scan; done when the scan is finished.
Step scan_catalog(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p);
// Reads the variants changed since the catalogue was last current.
Step refresh_catalog(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p);
// Brings the catalogue up to date before decisions on the shop's SKUs: a full scan when it
// is not complete (or the benchmark's naive tuning asks for one), else a refresh.
Step make_catalog_current(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p);
// Whether the catalogue as last read may decide on an order the shop last changed at
// `changed` without a read now (catalog_read_serves). Never with the benchmark's naive
// tuning, which reads it all each time.
bool catalog_serves(const JobBasics& basics, const ShopCatalog& catalog, Instant changed);
// Reads one variant the catalogue does not know (e.g. on a new order line).
Step read_variant(const JobBasics& basics, const CatalogParts& parts, Backoff& backoff, Priority p,
                  int64_t variant_id);

}  // namespace lpsync
