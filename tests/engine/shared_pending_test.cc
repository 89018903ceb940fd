// Two shops on one Picqer account (sync-rules section 4, last bullet, and section 11): the
// stock each shop is given leaves out what the OTHER shop's not-yet-imported orders will take.
// Two real engines, two fake Lightspeed shops, one fake Picqer account, one clock; the
// engines share their pending quantities through one MemoryPendingBook.
#include <gtest/gtest.h>

#include <memory>

#include "engine/state/shared_pending.h"
#include "tests/engine/shop_fixture.h"

namespace lpsync::testing {
namespace {

constexpr char kPicqer[] = "http://picqer.test";

// One shop with its engine: "MUG" (variant 21, 9 in the shop's count).
struct Shop {
  std::string name;
  std::unique_ptr<ls_fake::LightspeedFake> fake;
  Connection connection;
  MemoryStateStore store;
  Trace trace{false};
  std::unique_ptr<MemorySharedPending> shared;
  std::unique_ptr<Engine> engine;

  int64_t mug() const { return fake->variant(21)->stock_level; }
};

class TwoShopsOnePicqerAccount : public ::testing::Test {
 protected:
  TwoShopsOnePicqerAccount() {
    Random random(1);
    picqer_ = std::make_unique<pq_fake::PicqerFake>(clock_, transport_, random.stream("fake.picqer"));
    transport_.route(kPicqer, [this](const Request& r) { return picqer_->handle(r); });
    pq_fake::ProductSpec mug;
    mug.productcode = "MUG";
    mug.stock = {{1, 10}};
    if (!picqer_->add_product(mug).ok()) throw std::runtime_error("the fake refused the product");
    for (Shop* s : {&a_, &b_}) add_shop(*s, s == &a_ ? "a" : "b", random);
  }
  ~TwoShopsOnePicqerAccount() override {
    a_.engine.reset();
    b_.engine.reset();
  }

  void add_shop(Shop& s, const std::string& name, const Random& random) {
    s.name = name;
    ls_fake::LightspeedConfig config;
    config.origin = "http://shop-" + name + ".test";
    s.fake = std::make_unique<ls_fake::LightspeedFake>(clock_, transport_, random.stream("fake.lightspeed." + name), config);
    ls_fake::ProductSpec mug;
    mug.id = 2;
    mug.title = "Mug";
    mug.variants = {{21, "Default", "MUG", "8710000000021", "", 8, 9.68, 9, "enabled", 350}};
    s.fake->add_product(mug);
    transport_.route(config.origin, [&s](const Request& r) { return s.fake->handle(r); });
    std::string engine_origin = "http://engine-" + name + ".test";
    transport_.route(engine_origin, [&s](const Request& r) -> TransportResult {
      if (!s.engine) return TransportError{TransportErrorKind::refused, "the engine is not running"};
      return s.engine->receive_webhook(r);
    });
    s.connection.lightspeed_url = config.origin;
    s.connection.lightspeed_key = config.key;
    s.connection.lightspeed_secret = config.secret;
    s.connection.shop_id = config.shop_id;
    s.connection.picqer_url = kPicqer;
    s.connection.picqer_key = pq_fake::PicqerConfig{}.api_key;
    s.connection.webhook_url = engine_origin;
    s.connection.webhook_token = "token-" + name;
  }

  // Starts both engines; `share` false: each counts its own shop only (as before issue 18).
  void start(bool share = true) {
    Settings settings = active_settings();
    settings.send_stock = true;
    for (Shop* s : {&a_, &b_}) {
      if (share) s->shared = std::make_unique<MemorySharedPending>(book_, s->connection.picqer_account(), s->name);
      EngineEnv env{clock_, transport_, s->store, s->trace, 1, Tuning{}, nullptr, s->shared.get()};
      s->engine = std::make_unique<Engine>(std::move(env), s->connection, settings);
      s->engine->start();
    }
  }
  void run_for(Duration d) { clock_.run_until(clock_.now() + d); }
  int64_t picqer_free_mug() const { return picqer_->stock("MUG", 1).freestock(); }

  SimClock clock_{kStart};
  DirectTransport transport_;
  std::unique_ptr<pq_fake::PicqerFake> picqer_;
  MemoryPendingBook book_;
  Shop a_, b_;
};

TEST_F(TwoShopsOnePicqerAccount, ShopBLeavesOutShopAsHeldOrderAndGetsItBackOnceImported) {
  start();
  run_for(Duration::minutes(1));
  ASSERT_EQ(a_.mug(), 10);
  ASSERT_EQ(b_.mug(), 10);

  // Shop A sells 3 mugs, not paid yet: held (filter "paid"), so Picqer has reserved nothing.
  int64_t order = place_order(*a_.fake, "A-1001", {{21, 3}}, "not_paid");
  run_for(Duration::minutes(12));  // two polls of each engine
  ASSERT_EQ(a_.engine->report().held.size(), 1u);
  EXPECT_EQ(picqer_free_mug(), 10);
  EXPECT_EQ(a_.mug(), 7) << "A's own pending (section 4)";
  EXPECT_EQ(b_.mug(), 7) << "B must not sell the 3 mugs shop A's held order will take";

  // Paid: A imports it, Picqer reserves the 3, and A no longer counts them as pending.
  ls_fake::OrderPatch paid;
  paid.payment_status = "paid";
  a_.fake->update_order(order, paid);
  run_for(Duration::minutes(12));
  ASSERT_TRUE(a_.engine->report().held.empty());
  EXPECT_EQ(picqer_free_mug(), 7);
  EXPECT_EQ(a_.mug(), 7);
  EXPECT_EQ(b_.mug(), 7) << "converged: Picqer's free stock, the 3 no longer subtracted twice";
}

TEST_F(TwoShopsOnePicqerAccount, ACancelledHeldOrderGivesShopBItsStockBack) {
  start();
  int64_t order = place_order(*a_.fake, "A-1001", {{21, 3}}, "not_paid");
  run_for(Duration::minutes(12));
  ASSERT_EQ(b_.mug(), 7);
  ls_fake::OrderPatch cancelled;
  cancelled.status = "cancelled";
  a_.fake->update_order(order, cancelled);
  run_for(Duration::minutes(12));
  EXPECT_EQ(picqer_free_mug(), 10);
  EXPECT_EQ(b_.mug(), 10) << "nothing pending anywhere: B converges back to Picqer's free stock";
}

// Without sharing (each engine alone, as before issue 18), B sells A's held mugs again.
TEST_F(TwoShopsOnePicqerAccount, WithoutSharingShopBWouldSellTheHeldMugsTwice) {
  start(/*share=*/false);
  place_order(*a_.fake, "A-1001", {{21, 3}}, "not_paid");
  run_for(Duration::minutes(12));
  EXPECT_EQ(a_.mug(), 7);
  EXPECT_EQ(b_.mug(), 10);
}

}  // namespace
}  // namespace lpsync::testing
