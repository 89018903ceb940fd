// The records a Picqer account holds. Field names are Picqer's (reference §4-§7). Plain data:
// the rules that change them live in account.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::fakes::picqer {

struct Warehouse {
  int64_t idwarehouse = 0;
  std::string name;
  bool active = true;
  bool counts_for_general_stock = true;
  bool accept_orders = true;
  int64_t priority = 1;  // lower gets orders first
};

// One product in one warehouse. Invariants: stock >= 0, stock >= reservedpicklists.
// freestock may be negative while backorders are reserved.
struct StockLevel {
  int64_t stock = 0;
  int64_t reservedpicklists = 0;
  int64_t reservedbackorders = 0;
  int64_t reservedallocations = 0;  // allocated concept/expected orders (POST /orders/{id}/allocate)
  int64_t reserved() const { return reservedpicklists + reservedbackorders + reservedallocations; }
  int64_t freestock() const { return stock - reserved(); }
};

struct Image {
  int64_t idproduct_image = 0;
  std::string url;
  std::string contenttype;
  std::string bytes;  // decoded (empty when the account does not keep image bytes)
  int64_t size = 0;   // of the decoded bytes
};

struct Product {
  int64_t idproduct = 0;
  int64_t idvatgroup = 0;
  std::string productcode;
  std::string name;
  double price = 0;
  std::optional<double> fixedstockprice;
  std::string productcode_supplier;
  std::string description;
  std::string barcode;
  std::string type = "normal";
  std::optional<int64_t> weight;  // grams
  bool active = true;
  bool via_api = false;  // created through POST /products (not by the simulator)
  Instant created;
  Instant updated;
  std::vector<Image> images;
  std::map<int64_t, StockLevel> stock;  // by idwarehouse; a missing warehouse holds nothing

  StockLevel stock_in(int64_t idwarehouse) const {
    auto it = stock.find(idwarehouse);
    return it == stock.end() ? StockLevel{} : it->second;
  }
};

struct OrderLine {
  int64_t idorder_product = 0;
  int64_t idproduct = 0;
  int64_t idvatgroup = 0;
  std::string productcode;
  std::string name;
  std::string remarks;
  double price = 0;
  int64_t amount = 0;
};

// Amount of a product the order still waits for in a warehouse (reserved as backorder).
struct Backorder {
  int64_t idproduct = 0;
  int64_t idwarehouse = 0;
  int64_t amount = 0;
};

struct Order {
  int64_t idorder = 0;
  std::string orderid;
  std::string reference;
  std::string status = "concept";  // concept expected processing paused completed cancelled
  bool via_api = false;            // created through POST /orders (not by the simulator)
  // deliveryname, deliverycountry, invoicename, emailaddress, ... (kOrderTextFields).
  std::map<std::string, std::string> text;
  Instant created;
  Instant updated;
  std::vector<OrderLine> lines;
  std::vector<Backorder> backorders;  // open ones only
  std::vector<Backorder> allocations;  // stock held for a concept/expected order; none = not allocated
  std::optional<int64_t> idshippingprovider_profile;
};

// The optional text fields of an order, in the order they are rendered.
inline constexpr const char* kOrderTextFields[] = {
    "deliveryname",    "deliverycontactname", "deliveryaddress",  "deliveryaddress2", "deliveryzipcode",
    "deliverycity",    "deliveryregion",      "deliverycountry",  "invoicename",      "invoicecontactname",
    "invoiceaddress",  "invoiceaddress2",     "invoicezipcode",   "invoicecity",      "invoiceregion",
    "invoicecountry",  "telephone",           "emailaddress",     "customer_remarks", "preferred_delivery_date",
    "language",
};

struct PicklistLine {
  int64_t idpicklist_product = 0;
  int64_t idproduct = 0;
  std::string productcode;
  std::string name;
  int64_t amount = 0;
  int64_t amountpicked = 0;
};

struct Picklist {
  int64_t idpicklist = 0;
  std::string picklistid;
  int64_t idorder = 0;
  int64_t idwarehouse = 0;
  std::string status = "new";  // new closed cancelled
  Instant created;
  Instant updated;
  std::optional<Instant> closed_at;
  std::vector<PicklistLine> lines;
};

struct Shipment {
  int64_t idshipment = 0;
  int64_t idpicklist = 0;
  int64_t idorder = 0;
  std::string provider;     // "PostNL"
  std::string carrier_key;  // "postnl"
  std::string trackingcode;
  std::string tracktraceurl;
  bool cancelled = false;
  Instant created;
  Instant updated;
};

struct Hook {
  int64_t idhook = 0;
  std::string name;
  std::string event;
  std::string address;
  std::string secret;  // "" = deliveries are not signed
  bool active = true;
  std::vector<Instant> complete_failures;  // within the deactivation window
};

}  // namespace lpsync::fakes::picqer
