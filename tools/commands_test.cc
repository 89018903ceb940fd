#include "tools/command.h"

#include <gtest/gtest.h>

#include <sstream>

namespace lpsync::cli {
namespace {

struct Outcome {
  int status;
  std::string out, err;
};

Outcome run(const std::vector<std::string>& argv) {
  std::ostringstream out, err;
  int status = run_lpsync(argv, out, err);
  return {status, out.str(), err.str()};
}

TEST(Commands, HelpListsEveryCommand) {
  Outcome r = run({"--help"});
  EXPECT_EQ(r.status, kExitOk);
  for (const auto& c : commands()) {
    EXPECT_NE(r.out.find("  " + c.name + " "), std::string::npos) << c.name;
    EXPECT_NE(r.out.find(c.summary), std::string::npos) << c.name;
  }
}

TEST(Commands, NoCommandPrintsHelpAndFails) {
  Outcome r = run({});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_NE(r.err.find("Usage: lpsync COMMAND"), std::string::npos);
}

TEST(Commands, UnknownCommandIsAUsageError) {
  Outcome r = run({"frobnicate"});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
  EXPECT_NE(r.err.find("demo"), std::string::npos);
}

TEST(Commands, BadFlagIsAUsageErrorThatNamesIt) {
  Outcome r = run({"demo", "--nope"});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_NE(r.err.find("lpsync demo: unknown flag --nope"), std::string::npos) << r.err;
}

TEST(Commands, CommandHelp) {
  Outcome r = run({"demo", "--help"});
  EXPECT_EQ(r.status, kExitOk);
  EXPECT_NE(r.out.find("Usage: lpsync demo"), std::string::npos);
}

// `replay --explain ORDER` tells the order's story from the replayed run's state: held for
// its duplicate SKU, then imported after the merchant gave the variant its own SKU.
TEST(Commands, ReplayExplainTellsTheStoryOfAnOrder) {
  Outcome r = run({"replay", "--explain", "ORD101", "scenarios/duplicate-sku-fixed-later.json"});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  size_t held = r.out.find("held: duplicate_sku");
  size_t imported = r.out.find("imported into Picqer as Picqer order ");
  ASSERT_NE(held, std::string::npos) << r.out;
  ASSERT_NE(imported, std::string::npos) << r.out;
  EXPECT_LT(held, imported) << r.out;
  // Which variants the hold is about, and the requests of the import and the processing.
  EXPECT_NE(r.out.find("(SKU TEE: variants 21, 22)"), std::string::npos) << r.out;
  size_t created = r.out.find("POST picqer /api/v1/orders 201");
  ASSERT_NE(created, std::string::npos) << r.out;
  EXPECT_LT(imported, created) << r.out;
  EXPECT_NE(r.out.find("POST picqer /api/v1/orders/2/process 200"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing: the order is in Picqer"), std::string::npos) << r.out;
  Outcome sku = run({"replay", "--explain", "sku:TEE-M", "scenarios/duplicate-sku-fixed-later.json"});
  EXPECT_NE(sku.out.find("created in Picqer as product "), std::string::npos) << sku.out;
}

}  // namespace
}  // namespace lpsync::cli
