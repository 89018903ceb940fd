#include "engine/rules/product_mapping.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(ProductMapping, SingleVariantUsesTheProductTitle) {
  ls::Product p{7, "Linen shirt"};
  ls::Variant v;
  v.title = "Default";
  v.price_excl = 24.5;
  v.ean = "8712345678906";
  v.weight = 250;
  v.stock_level = 12;
  NewProduct n = new_product_for(p, v, 1, "SHIRT-1");
  EXPECT_EQ(n.productcode, "SHIRT-1");
  EXPECT_EQ(n.name, "Linen shirt");
  EXPECT_DOUBLE_EQ(n.price, 24.5);
  EXPECT_EQ(n.barcode, "8712345678906");
  EXPECT_EQ(n.weight, 250);
  EXPECT_EQ(n.base_stock, 12);
}

TEST(ProductMapping, SeveralVariantsAddTheVariantTitleAndNegativeStockIsZero) {
  ls::Product p{7, "Linen shirt"};
  ls::Variant v;
  v.title = "Size M";
  v.stock_level = -3;
  NewProduct n = new_product_for(p, v, 3, "SHIRT-M");
  EXPECT_EQ(n.name, "Linen shirt - Size M");
  EXPECT_EQ(n.base_stock, 0);
}

}  // namespace
}  // namespace lpsync
