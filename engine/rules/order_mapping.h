// How a Lightspeed order becomes a Picqer order (section 2, step 5): the reference is the
// order number; customer, addresses, e-mail and phone are copied; one line per order line.
#pragma once

#include <string>
#include <vector>

#include "engine/model/lightspeed.h"

namespace lpsync {

struct NewOrderLine {
  int64_t idproduct = 0;
  int64_t amount = 0;
  double price = 0;  // excl. VAT, per unit
  bool operator==(const NewOrderLine&) const = default;
};

struct NewOrder {
  std::string reference;
  std::string emailaddress, telephone;
  std::string deliveryname, deliverycontactname, deliveryaddress, deliveryzipcode, deliverycity, deliverycountry;
  std::string invoicename, invoicecontactname, invoiceaddress, invoicezipcode, invoicecity, invoicecountry;
  std::vector<NewOrderLine> products;
  bool operator==(const NewOrder&) const = default;
};

// `lines` are the resolved lines, in the order's line order.
NewOrder new_order_for(const ls::Order& order, std::vector<NewOrderLine> lines);

}  // namespace lpsync
