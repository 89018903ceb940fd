#include <gtest/gtest.h>

#include <sstream>

#include "tools/demo/demo_run.h"

namespace lpsync::demo {
namespace {

std::string run() {
  std::ostringstream out, err;
  EXPECT_EQ(run_demo(out, err, nullptr), 0) << err.str();
  return out.str();
}

void expect_has(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "the demo does not tell \"" << part << "\":\n" << text;
}

TEST(DemoDay, TellsTheLifeOfOrdersAfterImport) {
  std::string text = run();
  expect_has(text, "07:05  Order ORD101 imported into Picqer, processed (picklist made)");
  expect_has(text, "09:15  Order ORD106 imported into Picqer, its stock is held until it is paid (no picklist yet)");
  expect_has(text, "13:40  Order ORD106 paid: processed in Picqer (picklist made)");
  expect_has(text, "Order ORD115 was cancelled in the shop: cancelled in Picqer too");
  expect_has(text, "Order ORD118 was cancelled in the shop: cancelled in Picqer too");
  expect_has(text, "Order ORD104 needs a person: it was cancelled in the shop after the warehouse picked");
  expect_has(text, "Orders that need a person (1):\n    ORD104: ");
  expect_has(text, "Orders not imported today (2):\n    ORD113: ");
}

}  // namespace
}  // namespace lpsync::demo
