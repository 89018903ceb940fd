// Section 3: finds the Picqer product of a variant with a unique SKU (an existing link, or
// a product with that productcode: linked, its stock left alone), or creates one: product,
// every image in sortOrder, and the variant's stock as base stock. A create records its
// intent first; a create left half-done by a crash or a lost answer is finished on the
// next attempt (found by productcode, images counted), never repeated.
//
// Base stock (section 3) = the shop's count (negative -> 0) + the quantity the shop already
// took off for open orders not in Picqer yet, as the order poll counted them right after its
// latest listing (PendingQuantities::open), plus `unseen_pending`: the variant's quantity on
// an order being imported that this count missed. Nothing is created and no base stock set
// before the first count since start.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>

#include "engine/jobs/step.h"

namespace lpsync {

class ProductLinker {
 public:
  // What the linker touches besides the basics.
  struct Parts {
    LightspeedReads& lightspeed;
    PicqerClient& picqer;
    ShopCatalog& catalog;
    PicqerAccount& account;
    ProductLinkStore& links;
    IntentStore& intents;
    StoreCommits& commits;
    const PendingQuantities& pending;  // of the last order poll
  };
  ProductLinker(JobBasics basics, Parts parts) : basics_(basics), parts_(parts) {}

  // The linked or found product, or none when Picqer has none with this productcode.
  StepWith<std::optional<int64_t>> find(int64_t variant_id, const std::string& sku, Priority p,
                                        int64_t unseen_pending = 0);
  // Links `variant_id` to a product found by productcode elsewhere (e.g. in a page the
  // caller already read).
  void link_existing(int64_t variant_id, const std::string& sku, int64_t idproduct);
  // Creates the product (or adopts the one an earlier attempt created) and finishes its
  // set-up. `with_link` (optional) stores the caller's own record of the create in the same
  // commit as the link. `tax_rate` (Lightspeed's, e.g. of the order line) picks the VAT group.
  // Done: the product's idproduct.
  // `listed_absent`: the caller listed every Picqer product (active and inactive) since it
  // started and this code was not among them, so a first attempt creates without looking
  // the code up again (Picqer refuses a second product with the same productcode; a refused
  // create looks it up then). A retry, after a lost answer or a restart, always looks first.
  StepWith<int64_t> create(int64_t variant_id, const std::string& sku, Priority p,
                           const std::function<void()>& with_link = nullptr,
                           std::optional<double> tax_rate = std::nullopt, int64_t unseen_pending = 0,
                           bool listed_absent = false);
  // Finishes images and base stock of a created product whose set-up was interrupted.
  Step finish_setup(const ProductLink& link, Priority p, int64_t unseen_pending = 0);

  // Section 4 "Never pushed": whether the linked product has unlimited stock in Picqer, as
  // last seen in a product this process read (lookups by code, listings of every product);
  // a product not seen yet, or forgotten since, is read once by its code.
  StepWith<bool> unlimited(const ProductLink& link, Priority p);
  void note_product(const pq::Product& product) { unlimited_[product.id] = product.unlimited; }
  void forget_product_types() { unlimited_.clear(); }

  Backoff& backoff() { return backoff_; }
  // How long a create waits before asking again whether the open orders are counted.
  static constexpr Duration kOpenOrdersWait = Duration::seconds(30);
  const PendingQuantities& pending() const { return parts_.pending; }

 private:
  Step wait_for_open_orders() const;
  StepWith<ls::Product> product_facts(const ls::Variant& v, Priority p);
  Step upload_images(const ProductLink& link, int64_t ls_product_id, Priority p);

  JobBasics basics_;
  Parts parts_;
  Backoff backoff_;
  // Images uploaded per variant by this process (a restarted process counts them in Picqer).
  std::map<int64_t, int64_t> images_uploaded_;
  std::map<int64_t, bool> unlimited_;  // idproduct -> unlimited stock, as last read
};

}  // namespace lpsync
