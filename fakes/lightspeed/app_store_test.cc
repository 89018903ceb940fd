// App Store install / uninstall callbacks and app API credentials.
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "fakes/lightspeed/app_store.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

// Reference values computed outside this code base:
//   printf '%s' 'language=nlshop_id=42timestamp=1700000000token=tok123app-secret' | md5sum
//   printf '%s' 'language=nlshop_id=42timestamp=1700000000app-secret' | md5sum
//   printf '%s' 'tok123app-secret' | md5sum
TEST(AppStore, SignaturesFollowTheDocumentedMd5) {
  EXPECT_EQ(install_signature("nl", 42, 1700000000, "tok123", "app-secret"), "07f6ff9d345c6871110c049c233dc12f");
  EXPECT_EQ(uninstall_signature("nl", 42, 1700000000, "app-secret"), "712ffa17d28f890720c40940951d0138");
  EXPECT_EQ(app_api_password("tok123", "app-secret"), "1893ff1700464c0de7eed2f60a972d4d");
}

TEST(AppStore, SignedCallbacksCarryTheDocumentedParameters) {
  AppCallback in = signed_install("en", 7, 1800000000, "abc", "us1", "s");
  QueryParams q = in.query();
  EXPECT_EQ(query_value(q, "language"), "en");
  EXPECT_EQ(query_value(q, "shop_id"), "7");
  EXPECT_EQ(query_value(q, "timestamp"), "1800000000");
  EXPECT_EQ(query_value(q, "token"), "abc");
  EXPECT_EQ(query_value(q, "cluster_id"), "us1");
  EXPECT_EQ(query_value(q, "signature"), md5_hex("language=enshop_id=7timestamp=1800000000token=abcs"));
  EXPECT_EQ(signed_install("en", 7, 1800000000, "abc", "eu1", "s").signature, in.signature)
      << "cluster_id is not signed";
  AppCallback out = signed_uninstall("en", 7, 1800000000, "us1", "s");
  EXPECT_FALSE(query_value(out.query(), "token"));
  EXPECT_EQ(out.signature, md5_hex("language=enshop_id=7timestamp=1800000000s"));
}

TEST(AppStore, InstallGrantsApiAccessAndUninstallRevokesItAndDeletesWebhooks) {
  Harness h;
  h.add_webhook("orders", "created");
  AppCallback in = h.fake.install_app("app-key", "app-secret");
  ASSERT_TRUE(in.token);
  EXPECT_EQ(in.token->size(), 32u);
  EXPECT_EQ(in.timestamp, kStart.unix_seconds());
  EXPECT_EQ(in.shop_id, 1);
  EXPECT_EQ(in.cluster_id, "eu1");
  EXPECT_EQ(in.signature, install_signature("en", 1, in.timestamp, *in.token, "app-secret"));
  Request r{"GET", "http://lightspeed.test/en/orders.json", {}, ""};
  r.headers.set("Authorization", basic_auth_header("app-key", app_api_password(*in.token, "app-secret")));
  EXPECT_EQ(h.raw(r).value().status, 200);

  h.clock.advance(Duration::hours(1));
  AppCallback out = h.fake.uninstall_app("app-key", "app-secret");
  EXPECT_EQ(out.signature, uninstall_signature("en", 1, kStart.unix_seconds() + 3600, "app-secret"));
  EXPECT_EQ(h.raw(r).value().status, 401);
  EXPECT_TRUE(h.fake.shop().webhooks().empty());
  EXPECT_NE(Harness(LightspeedConfig{}, 2).fake.install_app("app-key", "app-secret").token, in.token) << "tokens depend on the seed";
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
