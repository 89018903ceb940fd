// A state store that refuses one chosen write the way a full disk does: the k-th write of
// the run (counted across restarts) throws StateStoreError before anything of it is stored
// (inside atomically(), the real store then rolls back the writes before it too). The world
// stops the engine on it and starts a new one, as a supervisor restarts a process.
#pragma once

#include <functional>
#include <memory>

#include "engine/state/state_store.h"

namespace lpsync::crash {

struct WriteFailure {
  int64_t fail_at = 0;  // 0: never
  int64_t writes = 0;   // writes attempted so far (of those counted)
  int64_t failed = 0;
  // Which writes count (default: all). The sweep leaves out the merchant's clicks: a click
  // whose write is refused is reported to the merchant and lost, by design.
  std::function<bool()> counts;
};

class FailingStore final : public StateStore {
 public:
  FailingStore(std::unique_ptr<StateStore> inner, std::shared_ptr<WriteFailure> failure)
      : inner_(std::move(inner)), failure_(std::move(failure)) {}

  void atomically(const std::function<void()>& writes) override { inner_->atomically(writes); }

  std::optional<OrderLink> order_link(int64_t id) const override { return inner_->order_link(id); }
  void put_order_link(const OrderLink& l) override { write(), inner_->put_order_link(l); }
  std::vector<OrderLink> order_links() const override { return inner_->order_links(); }

  std::optional<ProductLink> product_link(int64_t v) const override { return inner_->product_link(v); }
  std::optional<ProductLink> product_link_by_code(const std::string& c) const override {
    return inner_->product_link_by_code(c);
  }
  void put_product_link(const ProductLink& l) override { write(), inner_->put_product_link(l); }
  void remove_product_link(int64_t v) override { write(), inner_->remove_product_link(v); }
  std::vector<ProductLink> product_links() const override { return inner_->product_links(); }
  std::vector<ProductLink> product_links_of(int64_t idproduct) const override {
    return inner_->product_links_of(idproduct);
  }

  void begin_intent(const Intent& i) override { write(), inner_->begin_intent(i); }
  void end_intent(IntentKind k, const std::string& key) override { write(), inner_->end_intent(k, key); }
  std::vector<Intent> intents() const override { return inner_->intents(); }

  void put_held(const std::vector<HeldOrder>& h) override { write(), inner_->put_held(h); }
  std::vector<HeldOrder> held() const override { return inner_->held(); }

  std::optional<int64_t> shop_stock(int64_t v) const override { return inner_->shop_stock(v); }
  void put_shop_stock(int64_t v, int64_t level) override { write(), inner_->put_shop_stock(v, level); }

  std::optional<ShipmentPush> shipment_push(int64_t id) const override { return inner_->shipment_push(id); }
  void put_shipment_push(const ShipmentPush& p) override { write(), inner_->put_shipment_push(p); }
  std::vector<ShipmentPush> shipment_pushes() const override { return inner_->shipment_pushes(); }

  BulkImport bulk_import() const override { return inner_->bulk_import(); }
  void put_bulk_import(const BulkImport& b) override { write(), inner_->put_bulk_import(b); }

  std::optional<std::string> value(const std::string& k) const override { return inner_->value(k); }
  void put_value(const std::string& k, const std::string& v) override { write(), inner_->put_value(k, v); }
  std::vector<std::string> value_keys() const override { return inner_->value_keys(); }

  // Not counted: the decision log is for people; a refused batch stays with the engine for
  // the next commit point, and the sweep's write numbers stay those of the sync's own state.
  void append_decisions(const std::vector<LoggedDecision>& e, Instant keep_since, int64_t per_subject) override {
    inner_->append_decisions(e, keep_since, per_subject);
  }
  std::vector<LoggedDecision> decisions_about(DecisionSubject k, const std::string& s) const override {
    return inner_->decisions_about(k, s);
  }

 private:
  void write();
  std::unique_ptr<StateStore> inner_;
  std::shared_ptr<WriteFailure> failure_;
};

}  // namespace lpsync::crash
