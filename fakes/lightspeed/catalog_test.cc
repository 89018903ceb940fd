// products, product images (and the image files), variants, variant movements.
#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "fakes/lightspeed/images.h"
#include "fakes/lightspeed/test_support.h"

namespace lpsync::fakes::lightspeed::testing {
namespace {

namespace bj = boost::json;

std::string str(const bj::value& v) { return std::string(v.as_string()); }

TEST(Products, ListGetAndCountWithTheirEnvelopes) {
  Harness h;
  int64_t pid = h.add_shirt();
  ProductSpec bare;
  bare.title = "Plain mug";
  int64_t mug = h.fake.add_product(bare);

  bj::value list = body_of(h.get("/en/products.json"));
  ASSERT_EQ(list.at("products").as_array().size(), 2u);
  EXPECT_EQ(list.as_object().size(), 1u) << "lists carry no total";
  EXPECT_EQ(list.at("products").at(0).at("id").as_int64(), pid);

  bj::value one = body_of(h.get("/en/products/" + std::to_string(pid) + ".json"));
  const bj::value& p = one.at("product");
  EXPECT_EQ(str(p.at("title")), "Shirt");
  EXPECT_EQ(str(p.at("url")), "shirt");
  EXPECT_EQ(str(p.at("createdAt")), "2026-11-02T08:00:00+00:00");
  EXPECT_EQ(p.at("brand"), bj::value(false));
  EXPECT_EQ(str(p.at("image").at("title")), "a");
  const bj::value& variants = p.at("variants").at("resource");
  EXPECT_EQ(variants.at("id"), bj::value(false));
  EXPECT_EQ(str(variants.at("link")), "http://lightspeed.test/en/variants.json?product=" + std::to_string(pid));

  bj::value plain = body_of(h.get("/en/products/" + std::to_string(mug) + ".json"));
  EXPECT_EQ(plain.at("product").at("image"), bj::value(false)) << "false for an empty object";
  EXPECT_EQ(body_of(h.get("/en/products/count.json")).at("count").as_int64(), 2);
  EXPECT_EQ(body_of(h.get("/en/variants/count.json?product=" + std::to_string(mug))).at("count").as_int64(), 1)
      << "a product without variants gets one default variant";
}

TEST(ProductImages, ListPointsAtFilesTheFakeServesWithoutAuth) {
  Harness h;
  int64_t pid = h.add_shirt();
  std::string base = "/en/products/" + std::to_string(pid) + "/images";
  bj::value list = body_of(h.get(base + ".json"));
  const bj::array& images = list.at("productImages").as_array();
  ASSERT_EQ(images.size(), 2u);
  EXPECT_EQ(images[0].at("sortOrder").as_int64(), 1);
  EXPECT_EQ(images[1].at("sortOrder").as_int64(), 2);
  EXPECT_EQ(str(images[1].at("extension")), "png");
  EXPECT_EQ(body_of(h.get(base + "/count.json")).at("count").as_int64(), 2);
  int64_t image_id = images[0].at("id").as_int64();
  EXPECT_EQ(body_of(h.get(base + "/" + std::to_string(image_id) + ".json")).at("productImage").at("id").as_int64(),
            image_id);

  std::string src = str(images[0].at("src")), thumb = str(images[0].at("thumb"));
  EXPECT_EQ(src.rfind("http://lightspeed.test/static/", 0), 0u);
  TransportResult full = h.raw(Request{"GET", src, {}, ""});
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full.value().status, 200);
  EXPECT_EQ(full.value().headers.get("Content-Type"), "image/jpeg");
  EXPECT_EQ(full.value().body, image_bytes("a.jpg", false));
  EXPECT_EQ(static_cast<int64_t>(full.value().body.size()), images[0].at("size").as_int64());
  EXPECT_FALSE(full.value().headers.has("X-RateLimit-Limit"));
  TransportResult small = h.raw(Request{"GET", thumb, {}, ""});
  EXPECT_EQ(small.value().body, image_bytes("a.jpg", true));
  EXPECT_NE(small.value().body, full.value().body);
  EXPECT_EQ(h.raw(Request{"GET", src + "x", {}, ""}).value().status, 404);
  EXPECT_EQ(h.fake.journal().size(), 3u) << "image fetches are not API requests";
}

TEST(ProductImages, BytesAreDeterministicDistinctAndCarryTheFormatSignature) {
  EXPECT_EQ(image_bytes("a.jpg", false), image_bytes("a.jpg", false));
  EXPECT_NE(image_bytes("a.jpg", false), image_bytes("b.jpg", false));
  EXPECT_EQ(image_bytes("x.jpg", false).substr(0, 3), "\xFF\xD8\xFF");
  EXPECT_EQ(image_bytes("x.png", false).substr(1, 3), "PNG");
  EXPECT_EQ(image_bytes("x.gif", false).substr(0, 6), "GIF89a");
  EXPECT_LT(image_bytes("x.jpg", false).size(), 512u);
  auto ref = parse_image_path("/static/shops/000001/files/000000007/50x50x2/my%20shirt.jpg");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->image_id, 7);
  EXPECT_EQ(ref->name, "my shirt.jpg");
  EXPECT_TRUE(ref->thumb);
  EXPECT_FALSE(parse_image_path("/static/shops/1/other/7/a.jpg"));
}

