#include "engine/rules/order_mapping.h"

#include <gtest/gtest.h>

namespace lpsync {
namespace {

TEST(OrderMapping, CopiesCustomerAddressesAndLines) {
  ls::Order o;
  o.number = "ORD00042";
  o.email = "ann@example.nl";
  o.phone = "+31 20 123";
  o.firstname = "Ann";
  o.lastname = "de Vries";
  o.shipping = {"Ann de Vries", "Keizersgracht", "12", "A", "1015 CS", "Amsterdam", "nl"};
  o.billing = {"Acme BV", "Damrak", "1", "", "1012 LG", "Amsterdam", "nl"};
  NewOrder n = new_order_for(o, {{501, 2, 9.5}, {502, 1, 20}});
  EXPECT_EQ(n.reference, "ORD00042");
  EXPECT_EQ(n.emailaddress, "ann@example.nl");
  EXPECT_EQ(n.telephone, "+31 20 123");
  EXPECT_EQ(n.deliveryname, "Ann de Vries");
  EXPECT_EQ(n.deliverycontactname, "Ann de Vries");
  EXPECT_EQ(n.deliveryaddress, "Keizersgracht 12 A");
  EXPECT_EQ(n.deliveryzipcode, "1015 CS");
  EXPECT_EQ(n.deliverycountry, "NL");
  EXPECT_EQ(n.invoicename, "Acme BV");
  EXPECT_EQ(n.invoiceaddress, "Damrak 1");
  ASSERT_EQ(n.products.size(), 2u);
  EXPECT_EQ(n.products[0], (NewOrderLine{501, 2, 9.5}));
}

TEST(OrderMapping, GuestOrderAlwaysHasANameAndCountry) {
  ls::Order o;
  o.number = "ORD7";
  o.firstname = "Bo";
  NewOrder n = new_order_for(o, {});
  EXPECT_EQ(n.deliveryname, "Bo");
  EXPECT_EQ(n.invoicename, "Bo");
  EXPECT_EQ(n.deliverycountry, "NL");
  EXPECT_EQ(n.invoicecountry, "NL");
  ls::Order anonymous;
  anonymous.number = "ORD8";
  EXPECT_EQ(new_order_for(anonymous, {}).deliveryname, "ORD8");
}

}  // namespace
}  // namespace lpsync
