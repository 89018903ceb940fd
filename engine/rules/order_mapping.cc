#include "engine/rules/order_mapping.h"

#include <cctype>

namespace lpsync {
namespace {

std::string street_line(const ls::Address& a) {
  std::string out = a.street;
  if (!a.number.empty()) out += (out.empty() ? "" : " ") + a.number;
  if (!a.extension.empty()) out += (out.empty() ? "" : " ") + a.extension;
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

NewOrder new_order_for(const ls::Order& order, std::vector<NewOrderLine> lines) {
  NewOrder out;
  out.reference = order.number;
  out.emailaddress = order.email;
  out.telephone = order.phone;
  std::string person = order.firstname;
  if (!order.lastname.empty()) person += (person.empty() ? "" : " ") + order.lastname;

  const ls::Address& ship = order.shipping.name.empty() && order.shipping.street.empty() ? order.billing : order.shipping;
  const ls::Address& bill = order.billing.name.empty() && order.billing.street.empty() ? ship : order.billing;
  // Picqer needs a name and a country for a guest order.
  out.deliveryname = !ship.name.empty() ? ship.name : (!order.company.empty() ? order.company : person);
  if (out.deliveryname.empty()) out.deliveryname = order.email.empty() ? order.number : order.email;
  out.deliverycontactname = person;
  out.deliveryaddress = street_line(ship);
  out.deliveryzipcode = ship.zipcode;
  out.deliverycity = ship.city;
  out.deliverycountry = upper(ship.country.empty() ? bill.country : ship.country);
  out.invoicename = !bill.name.empty() ? bill.name : out.deliveryname;
  out.invoicecontactname = person;
  out.invoiceaddress = street_line(bill);
  out.invoicezipcode = bill.zipcode;
  out.invoicecity = bill.city;
  out.invoicecountry = upper(bill.country.empty() ? ship.country : bill.country);
  if (out.deliverycountry.empty()) out.deliverycountry = "NL";
  if (out.invoicecountry.empty()) out.invoicecountry = out.deliverycountry;
  out.products = std::move(lines);
  return out;
}

}  // namespace lpsync
