// /hooks: create, list, get, delete (deactivates), reactivate.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

bj::object hook_body() {
  return json::object_of({{"name", "stock to shop"}, {"event", "products.free_stock_changed"},
                          {"address", "https://engine.test/hooks/picqer"}, {"secret", "abc"}});
}

TEST(Hooks, CreateAnswersTheHookWithoutEchoingTheSecret) {
  Harness h;
  Response r = h.call("POST", "/hooks", hook_body());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Harness::body(r), bj::value(json::object_of({{"idhook", 1}, {"name", "stock to shop"},
                                                         {"event", "products.free_stock_changed"},
                                                         {"address", "https://engine.test/hooks/picqer"},
                                                         {"secret", true}, {"active", true}})));
  EXPECT_EQ(r.body.find("abc"), std::string::npos);
  bj::object unsigned_hook = hook_body();
  unsigned_hook.erase("secret");
  EXPECT_EQ(Harness::body(h.call("POST", "/hooks", unsigned_hook)).at("secret"), false);
  EXPECT_EQ(h.fake.hooks()[0].secret, "abc");
}

TEST(Hooks, CreateValidatesItsFields) {
  Harness h;
  for (const char* field : {"name", "event", "address"}) {
    bj::object body = hook_body();
    body.erase(field);
    EXPECT_TRUE(IsError(h.call("POST", "/hooks", body), 400, 5)) << field;
  }
  bj::object two = hook_body();
  two["event"] = "products.free_stock_changed,orders.completed";
  EXPECT_TRUE(IsError(h.call("POST", "/hooks", two), 400, 5)) << "one event per hook";
  bj::object ftp = hook_body();
  ftp["address"] = "ftp://engine.test/";
  EXPECT_TRUE(IsError(h.call("POST", "/hooks", ftp), 400, 5));
  bj::object events = hook_body();
  events["event"] = bj::array{"orders.completed"};
  EXPECT_TRUE(IsError(h.call("POST", "/hooks", events), 400, 5));
  EXPECT_TRUE(h.fake.hooks().empty());
}

TEST(Hooks, ListGetDeleteAndReactivate) {
  Harness h;
  int64_t a = h.create_hook("orders.completed");
  int64_t b = h.create_hook("picklists.shipments.created");
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks")).as_array().size(), 2u);
  EXPECT_EQ(Harness::body(h.call("GET", "/hooks/" + std::to_string(b))).at("event"), "picklists.shipments.created");

  Response deleted = h.call("DELETE", "/hooks/" + std::to_string(a));
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(Harness::body(deleted).at("active"), false);
  bj::value listed = Harness::body(h.call("GET", "/hooks"));
  ASSERT_EQ(listed.as_array().size(), 2u) << "a deleted hook stays listed, inactive";
  EXPECT_EQ(listed.at(0).at("active"), false);

  Response back = h.call("POST", "/hooks/" + std::to_string(a) + "/reactivate");
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(Harness::body(back).at("active"), true);
  EXPECT_TRUE(IsError(h.call("GET", "/hooks/9"), 404, 20));
  EXPECT_TRUE(IsError(h.call("DELETE", "/hooks/9"), 404, 20));
  EXPECT_TRUE(IsError(h.call("POST", "/hooks/9/reactivate"), 404, 20));
}

TEST(Hooks, DeleteCanRemoveAndIdsAreNeverReused) {
  Harness h(PicqerConfig{.delete_deactivates_hook = false});
  h.create_hook("orders.completed");
  int64_t b = h.create_hook("orders.completed");
  ASSERT_EQ(h.call("DELETE", "/hooks/" + std::to_string(b)).status, 200);
  EXPECT_TRUE(IsError(h.call("GET", "/hooks/" + std::to_string(b)), 404, 20));
  EXPECT_EQ(h.create_hook("orders.completed"), b + 1);
}

}  // namespace
}  // namespace lpsync::fakes::picqer
