// What the engine must remember across restarts: links between the two systems, the
// intents of remote creates in flight, the decisions it reports, and its cursors. The
// engine writes here at the points where it commits to a decision; every method is atomic
// on its own, and atomically() makes several writes one commit. The interface comes in
// parts (order links, product links, intents, ...) so a job is handed only what it uses. MemoryStateStore keeps it
// in memory (simulation); SqliteStateStore (sqlite_state_store.h) keeps it on disk (live
// mode, crash tests).
//
// Links are unique both ways: a second Picqer order for a Lightspeed order (or the same
// Picqer order for two), a productcode for two variants, or two pushes to one shop
// shipment throw std::logic_error and store nothing. A store that cannot write (disk full)
// throws StateStoreError (store_errors.h) and stores nothing of that write.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/env/time.h"
#include "engine/rules/reasons.h"

namespace lpsync {

// A Lightspeed order imported into Picqer.
struct OrderLink {
  int64_t ls_order_id = 0;
  std::string number;      // the Lightspeed order number = the Picqer reference
  int64_t idorder = 0;     // Picqer
  bool processed = false;  // POST /orders/{id}/process succeeded (or the order was past concept)
  Instant imported_at;
  // After import (section 2): what the engine decided about the order since.
  bool allocated = false;    // POST /orders/{id}/allocate succeeded (unpaid under `all`)
  bool cancelled = false;    // cancelled in Picqer, by the engine or found so
  std::string lines_digest;  // the shop's lines as imported (order_lines_digest); empty: unknown
  Instant followed_at;       // the shop's updatedAt when the engine last decided the order
  std::string needs_person;  // why it needs a person (NeedsPersonReason's word), empty when not
  bool pickup = false;       // a pickup order (as last followed): its shipment is "ready for pickup"
  bool operator==(const OrderLink&) const = default;
};

// A Lightspeed variant linked to a Picqer product with the same productcode.
struct ProductLink {
  int64_t variant_id = 0;
  std::string productcode;
  int64_t idproduct = 0;
  bool created_by_engine = false;  // the engine created it (and set its base stock)
  bool setup_done = true;          // for created products: images and base stock are in place
  bool operator==(const ProductLink&) const = default;
};

// A remote create that may have happened: recorded before the request, removed after its
// result is stored. One left over after a crash is resolved by a lookup, never by creating
// again.
enum class IntentKind { create_order, create_product, push_shipment };
struct Intent {
  IntentKind kind;
  std::string key;  // the reference, the productcode, or the idshipment
  Instant started_at;
  bool operator==(const Intent&) const = default;
};

// An order the last poll decided not to import, and why.
struct HeldOrder {
  int64_t ls_order_id = 0;
  std::string number;
  HeldReason reason;
  Instant decided_at;
  bool operator==(const HeldOrder&) const = default;
};

// A Picqer shipment pushed to the shop (exactly once per idshipment).
struct ShipmentPush {
  int64_t idshipment = 0;
  int64_t ls_order_id = 0;
  int64_t ls_shipment_id = 0;
  std::string trackingcode;
  bool pushed = false;  // false: seen and reported (a later shipment of an order), not pushed
  Instant at;
  bool operator==(const ShipmentPush&) const = default;
};

struct SkippedVariant {
  int64_t variant_id = 0;
  SkuProblem reason;
  std::vector<int64_t> sharing;  // for duplicate_sku: every variant with that SKU
  bool operator==(const SkippedVariant&) const = default;
};

// The bulk "Import products" job, resumable.
struct BulkImport {
  bool running = false;
  bool finished = false;
  int64_t total = 0;       // variants, from count.json
  int64_t done = 0;        // variants handled (linked, created or skipped)
  int64_t last_variant_id = 0;  // variants are handled in id order; this one was the last
  int64_t linked = 0, created = 0;
  // The variant whose product this import created last while its images and base stock may
  // still be on their way: counted in `created` in the same commit as its link, so when it
  // is handled again (after a restart or a rate limit) it is finished, not counted again.
  // 0 when none.
  int64_t setting_up_variant_id = 0;
  std::vector<SkippedVariant> skipped;
  Instant started_at, finished_at;
  bool operator==(const BulkImport&) const = default;
};

// One decision the engine made about an order or a SKU (sync-rules section 12), kept for
// `lpsync explain`. `fields` is a JSON object of allow-listed fields only
// (engine/core/decision_recorder.h): no secret, no personal data beyond the order number.
enum class DecisionSubject { order, sku };
struct LoggedDecision {
  DecisionSubject kind = DecisionSubject::order;
  std::string subject;  // the order number, or the productcode
  Instant at;
  std::string what;     // the trace's name of the decision, e.g. "order_held"
  std::string fields;   // a JSON object, e.g. {"reason":"duplicate_sku"}
  bool operator==(const LoggedDecision&) const = default;
};

// How long the decision log keeps its entries: those older than `keep` go as new ones come,
// and of one subject only the newest `per_subject` stay (an order polled all day must not
// fill the disk).
struct DecisionRetention {
  Duration keep = Duration::days(14);
  int64_t per_subject = 200;
};

// The store in parts, so each job is handed only the parts it uses (engine/jobs/*.h). A
// StateStore is all of them; every method is atomic on its own, and StoreCommits makes
// several writes (to any parts of the same store) one commit.
class StoreCommits {
 public:
  virtual ~StoreCommits() = default;
  // Runs `writes` (calls of the methods of the parts) as one commit: after a crash either all
  // of them are stored or none. When `writes` throws, the SQLite store keeps none of them;
  // the memory store cannot crash halfway and applies each as it comes.
  virtual void atomically(const std::function<void()>& writes) = 0;
};

class OrderLinkStore {
 public:
  virtual ~OrderLinkStore() = default;
  virtual std::optional<OrderLink> order_link(int64_t ls_order_id) const = 0;
  virtual void put_order_link(const OrderLink& link) = 0;
  virtual std::vector<OrderLink> order_links() const = 0;
};

class ProductLinkStore {
 public:
  virtual ~ProductLinkStore() = default;
  virtual std::optional<ProductLink> product_link(int64_t variant_id) const = 0;
  virtual std::optional<ProductLink> product_link_by_code(const std::string& productcode) const = 0;
  virtual void put_product_link(const ProductLink& link) = 0;
  virtual void remove_product_link(int64_t variant_id) = 0;
  virtual std::vector<ProductLink> product_links() const = 0;
  // The variants linked to one Picqer product (usually one).
  virtual std::vector<ProductLink> product_links_of(int64_t idproduct) const = 0;
};

class IntentStore {
 public:
  virtual ~IntentStore() = default;
  virtual void begin_intent(const Intent& intent) = 0;
  virtual void end_intent(IntentKind kind, const std::string& key) = 0;
  virtual std::vector<Intent> intents() const = 0;
};

class HeldOrderStore {
 public:
  virtual ~HeldOrderStore() = default;
  virtual void put_held(const std::vector<HeldOrder>& held) = 0;  // replaces the list
  virtual std::vector<HeldOrder> held() const = 0;
};

class ShopStockStore {
 public:
  virtual ~ShopStockStore() = default;
  // The stock level last known to be in Lightspeed for a variant (pushed or read).
  virtual std::optional<int64_t> shop_stock(int64_t variant_id) const = 0;
  virtual void put_shop_stock(int64_t variant_id, int64_t level) = 0;
};

class ShipmentPushStore {
 public:
  virtual ~ShipmentPushStore() = default;
  virtual std::optional<ShipmentPush> shipment_push(int64_t idshipment) const = 0;
  virtual void put_shipment_push(const ShipmentPush& push) = 0;
  virtual std::vector<ShipmentPush> shipment_pushes() const = 0;
};

class BulkImportStore {
 public:
  virtual ~BulkImportStore() = default;
  virtual BulkImport bulk_import() const = 0;
  virtual void put_bulk_import(const BulkImport& state) = 0;
};

// Small named values: cursors, webhook registrations, counters.
class ValueStore {
 public:
  virtual ~ValueStore() = default;
  virtual std::optional<std::string> value(const std::string& key) const = 0;
  virtual void put_value(const std::string& key, const std::string& value) = 0;
  // Every key that has a value, in order (moving a state from one store to another).
  virtual std::vector<std::string> value_keys() const = 0;
};

// The bounded decision log. The engine appends a batch at its commit points (once per
// scheduler tick or callback), never one write per decision.
class DecisionLogStore {
 public:
  virtual ~DecisionLogStore() = default;
  // Appends `entries` in their order (one commit), then deletes every entry from before
  // `keep_since` and, for each subject of `entries`, all but its newest `per_subject`.
  virtual void append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since,
                                int64_t per_subject) = 0;
  // What is kept about one subject, oldest first (in the order appended).
  virtual std::vector<LoggedDecision> decisions_about(DecisionSubject kind, const std::string& subject) const = 0;
};

