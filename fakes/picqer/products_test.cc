// Products: create (required fields, unique productcode, vat groups), get, update, activate,
// the list filters, images.
#include <gtest/gtest.h>

#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "fakes/picqer/test_harness.h"

namespace lpsync::fakes::picqer {
namespace {

namespace bj = boost::json;
using testing::Harness;
using testing::IsError;

bj::object product_body(const std::string& code) {
  return json::object_of({{"productcode", code}, {"name", "Mug " + code}, {"price", 12.5}, {"idvatgroup", 1},
                          {"barcode", "8712345678906"}, {"weight", 350}});
}

TEST(Products, CreateAnswers201WithTheProductAndGetReturnsIt) {
  Harness h;
  Response r = h.call("POST", "/products", product_body("MUG-1"));
  ASSERT_EQ(r.status, 201) << r.body;
  bj::object p = Harness::body(r).as_object();
  EXPECT_EQ(p.at("idproduct"), 1);
  EXPECT_EQ(p.at("productcode"), "MUG-1");
  EXPECT_EQ(p.at("name"), "Mug MUG-1");
  EXPECT_EQ(p.at("price").as_double(), 12.5);
  EXPECT_EQ(p.at("barcode"), "8712345678906");
  EXPECT_EQ(p.at("weight"), 350);
  EXPECT_EQ(p.at("active"), true);
  EXPECT_EQ(p.at("type"), "normal");
  EXPECT_EQ(p.at("created"), "2026-11-02 08:00:00");
  EXPECT_EQ(p.at("images").as_array().size(), 0u);
  ASSERT_EQ(p.at("stock").as_array().size(), 1u);
  EXPECT_EQ(p.at("stock").at(0).at("freestock"), 0);

  EXPECT_TRUE(h.fake.product(1)->via_api);
  Response got = h.call("GET", "/products/1");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(Harness::body(got), bj::value(p));
  EXPECT_TRUE(IsError(h.call("GET", "/products/2"), 404, 20));
  EXPECT_TRUE(IsError(h.call("GET", "/products/abc"), 404, 20));
}

TEST(Products, CreateNeedsIdvatgroupNamePriceAndProductcode) {
  Harness h;
  for (const char* missing : {"idvatgroup", "name", "price", "productcode"}) {
    bj::object body = product_body("X");
    body.erase(missing);
    Response r = h.call("POST", "/products", body);
    EXPECT_TRUE(IsError(r, 400, 5)) << missing;
    EXPECT_NE(r.body.find(missing), std::string::npos) << r.body;
  }
  bj::object empty_code = product_body("");
  EXPECT_TRUE(IsError(h.call("POST", "/products", empty_code), 400, 5));
  bj::object bad_type = product_body("T");
  bad_type["type"] = "bundle";
  EXPECT_TRUE(IsError(h.call("POST", "/products", bad_type), 400, 5));
  EXPECT_TRUE(h.fake.products().empty());
}

TEST(Products, UnknownVatgroupIsCode14AndVatgroupsAreListed) {
  Harness h;
  bj::object body = product_body("V");
  body["idvatgroup"] = 99;
  EXPECT_TRUE(IsError(h.call("POST", "/products", body), 400, 14));
  Response groups = h.call("GET", "/vatgroups");
  ASSERT_EQ(groups.status, 200);
  bj::array list = Harness::body(groups).as_array();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].at("idvatgroup"), 1);
  EXPECT_EQ(list[0].at("percentage").as_double(), 21.0);
  EXPECT_EQ(list[1].at("percentage").as_double(), 9.0);
  body["idvatgroup"] = list[1].at("idvatgroup");
  EXPECT_EQ(h.call("POST", "/products", body).status, 201);
}

TEST(Products, ProductcodeMustBeUniqueAmongActiveAndInactive) {
  Harness h;
  int64_t first = h.create_product("DUP");
  Response dup = h.call("POST", "/products", product_body("DUP"));
  EXPECT_TRUE(IsError(dup, 400, 7));
  EXPECT_NE(dup.body.find("DUP"), std::string::npos);

  ASSERT_EQ(h.call("POST", "/products/" + std::to_string(first) + "/inactivate").status, 200);
  EXPECT_TRUE(IsError(h.call("POST", "/products", product_body("DUP")), 400, 7));
  // Exact and case-sensitive: "dup" is another code.
  EXPECT_EQ(h.call("POST", "/products", product_body("dup")).status, 201);
  // Renaming onto a taken code is refused too; renaming onto itself is fine.
  EXPECT_TRUE(IsError(h.call("PUT", "/products/2", json::object_of({{"productcode", "DUP"}})), 400, 7));
  EXPECT_EQ(h.call("PUT", "/products/2", json::object_of({{"productcode", "dup"}})).status, 200);
  EXPECT_EQ(h.fake.products().size(), 2u);
}

TEST(Products, PutChangesOnlyTheFieldsGiven) {
  Harness h;
  int64_t id = h.create_product("P1");
  h.clock.advance(Duration::minutes(5));
  Response r = h.call("PUT", "/products/" + std::to_string(id), json::object_of({{"name", "Renamed"}, {"price", 3}}));
  ASSERT_EQ(r.status, 200) << r.body;
  bj::value p = Harness::body(r);
  EXPECT_EQ(p.at("name"), "Renamed");
  EXPECT_EQ(p.at("price").as_double(), 3.0);
  EXPECT_EQ(p.at("productcode"), "P1");
  EXPECT_EQ(p.at("created"), "2026-11-02 08:00:00");
  EXPECT_EQ(p.at("updated"), "2026-11-02 08:05:00");
  EXPECT_TRUE(IsError(h.call("PUT", "/products/77", json::object_of({{"name", "x"}})), 404, 20));
  EXPECT_TRUE(IsError(h.call("PUT", "/products/1", json::object_of({{"idvatgroup", 5}})), 400, 14));
}

