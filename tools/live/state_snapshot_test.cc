#include "tools/live/state_snapshot.h"

#include <gtest/gtest.h>

namespace lpsync::live {
namespace {

const Instant kT = Instant::from_unix_millis(1'790'000'000'000);

TEST(StateSnapshot, AnOrderLinkComesBackWithEverythingDecidedAfterImport) {
  MemoryStateStore from, into;
  OrderLink link{7, "ORD7", 700, true, kT, true, true, "abc/2", kT + Duration::minutes(5), "on_hold_after_import", true};
  from.put_order_link(link);
  restore_state(state_snapshot(from), into);
  EXPECT_EQ(into.order_link(7), link);
}

TEST(StateSnapshot, ASnapshotFromBeforeSchema3StillRestores) {
  MemoryStateStore into;
  boost::json::object old = state_snapshot(MemoryStateStore());
  old["order_links"] = boost::json::array{boost::json::object{
      {"ls_order_id", 7}, {"number", "ORD7"}, {"idorder", 700}, {"processed", true}, {"imported_at_ms", kT.unix_millis()}}};
  restore_state(old, into);
  OrderLink expected{7, "ORD7", 700, true, kT};
  EXPECT_EQ(into.order_link(7), expected);
}

}  // namespace
}  // namespace lpsync::live