TEST(Variants, ListByProductGetAndCount) {
  Harness h;
  int64_t pid = h.add_shirt();
  ProductSpec other;
  other.title = "Other";
  VariantSpec one;
  one.id = 30;
  one.sku = "SKU-30";
  other.variants = {one};
  h.fake.add_product(other);

  EXPECT_EQ(body_of(h.get("/en/variants.json")).at("variants").as_array().size(), 3u);
  bj::value of_shirt = body_of(h.get("/en/variants.json?product=" + std::to_string(pid)));
  const bj::array& vs = of_shirt.at("variants").as_array();
  ASSERT_EQ(vs.size(), 2u);
  EXPECT_EQ(vs[0].at("id").as_int64(), 11);
  EXPECT_EQ(vs[1].at("id").as_int64(), 12);
  EXPECT_EQ(body_of(h.get("/en/variants/count.json")).at("count").as_int64(), 3);
  EXPECT_EQ(h.get("/en/variants.json?product=abc").status, 400);

  const bj::value v = body_of(h.get("/en/variants/11.json")).at("variant");
  EXPECT_EQ(str(v.at("sku")), "SKU-11");
  EXPECT_EQ(str(v.at("ean")), "8712345678901");
  EXPECT_EQ(str(v.at("articleCode")), "ART-11");
  EXPECT_EQ(str(v.at("stockTracking")), "enabled");
  EXPECT_EQ(v.at("stockLevel").as_int64(), 10);
  EXPECT_EQ(v.at("priceIncl").as_double(), 12.1);
  EXPECT_EQ(v.at("isDefault"), bj::value(true));
  EXPECT_EQ(v.at("image"), bj::value(false));
  EXPECT_EQ(v.at("product").at("resource").at("id").as_int64(), pid);
  EXPECT_EQ(str(v.at("product").at("resource").at("url")), "products/" + std::to_string(pid));
  EXPECT_EQ(str(body_of(h.get("/en/variants/12.json")).at("variant").at("stockTracking")), "disabled");
  EXPECT_EQ(body_of(h.get("/en/variants/12.json")).at("variant").at("isDefault"), bj::value(false));
}

TEST(Movements, EveryStockChangeIsRecordedWithItsChannel) {
  Harness h;
  h.add_shirt();
  EXPECT_EQ(body_of(h.get("/en/variants/movements.json")).at("variantsMovements").as_array().size(), 0u);
  h.clock.advance(Duration::minutes(1));
  VariantPatch manual;
  manual.stock_level = 15;
  h.fake.update_variant(11, manual);
  h.add_order({line(11, 2)});
  h.put("/en/variants/11.json", R"({"variant":{"stockLevel":20}})");
  h.put("/en/variants/11.json", R"({"variant":{"stockLevel":20}})");  // no change: no movement
  h.put("/en/variants/12.json", R"({"variant":{"stockLevel":1}})");

  bj::value list = body_of(h.get("/en/variants/movements.json?variant=11"));
  const bj::array& ms = list.at("variantsMovements").as_array();
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(str(ms[0].at("channel")), "manual");
  EXPECT_EQ(ms[0].at("stockLevelChange").as_int64(), 5);
  EXPECT_EQ(str(ms[1].at("channel")), "auto");
  EXPECT_EQ(ms[1].at("stockLevelChange").as_int64(), -2);
  EXPECT_EQ(str(ms[2].at("channel")), "api");
  EXPECT_EQ(ms[2].at("stockLevelChange").as_int64(), 7);
  EXPECT_EQ(ms[2].at("variant").at("resource").at("id").as_int64(), 11);
  EXPECT_EQ(str(ms[0].at("createdAt")), "2026-11-02T08:01:00+00:00");
  EXPECT_EQ(body_of(h.get("/en/variants/movements/count.json")).at("count").as_int64(), 4);
  int64_t first = ms[0].at("id").as_int64();
  EXPECT_EQ(body_of(h.get("/en/variants/movements/" + std::to_string(first) + ".json"))
                .at("variantsMovement")
                .at("stockLevelChange")
                .as_int64(),
            5);
}

}  // namespace
}  // namespace lpsync::fakes::lightspeed::testing
