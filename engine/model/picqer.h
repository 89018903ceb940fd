// Picqer objects as the engine sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::pq {

struct Warehouse {
  int64_t id = 0;  // idwarehouse
  std::string name;
  bool active = true;
  bool counts_for_general_stock = true;
  bool accept_orders = true;
  bool operator==(const Warehouse&) const = default;
};

struct Product {
  int64_t id = 0;  // idproduct
  std::string productcode;
  std::string name;
  double price = 0;
  std::string barcode;
  bool active = true;
  bool unlimited = false;  // unlimited stock (`type: unlimited_stock` or the older `unlimitedstock`)
  bool operator==(const Product&) const = default;
};

// Stock of one product in one warehouse.
struct StockRow {
  int64_t idwarehouse = 0;
  int64_t idproduct = 0;
  std::string productcode;
  int64_t stock = 0;
  int64_t reserved = 0;
  int64_t freestock = 0;
  bool operator==(const StockRow&) const = default;
};

struct OrderLine {
  int64_t idproduct = 0;
  std::string productcode;
  int64_t amount = 0;
  double price = 0;
  bool operator==(const OrderLine&) const = default;
};

struct Order {
  int64_t id = 0;  // idorder
  std::string orderid;
  std::string reference;
  std::string status;  // concept | expected | processing | paused | completed | cancelled
  std::vector<OrderLine> products;
  bool operator==(const Order&) const = default;
};

struct Shipment {
  int64_t id = 0;  // idshipment
  int64_t idpicklist = 0;
  int64_t idorder = 0;
  std::string trackingcode;
  std::string tracktraceurl;
  std::string carrier;  // carrier_key, else public provider name, else provider
  bool cancelled = false;
  std::optional<Instant> created;  // when Picqer made it; nullopt when the answer lacks a readable time
  bool operator==(const Shipment&) const = default;
};

struct Picklist {
  int64_t id = 0;  // idpicklist
  int64_t idorder = 0;
  std::string status;
};

struct Hook {
  int64_t id = 0;
  std::string name, event, address;
  bool active = true;
};

struct VatGroup {
  int64_t id = 0;
  std::string name;
  double percentage = 0;
};

}  // namespace lpsync::pq
