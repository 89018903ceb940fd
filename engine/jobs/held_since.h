// Section 12: held orders are shown "with reason and age". The order poll records each held
// order with the poll's time; this adapter, between the poll and the state store, keeps the
// time an order was first held for its current reason instead (across polls and restarts:
// the earlier time is read back from the store), so `decided_at` in the store and in the
// report says since when the order is held. A new reason starts a new age.
#pragma once

#include <vector>

#include "engine/state/state_store.h"

namespace lpsync {

// `now` with each order's decided_at moved back to when `before` already held it for the
// same reason.
std::vector<HeldOrder> held_since(const std::vector<HeldOrder>& before, std::vector<HeldOrder> now);

class HeldSinceStore final : public HeldOrderStore {
 public:
  explicit HeldSinceStore(HeldOrderStore& store) : store_(store) {}
  void put_held(const std::vector<HeldOrder>& held) override { store_.put_held(held_since(store_.held(), held)); }
  std::vector<HeldOrder> held() const override { return store_.held(); }

 private:
  HeldOrderStore& store_;
};

}  // namespace lpsync