TEST(Products, InactiveProductsOnlyWithTheInactiveFilter) {
  Harness h;
  h.create_product("A");
  int64_t b = h.create_product("B");
  ASSERT_EQ(h.call("POST", "/products/" + std::to_string(b) + "/inactivate").status, 200);
  auto codes = [&](const std::string& target) {
    std::vector<std::string> out;
    bj::value list = Harness::body(h.call("GET", target));
    for (const auto& p : list.as_array()) out.emplace_back(p.at("productcode").as_string());
    return out;
  };
  EXPECT_EQ(codes("/products"), std::vector<std::string>{"A"});
  EXPECT_EQ(codes("/products?inactive"), std::vector<std::string>{"B"});
  EXPECT_EQ(codes("/products?inactive=true"), std::vector<std::string>{"B"});
  EXPECT_EQ(codes("/products?inactive=false"), std::vector<std::string>{"A"});
  EXPECT_EQ(codes("/products?productcode=B"), std::vector<std::string>{});
  EXPECT_EQ(codes("/products?productcode=B&inactive"), std::vector<std::string>{"B"});
  EXPECT_EQ(Harness::body(h.call("GET", "/products/2")).at("active"), false) << "GET by id shows inactive products";

  ASSERT_EQ(h.call("POST", "/products/2/activate").status, 200);
  EXPECT_EQ(codes("/products"), (std::vector<std::string>{"A", "B"}));
  EXPECT_TRUE(IsError(h.call("POST", "/products/9/activate"), 404, 20));
}

TEST(Products, TheInactiveFilterCanAlsoMeanActiveAndInactive) {
  Harness h(PicqerConfig{.inactive_filter = InactiveFilter::active_and_inactive});
  h.create_product("A");
  h.create_product("B");
  ASSERT_EQ(h.call("POST", "/products/2/inactivate").status, 200);
  EXPECT_EQ(Harness::body(h.call("GET", "/products")).as_array().size(), 1u);
  EXPECT_EQ(Harness::body(h.call("GET", "/products?inactive")).as_array().size(), 2u);
}

TEST(Products, ProductcodeFilterIsAnExactMatch) {
  Harness h;
  for (std::string code : {"SKU-1", "SKU-10", "sku-1", "SKU 1"}) h.create_product(code);
  auto found = Harness::body(h.call("GET", "/products?productcode=SKU-1")).as_array();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].at("productcode"), "SKU-1");
  auto spaced = Harness::body(h.call("GET", "/products?productcode=SKU%201")).as_array();
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_EQ(spaced[0].at("idproduct"), 4);
  EXPECT_TRUE(Harness::body(h.call("GET", "/products?productcode=SKU")).as_array().empty());
}

TEST(Products, IdproductsFilterTakesACommaList) {
  Harness h;
  for (std::string code : {"A", "B", "C"}) h.create_product(code);
  auto found = Harness::body(h.call("GET", "/products?idproducts=1,3")).as_array();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].at("productcode"), "C");
  EXPECT_TRUE(IsError(h.call("GET", "/products?idproducts=1,x"), 400, 5));
}

TEST(Products, ImagesAreStoredFromBase64AndGetAUrl) {
  Harness h;
  int64_t id = h.create_product("IMG");
  std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  Response r = h.call("POST", "/products/1/images", json::object_of({{"image", base64_encode(png)}}));
  ASSERT_EQ(r.status, 201) << r.body;
  bj::value image = Harness::body(r);
  EXPECT_EQ(image.at("idproduct_image"), 1);
  EXPECT_EQ(image.at("contenttype"), "image/png");
  EXPECT_EQ(image.at("size"), static_cast<int64_t>(png.size()));
  std::string url(image.at("url").as_string());
  EXPECT_EQ(url.rfind("http://picqer.test/", 0), 0u) << url;

  ASSERT_EQ(h.call("POST", "/products/1/images", json::object_of({{"image", base64_encode("\xFF\xD8\xFFjpeg")}})).status, 201);
  auto list = Harness::body(h.call("GET", "/products/1/images")).as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].at("contenttype"), "image/jpeg");
  auto product = Harness::body(h.call("GET", "/products/1"));
  ASSERT_EQ(product.at("images").as_array().size(), 2u);
  EXPECT_EQ(product.at("images").at(0), bj::value(url));
  EXPECT_EQ(h.fake.product(id)->images[0].bytes, png);

  ASSERT_EQ(h.call("DELETE", "/products/1/images/1").status, 200);
  EXPECT_EQ(Harness::body(h.call("GET", "/products/1/images")).as_array().size(), 1u);
  EXPECT_TRUE(IsError(h.call("DELETE", "/products/1/images/1"), 404, 20));
}

TEST(Products, InvalidImagesAreRefused) {
  Harness h;
  h.create_product("IMG");
  EXPECT_TRUE(IsError(h.call("POST", "/products/1/images", json::object_of({{"image", "not base64!"}})), 400, 5));
  EXPECT_TRUE(IsError(h.call("POST", "/products/1/images", json::object_of({{"image", "abc"}})), 400, 5));
  EXPECT_TRUE(IsError(h.call("POST", "/products/1/images", json::object_of({{"image", ""}})), 400, 5));
  EXPECT_TRUE(IsError(h.call("POST", "/products/1/images", json::object_of({{"url", "http://x"}})), 400, 5));
  EXPECT_TRUE(IsError(h.call("POST", "/products/2/images", json::object_of({{"image", "aGk="}})), 404, 20));
  EXPECT_TRUE(h.fake.product(1)->images.empty());
}

}  // namespace
}  // namespace lpsync::fakes::picqer
