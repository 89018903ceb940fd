// Stock (section 4), shipments (section 5) and webhooks (section 8) against both fakes.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/env/crypto.h"
#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

Settings pushing() {
  Settings s = stock_settings();
  s.send_shipments = true;
  return s;
}


TEST(Stock, LinkedVariantsGetPicqersFreeStock) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  // SHIRT-S is linked (Picqer has it): the shop shows Picqer's free stock, 7.
  EXPECT_EQ(shop_stock(w, 11), 7);
  // Unlinked variants are left alone.
  EXPECT_EQ(shop_stock(w, 12), 4);
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 30).ok());
  w.run_until(kStart + Duration::minutes(2));
  EXPECT_EQ(shop_stock(w, 11), 30);
}

// Section 4 "Never pushed": a variant the shop does not count gets no stock, from the
// webhook nor from the reconciliations, and is reported once, not at every attempt.
TEST(Stock, AVariantTheShopDoesNotCountIsNeverPushedAndReportedOnce) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  ls_fake::VariantPatch untracked;
  untracked.stock_tracking = "disabled";
  w.lightspeed().update_variant(11, untracked);
  w.start_engine();
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 30).ok());
  w.run_until(kStart + Duration::hours(3));
  EXPECT_EQ(shop_stock(w, 11), 5);
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /variants/*"), 0u);
  const auto& notes = w.engine()->report().notes;
  auto reported = std::count_if(notes.begin(), notes.end(), [](const std::string& n) {
    return n.find("Variant 11 (SHIRT-S) gets no stock from Picqer") != std::string::npos;
  });
  EXPECT_EQ(reported, 1) << "three reconciliations and a webhook, one note";
}

TEST(Stock, ManyChangesCoalesceIntoOneWriteWithTheLatestValue) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  size_t before = w.lightspeed().journal().writes("PUT /variants/*");
  for (int i = 1; i <= 20; ++i) {
    ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 100 + i).ok());
    w.run_until(w.clock().now() + Duration::millis(200));
  }
  w.run_until(kStart + Duration::minutes(3));
  EXPECT_EQ(shop_stock(w, 11), 120);
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /variants/*") - before, 1u);
}

TEST(Stock, OffByDefaultThenSwitchedOnPushesAtTheNextReconciliation) {
  sim::World w(world_config(active_settings()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::hours(2));
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /variants/*"), 0u);
  EXPECT_EQ(shop_stock(w, 11), 5);
  Settings on = w.settings();
  on.send_stock = true;
  w.change_settings(on);
  w.run_until(kStart + Duration::hours(2) + Duration::minutes(1));
  EXPECT_EQ(shop_stock(w, 11), 7);
}

TEST(Stock, WarehousesThatDoNotCountAreLeftOut) {
  sim::World w(world_config(pushing()));
  pq_fake::WarehouseSpec main;
  main.idwarehouse = 1;
  ASSERT_TRUE(w.picqer().add_warehouse(main).ok());
  pq_fake::WarehouseSpec returns;
  returns.idwarehouse = 2;
  returns.name = "Returns";
  returns.counts_for_general_stock = false;
  ASSERT_TRUE(w.picqer().add_warehouse(returns).ok());
  add_standard_catalogue(w);
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 2, 50).ok());
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_EQ(shop_stock(w, 11), 7);
}

TEST(Stock, OrdersWaitingForImportAreNotSoldTwice) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  EXPECT_EQ(shop_stock(w, 11), 7);
  // An unpaid order of 3: the shop lowers its stock to 4; Picqer knows nothing of it.
  place_order(w, "ORD1", {{11, 3}}, "not_paid");
  EXPECT_EQ(shop_stock(w, 11), 4);
  // Picqer's stock changes meanwhile: free 7 -> 9. Without the pending term the shop would
  // get 9 and sell the 3 again.
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 9).ok());
  w.run_until(kStart + Duration::minutes(20));
  EXPECT_EQ(shop_stock(w, 11), 6);
}

TEST(Stock, DriftAfterALostWebhookIsRepairedByTheReconciliation) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  w.picqer().add_fault({fakes::FaultKind::webhook_drop, "", 1, std::nullopt, w.clock().now()});
  ASSERT_TRUE(w.picqer().set_stock("SHIRT-S", 1, 12).ok());
  w.run_until(kStart + Duration::minutes(30));
  EXPECT_EQ(shop_stock(w, 11), 7);  // the webhook was lost
  w.run_until(kStart + Duration::hours(1) + Duration::minutes(2));
  EXPECT_EQ(shop_stock(w, 11), 12);  // the hourly reconciliation repaired it
}

TEST(Shipments, PushedExactlyOnceEvenWithDuplicatedWebhooks) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  int64_t order = place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(picqer_references(w), (std::vector<std::string>{"ORD1"}));
  w.picqer().add_fault({fakes::FaultKind::webhook_duplicate, "", std::nullopt, kStart + Duration::days(1),
                        w.clock().now()});
  ASSERT_TRUE(w.picqer().ship_order("ORD1", "3SXYZ", "postnl").ok());
  w.run_until(kStart + Duration::hours(3));
  const auto* shipment = w.lightspeed().shipment_of_order(order);
  ASSERT_TRUE(shipment);
  EXPECT_EQ(shipment->status, "shipped");
  EXPECT_EQ(shipment->tracking_code, "3SXYZ");
  EXPECT_EQ(w.lightspeed().order(order)->shipment_status, "shipped");
  EXPECT_EQ(w.lightspeed().journal().writes("PUT /shipments/*"), 1u);
}

TEST(Shipments, FoundByThePollWhenTheWebhookIsLost) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  int64_t order = place_order(w, "ORD1", {{21, 1}});
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  w.picqer().add_fault({fakes::FaultKind::webhook_drop, "", std::nullopt, kStart + Duration::days(1), w.clock().now()});
  ASSERT_TRUE(w.picqer().ship_order("ORD1", "3SLOST", "postnl").ok());
  w.run_until(kStart + Duration::minutes(15));
  EXPECT_EQ(w.lightspeed().shipment_of_order(order)->tracking_code, "3SLOST");
}

TEST(Webhooks, AWrongSignatureIsRefusedAndChangesNothing) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  std::string body = R"({"idhook":1,"name":"x","event":"products.free_stock_changed","event_triggered_at":"2026-11-02 08:01:00","data":{"idproduct":1}})";
  Request forged{"POST", w.connection().webhook_url + "/webhooks/picqer", {{"X-Picqer-Signature", picqer_signature(body, "guess")}}, body};
  auto r = w.engine()->receive_webhook(forged);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().status, 401);
  Request unsigned_request{"POST", w.connection().webhook_url + "/webhooks/picqer", {}, body};
  EXPECT_EQ(w.engine()->receive_webhook(unsigned_request).value().status, 401);
  Request wrong_token{"POST", w.connection().webhook_url + "/webhooks/lightspeed/nope", {}, "{}"};
  EXPECT_EQ(w.engine()->receive_webhook(wrong_token).value().status, 401);
  std::string order = R"({"order":{"id":1}})";
  Request forged_shop{"POST", w.connection().webhook_url + "/webhooks/lightspeed/" + w.connection().webhook_token,
                      {{"X-Signature", lightspeed_signature(order, "guess")}}, order};
  EXPECT_EQ(w.engine()->receive_webhook(forged_shop).value().status, 401) << "a valid token, a forged signature";
  EXPECT_EQ(w.engine()->report().webhooks_refused, 4);
}

TEST(Webhooks, RegisteredOnceAndLightspeedOnlyWhenWritable) {
  Settings ro = pushing();
  ro.read_only = true;
  sim::World w(world_config(ro));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::hours(3));
  EXPECT_EQ(w.picqer().hooks().size(), 2u);
  EXPECT_EQ(w.lightspeed().shop().webhooks().size(), 0u);
  Settings rw = w.settings();
  rw.read_only = false;
  w.change_settings(rw);
  w.run_until(kStart + Duration::hours(6));
  w.crash();
  w.run_until(kStart + Duration::hours(8));
  EXPECT_EQ(w.picqer().hooks().size(), 2u);
  EXPECT_EQ(w.lightspeed().shop().webhooks().size(), 3u);
}

TEST(Webhooks, APicqerHookOfOursThatWasDeactivatedIsReactivatedNotReplaced) {
  sim::World w(world_config(pushing()));
  add_standard_catalogue(w);
  w.start_engine();
  w.run_until(kStart + Duration::minutes(1));
  ASSERT_EQ(w.picqer().hooks().size(), 2u);
  int64_t idhook = w.picqer().hooks().front().idhook;
  // DELETE only deactivates in Picqer (the hook stays listed with active=false).
  Request deactivate{"DELETE", w.picqer().config().origin + "/api/v1/hooks/" + std::to_string(idhook),
                     {{"Authorization", basic_auth_header(w.picqer().config().api_key, "")}, {"User-Agent", "test (x@y.test)"}},
                     ""};
  ASSERT_EQ(w.picqer().handle(deactivate).value().status, 200);
  ASSERT_FALSE(w.picqer().hooks().front().active);
  w.run_until(kStart + Duration::minutes(62));  // the hourly check
  std::vector<fakes::picqer::Hook> hooks = w.picqer().hooks();
  ASSERT_EQ(hooks.size(), 2u) << "reactivated, not replaced by a third hook";
  EXPECT_EQ(hooks.front().idhook, idhook);
  EXPECT_TRUE(hooks.front().active);
  EXPECT_TRUE(hooks.back().active);
}

}  // namespace
}  // namespace lpsync::testing
