// `lpsync import-order --config F NUMBER` against both fakes on loopback, through the command
// line in-process (sync-rules section 2, "Importing one order by hand"): imported once with
// no order poll before it (its product created with the base stock), then already imported;
// a held order and an unknown number exit 1 saying why and what to fix; an inactive
// connection writes nothing and says so; usage errors exit 2.
#include <gtest/gtest.h>

#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;
namespace pq = fakes::picqer;

class ImportOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = make_world("import-order", false);
    ASSERT_TRUE(world_.fakes->ok());
    add_shop(*world_.fakes);
  }
  FakeServices& fakes() { return *world_.fakes; }
  std::vector<std::string> picqer_references() { return testing::picqer_references(fakes()); }
  LiveWorld world_;
};

TEST_F(ImportOrder, ImportsOnceWithoutAPollThenSaysAlreadyImported) {
  std::string config = write_config(world_, "shop", bj::object{{"active", true}});
  int64_t shop_level = fakes().lightspeed([](ls::LightspeedFake& s) { return s.variant(11)->stock_level; });

  CliResult first = lpsync({"import-order", "--config", config, "ORD1"});
  ASSERT_EQ(first.code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("Order ORD1 imported into Picqer: Picqer order "), std::string::npos) << first.out;
  // Only that order: no poll ran (ORD3 would have been held, nothing else imported).
  EXPECT_EQ(picqer_references(), std::vector<std::string>{"ORD1"});
  // The mug was created for it with the shop's count plus the open order as base stock.
  int64_t base = fakes().picqer([](pq::PicqerFake& p) { return p.stock("MUG", 1).stock; });
  EXPECT_EQ(base, shop_level + 1);

  CliResult again = lpsync({"import-order", "--config", config, "ORD1"});
  ASSERT_EQ(again.code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("Order ORD1 is already in Picqer (Picqer order "), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("nothing was created again"), std::string::npos) << again.out;
  EXPECT_EQ(picqer_references(), std::vector<std::string>{"ORD1"});
}

TEST_F(ImportOrder, AHeldOrderOrAnUnknownNumberExits1SayingWhy) {
  std::string config = write_config(world_, "shop", bj::object{{"active", true}});
  CliResult held = lpsync({"import-order", "--config", config, "ORD3"});
  EXPECT_EQ(held.code, 1) << held.out << held.err;
  EXPECT_NE(held.out.find("Order ORD3 was not imported: duplicate_sku - a line's variant shares its SKU with another "
                          "variant (SKU DUP is shared by variants 31, 41).\nFix: give each variant its own SKU in the "
                          "shop; then run lpsync import-order ORD3 again."),
            std::string::npos)
      << held.out;
  CliResult unpaid = lpsync({"import-order", "--config", config, "ORD2"});
  EXPECT_EQ(unpaid.code, 1);
  EXPECT_NE(unpaid.out.find("not_paid"), std::string::npos) << unpaid.out;
  CliResult unknown = lpsync({"import-order", "--config", config, "ORD404"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.out.find("The shop has no order with number ORD404"), std::string::npos) << unknown.out;
  EXPECT_TRUE(picqer_references().empty());
}

TEST_F(ImportOrder, AnInactiveConnectionWritesNothingAndSaysSo) {
  std::string config = write_config(world_, "inactive", bj::object{{"active", false}});
  size_t writes = fakes().picqer([](pq::PicqerFake& p) { return p.journal().writes(); });
  CliResult r = lpsync({"import-order", "--config", config, "ORD1"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("the connection is not active (settings.active is false), so nothing was written"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(fakes().picqer([](pq::PicqerFake& p) { return p.journal().writes(); }), writes);
  EXPECT_EQ(fakes().lightspeed([](ls::LightspeedFake& s) { return s.journal().writes(); }), 0u);
}

TEST_F(ImportOrder, UsageErrorsExit2) {
  std::string config = write_config(world_, "shop", bj::object{{"active", true}});
  CliResult none = lpsync({"import-order", "--config", config});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("name the order's number"), std::string::npos) << none.err;
  CliResult two = lpsync({"import-order", "--config", config, "ORD1", "ORD2"});
  EXPECT_EQ(two.code, 2);
  EXPECT_NE(two.err.find("unexpected argument \"ORD2\""), std::string::npos) << two.err;
  EXPECT_EQ(lpsync({"import-order", "ORD1"}).code, 2);
  EXPECT_TRUE(picqer_references().empty());
}

}  // namespace
}  // namespace lpsync::testing