class StateStore : public StoreCommits,
                   public OrderLinkStore,
                   public ProductLinkStore,
                   public IntentStore,
                   public HeldOrderStore,
                   public ShopStockStore,
                   public ShipmentPushStore,
                   public BulkImportStore,
                   public ValueStore,
                   public DecisionLogStore {};

// Everything in memory; survives an engine "crash" in simulation because the simulated
// process only loses the engine object, not the store.
class MemoryStateStore final : public StateStore {
 public:
  void atomically(const std::function<void()>& writes) override { writes(); }

  std::optional<OrderLink> order_link(int64_t ls_order_id) const override;
  void put_order_link(const OrderLink& link) override;
  std::vector<OrderLink> order_links() const override;

  std::optional<ProductLink> product_link(int64_t variant_id) const override;
  std::optional<ProductLink> product_link_by_code(const std::string& productcode) const override;
  void put_product_link(const ProductLink& link) override;
  void remove_product_link(int64_t variant_id) override;
  std::vector<ProductLink> product_links() const override;
  std::vector<ProductLink> product_links_of(int64_t idproduct) const override;

  void begin_intent(const Intent& intent) override;
  void end_intent(IntentKind kind, const std::string& key) override;
  std::vector<Intent> intents() const override;

  void put_held(const std::vector<HeldOrder>& held) override { held_ = held; }
  std::vector<HeldOrder> held() const override { return held_; }

