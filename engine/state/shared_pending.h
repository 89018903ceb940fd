// Pending quantities shared by the connections on one Picqer account (sync-rules section 4,
// last bullet, and section 11). Every shop lowers its own count for its open orders, and
// Picqer reserves nothing until an order is imported; when several shops sell the same
// Picqer product, each must leave out what the OTHER shops' not-yet-imported orders will
// take, or two shops sell the same items. So each engine publishes its own pending by
// productcode after every complete order poll, and reads the others' for its linked
// productcodes at the same moment (engine/jobs/order_sync.cc).
//
// One SharedPending is one connection's handle: it knows its connection and its Picqer
// account. Optional for an engine (EngineEnv::shared_pending): without it the engine counts
// its own shop only, as on a Picqer account of its own.
//
// Implementations: MemorySharedPending below (engines in one process: tests, the simulator)
// and PgSharedPending (engine/state/pg_shared_pending.h: the fleet, fenced by the lease).
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "engine/rules/shared_pending_rules.h"

namespace lpsync {

class SharedPending {
 public:
  virtual ~SharedPending() = default;
  // Replaces this connection's pending quantities (productcode -> quantity; entries of 0 or
  // less are not kept). A write like the state store's: a store that cannot write throws
  // StateStoreError, a lost lease LeaseLost, and nothing of it is kept.
  virtual void publish(const PendingByCode& pending) = 0;
  // The sum over the OTHER connections on the same Picqer account of their pending, for each
  // of `productcodes` that has any (a productcode with none is missing).
  virtual PendingByCode others(const std::set<std::string>& productcodes) const = 0;
};

// Every connection's published pending, in memory: one object shared by the engines of one
// process. Safe to use from several threads.
class MemoryPendingBook {
 public:
  void put(const std::string& picqer_account, const std::string& connection, const PendingByCode& pending);
  PendingByCode others(const std::string& picqer_account, const std::string& connection,
                       const std::set<std::string>& productcodes) const;

 private:
  mutable std::mutex mu_;
  // (Picqer account, connection) -> its pending by productcode
  std::map<std::pair<std::string, std::string>, PendingByCode> pending_;
};

// One connection's handle on a MemoryPendingBook (which must outlive it).
class MemorySharedPending final : public SharedPending {
 public:
  MemorySharedPending(MemoryPendingBook& book, std::string picqer_account, std::string connection)
      : book_(book), picqer_account_(std::move(picqer_account)), connection_(std::move(connection)) {}
  void publish(const PendingByCode& pending) override { book_.put(picqer_account_, connection_, pending); }
  PendingByCode others(const std::set<std::string>& productcodes) const override {
    return book_.others(picqer_account_, connection_, productcodes);
  }

 private:
  MemoryPendingBook& book_;
  std::string picqer_account_;
  std::string connection_;
};

}  // namespace lpsync
