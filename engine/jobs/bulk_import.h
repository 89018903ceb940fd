// The bulk "Import products" job (section 3): walks every variant, links each one whose
// unique SKU is a Picqer productcode, creates the others (import_products), and reports
// every skipped variant with its reason. Progress (done / total from count.json) and the
// last variant handled are stored, so a restart resumes where it stopped and creates
// nothing twice. It runs at the lowest priority, in small batches, so orders, shipments
// and stock always go first.
#pragma once

#include <map>
#include <string>

#include "engine/core/scheduler.h"
#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/picqer_account.h"
#include "engine/jobs/product_linker.h"

namespace lpsync {

class BulkImportJob final : public Job {
 public:
  // What the job touches besides the basics and the product linker.
  struct Parts {
    CatalogParts catalog;  // every variant, and the product links
    AccountParts account;  // every Picqer product, the VAT groups
    BulkImportStore& bulk;
    const IntentStore& intents;  // a create of this import left over by a restart
  };
  BulkImportJob(JobBasics basics, Parts parts, ProductLinker& products)
      : basics_(basics), parts_(parts), products_(products) {}

  std::string_view name() const override { return "bulk import"; }
  Priority priority() const override { return Priority::bulk; }
  std::optional<Instant> run(Instant now) override;

  // The merchant pressed "Import products". Returns "" or why it cannot start.
  std::string start(Instant now);
  bool running() const { return parts_.bulk.bulk_import().running; }

  static constexpr int kBatch = 25;  // variants per run before yielding to other jobs
  // Products whose image lists are read ahead of the creates (half Lightspeed's 5-minute
  // window, which leaves room for the fresh reads the creates need), so the shop's budget is
  // spent while Picqer's part waits for its own, and the reverse.
  static constexpr int kReadAhead = 150;
  // The creates wait for this many products read ahead before a read of the changed
  // variants makes the catalogue fresh for them (when the shop's budget is what limits).
  static constexpr int kCreateBatch = 100;

 private:
  Step prepare();
  Step handle(const ls::Variant& v, BulkImport& state);
  // Whether handling this variant uploads its product's images: the import creates a product
  // for it, or finishes the set-up of one created before (cut short, or before a restart).
  bool needs_images(const ls::Variant& v) const;
  // Reads the image lists of the next products to create while Lightspeed's budget allows.
  struct ReadAhead {
    std::optional<Instant> read_on;  // when to read on (nullopt: nothing left to read ahead,
                                     // or a failure the create itself will meet and report)
    int ready = 0;                   // products ahead whose images are known
  };
  ReadAhead read_ahead(const BulkImport& state);

  // Reading what the import needs first, resumable page by page (a large catalogue takes
  // more requests than a rate-limit window allows at once).
  struct Preparation {
    int next_product_page = 1;
    bool products_read = false;
    bool inactive = false;  // reading Picqer's inactive products (after the active ones)
    int64_t picqer_offset = 0;
    bool picqer_read = false;
  };

  JobBasics basics_;
  Parts parts_;
  ProductLinker& products_;
  Backoff backoff_;
  bool prepared_ = false;
  Preparation prep_;
  std::map<std::string, int64_t> picqer_codes_;
  int ready_ahead_ = 0;  // products read ahead at the last run  // every Picqer product (active or not) by productcode
};

}  // namespace lpsync
