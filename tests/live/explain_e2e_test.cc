// `lpsync explain --config F (ORDER_NUMBER | --sku SKU) [--json]` against both fakes on
// loopback, through the command line in-process (sync-rules section 12): an order held for a
// duplicate SKU, fixed in the shop and imported by hand, has its story from the SQLite
// decision log in order, with what the engine knows now; --json is JSON; the customer's name
// and e-mail appear nowhere; an unknown order says what to check.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;

class Explain : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = make_world("explain", false);
    ASSERT_TRUE(world_.fakes->ok());
    add_shop(*world_.fakes);
    config_ = write_config(world_, "shop", bj::object{{"active", true}});
  }
  // ORD3 held for its duplicate SKU DUP, the SKU fixed in the shop, ORD3 imported by hand,
  // and a poll after it.
  void held_fixed_imported() {
    CliResult held = lpsync({"run", "--config", config_, "--once"});
    ASSERT_EQ(held.code, 0) << held.out << held.err;
    world_.fakes->lightspeed([](ls::LightspeedFake& s) {
      ls::VariantPatch fixed;
      fixed.sku = "DUP-2";
      s.update_variant(41, fixed);
    });
    CliResult asked = lpsync({"import-order", "--config", config_, "ORD3"});
    ASSERT_EQ(asked.code, 0) << asked.out << asked.err;
    CliResult again = lpsync({"run", "--config", config_, "--once"});
    ASSERT_EQ(again.code, 0) << again.out << again.err;
  }
  LiveWorld world_;
  std::string config_;
};

// The positions of `parts` in `text`, each after the one before; npos when one is missing.
size_t in_order(const std::string& text, const std::vector<std::string>& parts) {
  size_t at = 0;
  for (const std::string& p : parts) {
    at = text.find(p, at);
    if (at == std::string::npos) return at;
    at += p.size();
  }
  return at;
}

// The customer of the shop's orders (add_shop): name and e-mail must appear nowhere.
void expect_no_personal_data(const std::string& out) {
  for (const char* personal : {"Ann", "de Vries", "ann@example.nl"}) {
    EXPECT_EQ(out.find(personal), std::string::npos) << personal << " in\n" << out;
  }
}

TEST_F(Explain, AHeldThenFixedThenImportedOrderTellsItsStoryInOrder) {
  held_fixed_imported();
  CliResult r = lpsync({"explain", "--config", config_, "ORD3"});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(in_order(r.out, {"Order ORD3", "What lpsync decided",
                             "held: duplicate_sku - a line's variant shares its SKU with another variant "
                             "(SKU DUP: variants 31, 41)",
                             "asked to import it by hand (lpsync import-order)",
                             "imported into Picqer as Picqer order ", "requests since the previous decision (",
                             "POST picqer /api/v1/orders 201", "processed in Picqer (Picqer order ",
                             "requests since the previous decision (1):", "POST picqer /api/v1/orders/",
                             "/process 200",
                             "import by hand: imported, Picqer order ",
                             "What lpsync knows now:", "in Picqer as Picqer order ", "What a person can do now:",
                             "nothing: the order is in Picqer"}),
            std::string::npos)
      << r.out;
  expect_no_personal_data(r.out);
}

TEST_F(Explain, JsonGivesTheSameStoryWithoutPersonalData) {
  held_fixed_imported();
  CliResult r = lpsync({"explain", "--config", config_, "ORD3", "--json"});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  bj::object story = json::parse(r.out).as_object();
  EXPECT_EQ(story.at("key").as_string(), "ORD3");
  EXPECT_TRUE(story.at("known").as_bool());
  std::vector<std::string> whats;
  for (const bj::value& d : story.at("decisions").as_array()) whats.emplace_back(d.at("what").as_string());
  std::vector<std::string> expected = {"order_held", "order_by_hand_asked", "order_imported", "order_processed",
                                       "order_by_hand"};
  EXPECT_EQ(whats, expected) << r.out;
  const bj::object& held = story.at("decisions").as_array()[0].as_object();
  EXPECT_EQ(json::serialize(held.at("fields").at("variants")), "[31,41]") << r.out;
  const bj::object& processed = story.at("decisions").as_array()[3].as_object();
  ASSERT_TRUE(processed.contains("requests")) << r.out;
  EXPECT_EQ(processed.at("requests_total").as_int64(), 1) << r.out;
  std::string request(processed.at("requests").as_array()[0].as_string());
  EXPECT_EQ(request.rfind("POST picqer /api/v1/orders/", 0), 0u) << request;
  EXPECT_FALSE(processed.at("fields").as_object().contains("requests")) << "the requests are the decision's, not a field";
  expect_no_personal_data(r.out);
}

TEST_F(Explain, AnImportByHandStillHeldNamesTheSharedSkuAndItsVariants) {
  CliResult held = lpsync({"run", "--config", config_, "--once"});
  ASSERT_EQ(held.code, 0) << held.out << held.err;
  CliResult asked = lpsync({"import-order", "--config", config_, "ORD3"});
  EXPECT_EQ(asked.code, 1) << asked.out << asked.err;
  EXPECT_NE(asked.out.find("(SKU DUP is shared by variants 31, 41)"), std::string::npos) << asked.out;
  CliResult r = lpsync({"explain", "--config", config_, "ORD3"});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("import by hand: held (duplicate_sku - a line's variant shares its SKU with another variant) "
                       "(SKU DUP: variants 31, 41)"),
            std::string::npos)
      << r.out;
}

TEST_F(Explain, ASkuAndAnUnknownOrder) {
  held_fixed_imported();
  CliResult sku = lpsync({"explain", "--config", config_, "--sku", "MUG"});
  ASSERT_EQ(sku.code, 0) << sku.out << sku.err;
  CliResult dup = lpsync({"explain", "--config", config_, "--sku", "DUP"});
  ASSERT_EQ(dup.code, 0) << dup.out << dup.err;
  EXPECT_NE(dup.out.find("held: duplicate_sku"), std::string::npos) << "the hold is about the SKU too:\n" << dup.out;
  EXPECT_NE(in_order(sku.out, {"SKU MUG", "created in Picqer as product ", "base stock set in Picqer: ",
                               "What lpsync knows now:", "variant 11 linked"}),
            std::string::npos)
      << sku.out;
  CliResult unknown = lpsync({"explain", "--config", config_, "ORD404"});
  ASSERT_EQ(unknown.code, 0) << unknown.out << unknown.err;
  EXPECT_NE(unknown.out.find("lpsync has no decision about order ORD404"), std::string::npos) << unknown.out;
  EXPECT_NE(unknown.out.find("12 hours"), std::string::npos) << unknown.out;
  EXPECT_NE(unknown.out.find("order_filter"), std::string::npos) << unknown.out;
  EXPECT_EQ(lpsync({"explain", "--config", config_}).code, 2);
}

}  // namespace
}  // namespace lpsync::testing
