// Imports one order that passed the gate and the filter (section 2, steps 4 to 6): every
// line resolves to a Picqer product or the whole order is held; missing products are
// created first (import_products); then the order is looked up by reference and adopted,
// or created, its link stored at once, and followed up (processed, or allocated when unpaid).
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "engine/jobs/catalog_scan.h"
#include "engine/jobs/order_follow_up.h"
#include "engine/jobs/product_linker.h"

namespace lpsync {

class OrderImporter {
 public:
  // What the importer touches besides the basics and the product linker.
  struct Parts {
    CatalogParts catalog;  // reads the variants of order lines the catalogue does not know
    PicqerClient& picqer;
    OrderLinkStore& orders;
    const ProductLinkStore& links;
    IntentStore& intents;
    StoreCommits& commits;
  };
  OrderImporter(JobBasics basics, Parts parts, ProductLinker& products)
      : basics_(basics), parts_(parts), products_(products), follow_up_(basics, {parts.picqer, parts.orders}, backoff_) {}

  // Done: why the order is held (it cannot be imported now), or nothing when it was imported.
  StepWith<std::optional<HeldReason>> import(const ls::Order& order, const std::vector<ls::OrderLine>& lines);
  // An imported order listed again: what "After import" asks (OrderFollowUp).
  Step follow(const ls::Order& order, const OrderLink& link, const std::vector<ls::OrderLine>* lines) {
    return follow_up_.follow(order, link, lines);
  }

  Backoff& backoff() { return backoff_; }

 private:
  // Every line's Picqer product (created when missing), or why the order is held.
  struct Resolution {
    std::vector<NewOrderLine> lines;
    std::optional<HeldReason> held;
  };
  // `unseen`: per variant, the quantity of the order being imported that the last order
  // poll did not count as pending (section 3 base stock of products created for it).
  StepWith<Resolution> resolve_lines(const std::vector<ls::OrderLine>& lines, const std::map<int64_t, int64_t>& unseen);
  Step create_order(const ls::Order& order, const std::vector<ls::OrderLine>& shop_lines,
                    std::vector<NewOrderLine> lines);

  JobBasics basics_;
  Parts parts_;
  ProductLinker& products_;
  Backoff backoff_;
  OrderFollowUp follow_up_;
};

}  // namespace lpsync
