// The Picqer side of a scenario: warehouses, products with stock per warehouse, and orders
// that exist before the run (e.g. one the engine must adopt instead of creating twice).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lpsync::scenario {

struct PicqerWarehouse {
  int64_t idwarehouse = 0;
  std::string name;
  bool active = true;
  bool counts_for_general_stock = true;
  bool accept_orders = true;
  bool operator==(const PicqerWarehouse&) const = default;
};

// What a scenario without `picqer.warehouses` gets: warehouse 1 "Main", all flags true.
std::vector<PicqerWarehouse> default_warehouses();

using StockMap = std::map<int64_t, int64_t>;  // idwarehouse -> amount

struct PicqerProduct {
  std::optional<int64_t> idproduct;  // nullopt: the fake assigns the next free id
  std::string productcode;
  std::string name;  // defaults to the productcode when the file leaves it out
  double price = 0;
  std::string barcode;  // beyond the spec's list: lets a scenario start with an EAN in Picqer
  bool active = true;
  // lpsync extension: a product with unlimited stock (Picqer `type` "unlimited_stock",
  // `unlimitedstock` true), whose stock is never pushed to the shop (sync-rules section 4).
  bool unlimited_stock = false;
  StockMap stock;
  bool operator==(const PicqerProduct&) const = default;
};

// A VAT group of the account; a scenario without `picqer.vatgroups` gets the fake's default
// list (fakes/picqer/config.h).
struct PicqerVatGroup {
  int64_t idvatgroup = 0;
  std::string name;
  double percentage = 0;
  bool operator==(const PicqerVatGroup&) const = default;
};

struct PicqerOrderLine {
  std::string productcode;
  int64_t amount = 1;
  std::optional<double> price;  // per unit, excl. VAT; only in expectations (`picqer.orders`)
  bool operator==(const PicqerOrderLine&) const = default;
};

struct PicqerOrder {
  int64_t idorder = 0;
  std::string reference;
  std::string status = "processing";  // concept | expected | processing | paused | completed | cancelled
  std::vector<PicqerOrderLine> products;
  bool operator==(const PicqerOrder&) const = default;
};

}  // namespace lpsync::scenario
