// The contract of the StateStore interface, run against every store: what is put is read
// back, links are unique both ways, a refused write stores nothing, lists keep their order.
#include <gtest/gtest.h>

#include "engine/state/pg_store_factory.h"
#include "engine/state/store_factories.h"

namespace lpsync {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

template <typename Stores>
class StateStoreContract : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Stores().make(); }
  StateStore& s() { return *store_; }
  std::unique_ptr<StateStore> store_;
};

struct StoreNames {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Stores = ::testing::Types<testing::MemoryStores, testing::SqliteStores, testing::PgStores>;
TYPED_TEST_SUITE(StateStoreContract, Stores, StoreNames);

TYPED_TEST(StateStoreContract, OrderLinksAreOnePerLightspeedOrderAndPerPicqerOrder) {
  StateStore& s = this->s();
  EXPECT_FALSE(s.order_link(1));
  s.put_order_link({1, "ORD1", 100, false, kT});
  s.put_order_link({1, "ORD1", 100, true, kT});  // updating the same link is fine
  EXPECT_TRUE(s.order_link(1)->processed);
  EXPECT_THROW(s.put_order_link({1, "ORD1", 101, true, kT}), std::logic_error);
  EXPECT_THROW(s.put_order_link({2, "ORD2", 100, false, kT}), std::logic_error);
  s.put_order_link({2, "ORD2", 102, false, kT + Duration::seconds(1)});
  std::vector<OrderLink> expected = {{1, "ORD1", 100, true, kT}, {2, "ORD2", 102, false, kT + Duration::seconds(1)}};
  EXPECT_EQ(s.order_links(), expected);
}

TYPED_TEST(StateStoreContract, ValueKeysListEveryValueInOrder) {
  StateStore& s = this->s();
  EXPECT_TRUE(s.value_keys().empty());
  s.put_value("b", "2");
  s.put_value("a", std::string("bytes\0with a nul", 16));
  s.put_value("b", "3");
  EXPECT_EQ(s.value_keys(), (std::vector<std::string>{"a", "b"}));
}

TYPED_TEST(StateStoreContract, OrderLinksKeepWhatWasDecidedAfterImport) {
  StateStore& s = this->s();
  OrderLink link{7, "ORD7", 700, false, kT, true, false, "v1x2;v3x1", kT + Duration::minutes(5), "", true};
  s.put_order_link(link);
  EXPECT_EQ(s.order_link(7), link);
  link.cancelled = true;
  link.allocated = false;
  link.needs_person = "cancelled_after_pick";
  link.followed_at = kT + Duration::hours(2);
  link.pickup = false;
  s.put_order_link(link);
  EXPECT_EQ(s.order_link(7), link);
  EXPECT_EQ(s.order_links(), std::vector<OrderLink>{link});
}

TYPED_TEST(StateStoreContract, ProductLinksByVariantAndByCode) {
  StateStore& s = this->s();
  s.put_product_link({11, "A", 500, true, false});
  EXPECT_EQ(s.product_link(11), (ProductLink{11, "A", 500, true, false}));
  EXPECT_EQ(s.product_link_by_code("A")->variant_id, 11);
  EXPECT_THROW(s.put_product_link({12, "A", 501, false, true}), std::logic_error);
  EXPECT_FALSE(s.product_link(12));
  // A variant whose SKU changed gets a new link; the old code is free again.
  s.put_product_link({11, "B", 502, false, true});
  EXPECT_FALSE(s.product_link_by_code("A"));
  s.put_product_link({12, "A", 501, false, true});
  EXPECT_EQ(s.product_links(), (std::vector<ProductLink>{{11, "B", 502, false, true}, {12, "A", 501, false, true}}));
  s.remove_product_link(11);
  s.remove_product_link(99);  // nothing to remove: fine
  EXPECT_FALSE(s.product_link(11));
  EXPECT_FALSE(s.product_link_by_code("B"));
  EXPECT_EQ(s.product_links().size(), 1u);
}

TYPED_TEST(StateStoreContract, ProductLinksOfOnePicqerProduct) {
  StateStore& s = this->s();
  s.put_product_link({11, "A", 500, false, true});
  s.put_product_link({12, "B", 501, false, true});
  EXPECT_EQ(s.product_links_of(500), (std::vector<ProductLink>{{11, "A", 500, false, true}}));
  // Relinked to another product, the variant leaves the first one's list.
  s.put_product_link({11, "C", 501, false, true});
  EXPECT_TRUE(s.product_links_of(500).empty());
  EXPECT_EQ(s.product_links_of(501).size(), 2u);
  s.remove_product_link(12);
  EXPECT_EQ(s.product_links_of(501), (std::vector<ProductLink>{{11, "C", 501, false, true}}));
  EXPECT_TRUE(s.product_links_of(999).empty());
}

TYPED_TEST(StateStoreContract, IntentsUntilTheirResultIsStored) {
  StateStore& s = this->s();
  s.begin_intent({IntentKind::create_order, "ORD1", kT});
  s.begin_intent({IntentKind::create_product, "ORD1", kT});
  s.begin_intent({IntentKind::push_shipment, "77", kT});
  s.begin_intent({IntentKind::push_shipment, "77", kT + Duration::seconds(5)});  // again: one intent
  EXPECT_EQ(s.intents().size(), 3u);
  s.end_intent(IntentKind::create_order, "ORD1");
  s.end_intent(IntentKind::create_order, "never");
  std::vector<Intent> expected = {{IntentKind::create_product, "ORD1", kT},
                                  {IntentKind::push_shipment, "77", kT + Duration::seconds(5)}};
  EXPECT_EQ(s.intents(), expected);
}

TYPED_TEST(StateStoreContract, HeldListIsReplacedAndKeepsItsOrder) {
  StateStore& s = this->s();
  std::vector<HeldOrder> held = {{5, "ORD5", HeldReason::not_paid, kT},
                                 {2, "ORD2", HeldReason::duplicate_sku, kT + Duration::seconds(1)},
                                 {9, "ORD9", HeldReason::product_not_in_picqer, kT}};
  s.put_held(held);
  EXPECT_EQ(s.held(), held);
  s.put_held({held[1]});
  EXPECT_EQ(s.held(), std::vector<HeldOrder>{held[1]});
  s.put_held({});
  EXPECT_TRUE(s.held().empty());
}

TYPED_TEST(StateStoreContract, ShopStockLevels) {
  StateStore& s = this->s();
  EXPECT_FALSE(s.shop_stock(11));
  s.put_shop_stock(11, 4);
  s.put_shop_stock(12, 0);
  s.put_shop_stock(11, 7);
  EXPECT_EQ(s.shop_stock(11), 7);
  EXPECT_EQ(s.shop_stock(12), 0);
}

TYPED_TEST(StateStoreContract, ShipmentPushesOnePerShopShipment) {
  StateStore& s = this->s();
  s.put_shipment_push({9, 1, 77, "3S123", true, kT});
  EXPECT_EQ(s.shipment_push(9), (ShipmentPush{9, 1, 77, "3S123", true, kT}));
  // A later Picqer shipment of the same order is reported, not pushed.
  s.put_shipment_push({10, 1, 0, "3S124", false, kT});
  s.put_shipment_push({11, 1, 0, "3S125", false, kT});
  // Marking the same shop shipment shipped for a second Picqer shipment is refused.
  EXPECT_THROW(s.put_shipment_push({12, 1, 77, "3S126", true, kT}), std::logic_error);
  EXPECT_FALSE(s.shipment_push(12));
  EXPECT_EQ(s.shipment_pushes().size(), 3u);
  EXPECT_EQ(s.shipment_pushes().front().idshipment, 9);
}

TYPED_TEST(StateStoreContract, BulkImportWithSkippedVariantsAndTheirSharingLists) {
  StateStore& s = this->s();
  EXPECT_EQ(s.bulk_import(), BulkImport{});
  BulkImport b;
  b.running = true;
  b.total = 10;
  b.started_at = kT;
  b.skipped = {{3, SkuProblem::missing_sku, {}}, {4, SkuProblem::duplicate_sku, {4, 6}}};
  s.put_bulk_import(b);
  EXPECT_EQ(s.bulk_import(), b);
  // The list grows as the import goes on...
  b.done = 6;
  b.last_variant_id = 6;
  b.linked = 2;
  b.created = 1;
  b.setting_up_variant_id = 7;
  b.skipped.push_back({6, SkuProblem::duplicate_sku, {4, 6}});
  s.put_bulk_import(b);
  EXPECT_EQ(s.bulk_import(), b);
  // ...and any other change of it is stored as well.
  b.skipped[1].sharing = {4, 6, 8};
  b.skipped.erase(b.skipped.begin());
  s.put_bulk_import(b);
  EXPECT_EQ(s.bulk_import(), b);
  b.running = false;
  b.finished = true;
  b.finished_at = kT + Duration::minutes(3);
  b.created = 5;
  s.put_bulk_import(b);
  EXPECT_EQ(s.bulk_import(), b);
  s.put_bulk_import(BulkImport{});
  EXPECT_EQ(s.bulk_import(), BulkImport{});
}

TYPED_TEST(StateStoreContract, NamedValues) {
  StateStore& s = this->s();
  EXPECT_FALSE(s.value("cursor"));
  s.put_value("cursor", "x");
  s.put_value("secret", std::string("a\0b", 3));
  s.put_value("cursor", "y");
  EXPECT_EQ(s.value("cursor"), "y");
  EXPECT_EQ(s.value("secret"), std::string("a\0b", 3));
  EXPECT_FALSE(s.value("other"));
}

TYPED_TEST(StateStoreContract, AtomicallyStoresEveryWrite) {
  StateStore& s = this->s();
  s.begin_intent({IntentKind::create_order, "ORD1", kT});
  s.atomically([&] {
    s.put_order_link({1, "ORD1", 100, false, kT});
    s.end_intent(IntentKind::create_order, "ORD1");
    s.atomically([&] { s.put_value("nested", "yes"); });
  });
  EXPECT_TRUE(s.order_link(1));
  EXPECT_TRUE(s.intents().empty());
  EXPECT_EQ(s.value("nested"), "yes");
}

TYPED_TEST(StateStoreContract, DecisionLogKeepsEachSubjectsDecisionsInOrder) {
  StateStore& s = this->s();
  using D = DecisionSubject;
  EXPECT_TRUE(s.decisions_about(D::order, "ORD1").empty());
  LoggedDecision held{D::order, "ORD1", kT, "order_held", R"({"reason":"duplicate_sku"})"};
  LoggedDecision sku{D::sku, "ORD1", kT, "product_linked", R"({"idproduct":5})"};  // same text, other kind
  LoggedDecision imported{D::order, "ORD1", kT, "order_imported", R"({"idorder":100})"};  // same millisecond
  s.append_decisions({held, sku}, kT - Duration::days(14), 200);
  s.append_decisions({imported, {D::order, "ORD2", kT, "order_held", "{}"}}, kT - Duration::days(14), 200);
  EXPECT_EQ(s.decisions_about(D::order, "ORD1"), (std::vector<LoggedDecision>{held, imported}));
  EXPECT_EQ(s.decisions_about(D::sku, "ORD1"), std::vector<LoggedDecision>{sku});
}

TYPED_TEST(StateStoreContract, DecisionLogForgetsOldEntriesAndCapsEachSubject) {
  StateStore& s = this->s();
  using D = DecisionSubject;
  auto at = [](int minute) { return kT + Duration::minutes(minute); };
  s.append_decisions({{D::order, "OLD", at(0), "order_held", "{}"}, {D::order, "A", at(0), "order_held", "{}"}},
                     at(0), 3);
  // Four decisions about A with a cap of 3: the oldest goes. OLD is older than keep_since.
  std::vector<LoggedDecision> batch;
  for (int m = 1; m <= 3; ++m) batch.push_back({D::order, "A", at(m), "order_held", "{}"});
  s.append_decisions(batch, at(1), 3);
  EXPECT_TRUE(s.decisions_about(D::order, "OLD").empty());
  EXPECT_EQ(s.decisions_about(D::order, "A"), batch);
  // The cap counts per subject: B's entries do not push out A's.
  s.append_decisions({{D::order, "B", at(4), "order_held", "{}"}}, at(1), 1);
  EXPECT_EQ(s.decisions_about(D::order, "A").size(), 3u);
  EXPECT_EQ(s.decisions_about(D::order, "B").size(), 1u);
}

TYPED_TEST(StateStoreContract, DecisionLogKeepsEachSubjectsNewestEntriesUpToTheCap) {
  StateStore& s = this->s();
  using D = DecisionSubject;
  auto entry = [](int minute) { return LoggedDecision{D::sku, "C", kT + Duration::minutes(minute), "product_created", "{}"}; };
  // Nothing is old enough for the retention: only the cap trims, in one batch and across two.
  s.append_decisions({entry(1), entry(2), entry(3), entry(4), entry(5)}, kT, 3);
  EXPECT_EQ(s.decisions_about(D::sku, "C"), (std::vector<LoggedDecision>{entry(3), entry(4), entry(5)}));
  s.append_decisions({entry(6)}, kT, 3);
  EXPECT_EQ(s.decisions_about(D::sku, "C"), (std::vector<LoggedDecision>{entry(4), entry(5), entry(6)}));
}

}  // namespace
}  // namespace lpsync
