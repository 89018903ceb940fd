// Orders, order lines ("orderProducts") and shipments.
#include <cmath>
#include <cstdio>

#include "fakes/lightspeed/serialize.h"

namespace lpsync::fakes::lightspeed {
namespace {

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

void put_address(bj::object& o, const std::string& prefix, const Address& a) {
  o[prefix + "Name"] = a.name;
  o[prefix + "Street"] = a.street;
  o[prefix + "Street2"] = "";
  o[prefix + "Number"] = a.number;
  o[prefix + "Extension"] = "";
  o[prefix + "Zipcode"] = a.zipcode;
  o[prefix + "City"] = a.city;
  o[prefix + "Region"] = "";
  o[prefix + "Country"] = country(a.country);
  o[prefix + "RegionData"] = false;
}

// The customer: who ordered and the addresses (one address for billing and shipping).
void put_customer(bj::object& j, const Order& o) {
  j["gender"] = false;
  j["birthDate"] = false;
  j["nationalId"] = "";
  j["email"] = o.email;
  j["firstname"] = o.firstname;
  j["middlename"] = "";
  j["lastname"] = o.lastname;
  j["phone"] = o.phone;
  j["mobile"] = "";
  j["isCompany"] = false;
  j["companyName"] = "";
  j["companyCoCNumber"] = "";
  j["companyVatNumber"] = "";
  put_address(j, "addressBilling", o.address);
  j["addressShippingCompany"] = false;
  put_address(j, "addressShipping", o.address);
}

// How the order is paid and shipped.
void put_payment_and_shipment(bj::object& j, const Order& o, const bj::storage_ptr& sp) {
  j["paymentId"] = "external";
  j["paymentTitle"] = o.payment_is_post ? "Pay after delivery" : "Online payment";
  j["paymentIsPost"] = o.payment_is_post;
  j["paymentIsInvoiceExternal"] = false;
  j["paymentStatus"] = o.payment_status;
  j["shipmentId"] = "core|" + std::to_string(o.shipment_method_id) + "|" + std::to_string(o.shipment_value_id);
  j["shipmentTitle"] = o.shipment_title;
  j["shipmentData"] = bj::object(
      {{"method", "core"}, {"shipment_id", o.shipment_method_id}, {"shipping_value_id", o.shipment_value_id}}, sp);
  j["shipmentIsCashOnDelivery"] = o.shipment_is_cash_on_delivery;
  j["shipmentIsPickup"] = o.shipment_is_pickup;
  j["shipmentStatus"] = o.shipment_status;
  j["shippingDate"] = nullptr;
  j["deliveryDate"] = nullptr;
}

}  // namespace

bj::value Serializer::weight(int64_t grams) const {
  if (!config_.quirks.has(kLightspeedFractionalNumbers)) return bj::value(grams, sp_);
  return bj::value(static_cast<double>(grams) + 0.25, sp_);
}

bj::value Serializer::price(double amount) const {
  if (!config_.quirks.has(kLightspeedFractionalNumbers)) return bj::value(amount, sp_);
  char text[40];
  std::snprintf(text, sizeof text, "%.4f", amount);
  return bj::value(bj::string(text, sp_));
}

bj::object Serializer::order(const Order& o) const {
  std::string self = "orders/" + std::to_string(o.id);
  double incl = 0, excl = 0;
  int64_t weight = 0;
  for (const auto& l : o.lines) {
    incl += l.base_price_incl * l.quantity;
    excl += l.base_price_excl * l.quantity;
    weight += l.weight * l.quantity;
  }
  bj::object j(sp_);
  j.reserve(96);
  j["id"] = o.id;
  j["createdAt"] = timestamp(o.created_at);
  j["updatedAt"] = timestamp(o.updated_at);
  j["number"] = o.number;
  j["status"] = o.status;
  j["customStatusId"] = nullptr;
  j["channel"] = "main";
  j["referralId"] = false;
  j["priceCost"] = 0;
  j["priceExcl"] = round4(excl);
  j["priceIncl"] = round4(incl);
  j["weight"] = weight;
  j["volume"] = 0;
  j["colli"] = 0;
  put_customer(j, o);
  put_payment_and_shipment(j, o, sp_);
  j["isDiscounted"] = false;
  j["discountAmount"] = 0;
  j["discountPercentage"] = 0;
  j["discountCouponCode"] = "";
  j["comment"] = o.comment;
  j["memo"] = o.memo;
  j["allowNotifications"] = true;
  j["language"] = language(o.language);
  j["customer"] = false;
  j["invoices"] = ref("invoices?order=" + std::to_string(o.id), std::nullopt);
  j["shipments"] = ref("shipments?order=" + std::to_string(o.id), std::nullopt);
  j["products"] = ref(self + "/products", std::nullopt);
  j["metafields"] = ref(self + "/metafields", std::nullopt);
  j["quote"] = false;
  j["events"] = ref("orders/events?order=" + std::to_string(o.id), std::nullopt);
  return j;
}

bj::object Serializer::order_line(const Order& o, const OrderLine& l) const {
  bj::object j(sp_);
  j.reserve(40);
  j["id"] = l.id;
  j["supplierTitle"] = "";
  j["brandTitle"] = "";
  j["productTitle"] = l.product_title;
  j["variantTitle"] = l.variant_title;
  j["taxRate"] = config_.tax_rate;
  j["quantityOrdered"] = l.quantity;
  j["quantityInvoiced"] = 0;
  j["quantityShipped"] = l.quantity_shipped;
  j["quantityRefunded"] = 0;
  j["quantityReturned"] = 0;
  j["articleCode"] = l.article_code;
  j["ean"] = l.ean;
  j["sku"] = l.sku;
  j["weight"] = weight(l.weight);
  j["volume"] = 0;
  j["colli"] = 1;
  j["sizeX"] = 0;
  j["sizeY"] = 0;
  j["sizeZ"] = 0;
  j["priceCost"] = 0;
  j["customExcl"] = 0;
  j["customIncl"] = 0;
  j["basePriceExcl"] = price(l.base_price_excl);
  j["basePriceIncl"] = price(l.base_price_incl);
  j["priceExcl"] = price(round4(l.base_price_excl * l.quantity));
  j["priceIncl"] = price(round4(l.base_price_incl * l.quantity));
  j["discountExcl"] = 0;
  j["discountIncl"] = 0;
  j["customFields"] = false;
  if (l.product_id) {
    j["product"] = ref("products/" + std::to_string(*l.product_id), *l.product_id);
  } else {
    j["product"] = false;
  }
  if (l.variant_id) {
    j["variant"] = ref("variants/" + std::to_string(*l.variant_id), *l.variant_id);
  } else {
    j["variant"] = false;
  }
  j["order"] = ref("orders/" + std::to_string(o.id), o.id);
  return j;
}

bj::object Serializer::shipment(const Shipment& s) const {
  std::string self = "shipments/" + std::to_string(s.id);
  return bj::object({{"id", s.id},
          {"createdAt", timestamp(s.created_at)},
          {"updatedAt", timestamp(s.updated_at)},
          {"number", s.number},
          {"status", s.status},
          {"trackingCode", s.tracking_code},
          {"doNotifyShipped", s.do_notify_shipped},
          {"doNotifyReadyForPickup", s.do_notify_ready_for_pickup},
          {"doNotifyTrackingCode", s.do_notify_tracking_code},
          {"totalWeight", 0},
          {"customer", false},
          {"order", ref("orders/" + std::to_string(s.order_id), s.order_id)},
          {"products", ref(self + "/products", std::nullopt)},
          {"metafields", ref(self + "/metafields", std::nullopt)},
          {"events", ref("orders/events?shipment=" + std::to_string(s.id), std::nullopt)}},
                    sp_);
}

bj::object Serializer::order_embedded(const Order& o) const {
  bj::object j = order(o);
  bj::array lines(sp_), shipments(sp_);
  for (const auto& l : o.lines) lines.push_back(order_line(o, l));
  for (const auto& [id, s] : shop_.shipments()) {
    if (s.order_id == o.id) shipments.push_back(shipment(s));
  }
  j["products"].as_object()["resource"].as_object()["embedded"] = std::move(lines);
  j["shipments"].as_object()["resource"].as_object()["embedded"] = std::move(shipments);
  j["invoices"].as_object()["resource"].as_object()["embedded"] = bj::array(sp_);
  return j;
}

}  // namespace lpsync::fakes::lightspeed
