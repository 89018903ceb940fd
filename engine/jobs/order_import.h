// Imports one order that passed the gate and the filter (section 2, steps 4 to 6): every
// line resolves to a Picqer product or the whole order is held; missing products are
// created first (import_products); then the order is looked up by reference and adopted,
// or created, its link stored at once, and followed up (processed, or allocated when unpaid).
// The order's create intent lasts from before the look-up until that first follow-up is
// done, so a process that died in between (link stored, order still a concept in Picqer)
// leaves the intent open, and the next process finishes the follow-up even when the order
// is no longer in the window (follow_interrupted).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
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
  Step follow(const ls::Order& order, const OrderLink& link, const std::vector<ls::OrderLine>* lines);
  // Once per process: orders whose create intent a previous process left open with their
  // link stored are read from the shop by number and followed up (at most
  // kMaxInterrupted; the rest at the next start). Intents without a link are left to the
  // create path, which looks the order up by reference before it creates.
  Step follow_interrupted();
  static constexpr size_t kMaxInterrupted = 100;

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
  // Numbers of orders whose create intent this importer ends once their follow-up is done.
  std::set<std::string> following_;
  // Left by an earlier process, still to follow up (nullopt: not read yet).
  std::optional<std::vector<std::string>> interrupted_;
};

}  // namespace lpsync
