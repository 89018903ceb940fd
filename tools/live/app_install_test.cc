#include "tools/live/app_install.h"

#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "fakes/lightspeed/app_store.h"

namespace lpsync::live {
namespace {

namespace ls = fakes::lightspeed;

constexpr char kSecret[] = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const Instant kNow = Instant::from_unix_seconds(1'795'000'000);

QueryParams install(int64_t at, const std::string& token = "tok-1", int64_t shop = 42) {
  return ls::signed_install("nl", shop, at, token, "eu1", kSecret).query();
}

TEST(AppCallbacks, AGenuineInstallStoresThePassword) {
  MemoryStateStore store;
  AppCallbacks app(store, kSecret);
  CallbackVerdict v = app.install(install(kNow.unix_seconds() - 30), kNow);
  ASSERT_TRUE(v.accepted) << v.message;
  EXPECT_EQ(v.status, 200);
  auto i = stored_installation(store);
  ASSERT_TRUE(i);
  EXPECT_EQ(i->shop_id, 42);
  EXPECT_EQ(i->language, "nl");
  EXPECT_EQ(i->cluster, "eu1");
  EXPECT_EQ(i->password, md5_hex(std::string("tok-1") + kSecret)) << "API password = md5(token + app_secret)";
  EXPECT_EQ(v.message.find("tok-1"), std::string::npos);
}

TEST(AppCallbacks, RefusedWhenForgedStaleReplayedOrIncomplete) {
  MemoryStateStore store;
  AppCallbacks app(store, kSecret);
  QueryParams forged = install(kNow.unix_seconds());
  for (auto& [k, v] : forged) {
    if (k == "token") v = "another-token";  // signed for tok-1
  }
  EXPECT_EQ(app.install(forged, kNow).status, 401);
  QueryParams unsigned_cluster = install(kNow.unix_seconds());
  for (auto& [k, v] : unsigned_cluster) {
    if (k == "cluster_id") v = "us1";  // not signed: still genuine
  }
  EXPECT_EQ(app.install(install(kNow.unix_seconds() - 601), kNow).status, 401) << "10 minutes and a second ago";
  EXPECT_EQ(app.install(install(kNow.unix_seconds() + 601), kNow).status, 401) << "from the future";
  QueryParams missing = install(kNow.unix_seconds());
  missing.erase(missing.begin());  // no language
  EXPECT_EQ(app.install(missing, kNow).status, 400);
  EXPECT_FALSE(stored_installation(store));

  EXPECT_TRUE(app.install(unsigned_cluster, kNow).accepted);
  EXPECT_EQ(stored_installation(store)->cluster, "us1");
  CallbackVerdict again = app.install(unsigned_cluster, kNow + Duration::seconds(5));
  EXPECT_EQ(again.status, 409) << "a used link";
  // A restart does not forget: the used signature is in the store.
  AppCallbacks restarted(store, kSecret);
  EXPECT_EQ(restarted.install(unsigned_cluster, kNow).status, 409);
}

TEST(AppCallbacks, OneShopPerConnection) {
  MemoryStateStore store;
  AppCallbacks app(store, kSecret);
  ASSERT_TRUE(app.install(install(kNow.unix_seconds(), "a", 42), kNow).accepted);
  EXPECT_EQ(app.install(install(kNow.unix_seconds(), "b", 43), kNow).status, 409);
  EXPECT_TRUE(app.install(install(kNow.unix_seconds(), "c", 42), kNow).accepted) << "the same shop installs again";
  EXPECT_EQ(stored_installation(store)->password, md5_hex(std::string("c") + kSecret));
  AppCallbacks pinned(store, kSecret, 7);
  EXPECT_EQ(pinned.install(install(kNow.unix_seconds(), "d", 42), kNow).status, 409) << "lightspeed.shop_id is 7";
}

TEST(AppCallbacks, UninstallDeletesTheCredentials) {
  MemoryStateStore store;
  AppCallbacks app(store, kSecret);
  ASSERT_TRUE(app.install(install(kNow.unix_seconds()), kNow).accepted);
  QueryParams forged = ls::signed_uninstall("nl", 42, kNow.unix_seconds(), "eu1", "another secret").query();
  EXPECT_EQ(app.uninstall(forged, kNow).status, 401);
  EXPECT_TRUE(stored_installation(store));
  QueryParams bye = ls::signed_uninstall("nl", 42, kNow.unix_seconds(), "eu1", kSecret).query();
  CallbackVerdict v = app.uninstall(bye, kNow);
  EXPECT_TRUE(v.accepted) << v.message;
  EXPECT_FALSE(stored_installation(store));
  EXPECT_EQ(app.uninstall(bye, kNow).status, 409);
}

}  // namespace
}  // namespace lpsync::live