  std::optional<int64_t> shop_stock(int64_t variant_id) const override;
  void put_shop_stock(int64_t variant_id, int64_t level) override { shop_stock_[variant_id] = level; }

  std::optional<ShipmentPush> shipment_push(int64_t idshipment) const override;
  void put_shipment_push(const ShipmentPush& push) override;
  std::vector<ShipmentPush> shipment_pushes() const override;

  BulkImport bulk_import() const override { return bulk_; }
  void put_bulk_import(const BulkImport& state) override { bulk_ = state; }

  std::optional<std::string> value(const std::string& key) const override;
  void put_value(const std::string& key, const std::string& value) override { values_[key] = value; }
  std::vector<std::string> value_keys() const override {
    std::vector<std::string> keys;
    for (const auto& [k, v] : values_) keys.push_back(k);
    return keys;
  }

  void append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since, int64_t per_subject) override;
  std::vector<LoggedDecision> decisions_about(DecisionSubject kind, const std::string& subject) const override;

 private:
  std::map<int64_t, OrderLink> orders_;
  std::map<int64_t, int64_t> ls_order_by_idorder_;
  std::map<int64_t, ProductLink> products_;
  std::map<std::string, int64_t> variant_by_code_;
  std::multimap<int64_t, int64_t> variants_by_product_;  // idproduct -> variant
  std::map<std::pair<IntentKind, std::string>, Intent> intents_;
  std::vector<HeldOrder> held_;
  std::map<int64_t, int64_t> shop_stock_;
  std::map<int64_t, ShipmentPush> shipments_;
  std::map<int64_t, int64_t> push_by_shop_shipment_;  // pushed ones: ls_shipment_id -> idshipment
  BulkImport bulk_;
  std::map<std::string, std::string> values_;
  // The decision log: each subject's entries oldest first (with their sequence number), and
  // every entry's time in the order appended, so trimming costs what it removes, not the log's size.
  // A subject's entries are a vector, not a deque: most subjects (the SKUs of a large import) have
  // two or three entries, and a deque takes a 512-byte block for each subject however few it holds.
  using Subject = std::pair<DecisionSubject, std::string>;
  std::map<Subject, std::vector<std::pair<int64_t, LoggedDecision>>> decisions_;
  std::deque<std::tuple<int64_t, Instant, Subject>> decisions_by_age_;
  int64_t next_decision_ = 1;
};

}  // namespace lpsync
