// The JSON Picqer answers with, for each record (reference §4-§7). Dates are
// "YYYY-MM-DD HH:MM:SS" (UTC in this fake). Absent optional text is null.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <map>

#include "fakes/picqer/config.h"
#include "fakes/picqer/model.h"

namespace lpsync::fakes::picqer {

// {idwarehouse, stock, reserved, reservedbackorders, reservedpicklists, reservedallocations,
//  freestock}
boost::json::object render_stock(int64_t idwarehouse, const StockLevel& level);
// The product with `images` (URL strings) and `stock` (one row per warehouse, by id).
boost::json::object render_product(const Product& p, const std::map<int64_t, Warehouse>& warehouses);
boost::json::object render_image(const Image& image, int64_t idproduct);
boost::json::object render_warehouse(const Warehouse& w);
boost::json::object render_vatgroup(const VatGroup& v);
boost::json::object render_order(const Order& o);
// Picklists carry the order's reference and delivery address.
boost::json::object render_picklist(const Picklist& pl, const Order& o);
boost::json::object render_shipment(const Shipment& s);
// `secret` is true/false (whether one is set): the secret itself is never echoed.
boost::json::object render_hook(const Hook& h);

}  // namespace lpsync::fakes::picqer
