#include <gtest/gtest.h>

#include "engine/state/shared_pending.h"
#include "engine/state/shared_pending_contract.h"

namespace lpsync {
namespace {

TEST(MemorySharedPending, KeepsTheContract) {
  MemoryPendingBook book;
  MemorySharedPending a(book, "acme.picqer.com", "shop-a");
  MemorySharedPending b(book, "acme.picqer.com", "shop-b");
  MemorySharedPending elsewhere(book, "other.picqer.com", "shop-c");
  testing::expect_shared_pending_contract(a, b, elsewhere);
}

}  // namespace
}  // namespace lpsync
