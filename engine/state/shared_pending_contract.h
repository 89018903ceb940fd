// What every SharedPending keeps (engine/state/shared_pending.h), for the memory and the
// PostgreSQL implementation: `a` and `b` are two connections on one Picqer account, `elsewhere`
// a connection on another account. Each starts with nothing published.
#pragma once

#include <gtest/gtest.h>

#include "engine/state/shared_pending.h"

namespace lpsync::testing {

inline void expect_shared_pending_contract(SharedPending& a, SharedPending& b, SharedPending& elsewhere) {
  const std::set<std::string> codes = {"MUG", "SHIRT-S", "CARD"};
  EXPECT_TRUE(a.others(codes).empty());
  a.publish({{"MUG", 2}, {"SHIRT-S", 1}, {"POSTER", 4}});
  b.publish({{"MUG", 3}, {"CARD", 0}});
  elsewhere.publish({{"MUG", 50}});
  EXPECT_EQ(b.others(codes), (PendingByCode{{"MUG", 2}, {"SHIRT-S", 1}}))
      << "a's pending, only the productcodes asked for";
  EXPECT_EQ(a.others(codes), (PendingByCode{{"MUG", 3}})) << "never its own; a quantity of 0 is not kept";
  EXPECT_EQ(elsewhere.others(codes), PendingByCode{}) << "another Picqer account shares nothing";
  EXPECT_TRUE(b.others({}).empty());
  // A publish replaces the connection's quantities: an order imported is no longer counted.
  a.publish({{"SHIRT-S", 1}});
  EXPECT_EQ(b.others(codes), (PendingByCode{{"SHIRT-S", 1}}));
  a.publish({});
  EXPECT_TRUE(b.others(codes).empty());
  // Productcodes are compared exactly, whatever characters they hold.
  a.publish({{"A\"B\\C,{D}", 1}, {"mug", 7}});
  EXPECT_EQ(b.others({"A\"B\\C,{D}", "MUG"}), (PendingByCode{{"A\"B\\C,{D}", 1}}));
}

}  // namespace lpsync::testing
