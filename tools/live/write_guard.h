// The transport of `lpsync plan`: it makes writing impossible. GET requests go to the real
// APIs; every other request is never sent. The guard writes it down as an intended write
// and answers it the way the API would (the object with a new *planned* id, from
// kFirstPlannedId up), so the engine carries on and shows everything it would do, not just
// its first write. Reads of planned objects (a planned product's stock or images, a planned
// order) are answered from what the guard was told; the warehouses' stock lists include the
// planned products' base stock, and the lines of a planned order that is processed are
// reserved in them (in the first warehouse that has the free stock, as an approximation of
// Picqer's choice), so the stock the engine plans to push is close to the stock it would push.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "engine/env/http.h"

namespace lpsync::live {

struct IntendedWrite {
  std::string api;     // "lightspeed", "picqer", or the origin of another address
  std::string method;
  std::string target;  // path and query
  std::string body;    // as the engine would have sent it
};

class WriteGuard final : public Transport {
 public:
  static constexpr int64_t kFirstPlannedId = 9'000'000'000'000;

  // `lightspeed_base` / `picqer_base`: the API bases of the connection (Connection::*_api_base()).
  WriteGuard(Transport& inner, std::string lightspeed_base, std::string picqer_base)
      : inner_(inner), lightspeed_base_(std::move(lightspeed_base)), picqer_base_(std::move(picqer_base)) {}

  TransportResult send(const Request& request) override;

  const std::vector<IntendedWrite>& writes() const { return writes_; }
  int64_t reads_sent() const { return reads_; }
  static bool is_planned_id(int64_t id) { return id >= kFirstPlannedId; }

 private:
  struct PlannedProduct {
    std::string productcode;
    std::map<int64_t, int64_t> stock;  // idwarehouse -> amount
    int64_t images = 0;
  };
  Response answer_write(const std::string& api, const std::string& path, const Request& request);
  // The Picqer writes: answered as Picqer would, remembering what later reads must show.
  Response answer_picqer_write(const std::vector<std::string>& parts, boost::json::object body,
                               const Request& request);
  // POST /orders: a concept order with a planned id; its lines are reserved once processed.
  Response plan_picqer_order(boost::json::object body);
  Response answer_planned_read(const std::string& path, const std::string& query);
  TransportResult warehouse_stock(const Request& request, int64_t idwarehouse);
  TransportResult product_stock(const Request& request, int64_t idproduct);
  // Applies the planned reservation of a product to its stock rows ({stock, reserved,
  // freestock} objects, by idwarehouse), in place: all of it in one warehouse, chosen once.
  // `complete`: these are all the product's rows (so one must take it).
  void reserve(int64_t idproduct, const std::vector<std::pair<int64_t, boost::json::object*>>& rows, bool complete);
  bool mentions_planned_id(const std::string& target) const;

  Transport& inner_;
  std::string lightspeed_base_, picqer_base_;
  std::vector<IntendedWrite> writes_;
  int64_t reads_ = 0;
  int64_t next_id_ = kFirstPlannedId;
  std::map<int64_t, PlannedProduct> products_;
  std::map<int64_t, std::vector<std::pair<int64_t, int64_t>>> order_lines_;  // planned idorder -> (idproduct, amount)
  std::map<int64_t, int64_t> reserved_;  // idproduct -> amount reserved by processed planned orders
  std::map<int64_t, int64_t> reserved_in_;  // idproduct -> the warehouse holding that reservation
};

}  // namespace lpsync::live
