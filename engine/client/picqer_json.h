// Reading Picqer's JSON into the engine's model; what cannot be read throws json::Error
// naming the JSON path.
#pragma once

#include "engine/env/json.h"
#include "engine/model/picqer.h"

namespace lpsync::pq {

Warehouse read_warehouse(const json::Reader& r);
Product read_product(const json::Reader& r);
// A row of GET /products/{id}/stock (the product id comes from the request).
StockRow read_product_stock(const json::Reader& r, int64_t idproduct);
// A row of GET /warehouses/{id}/stock.
StockRow read_warehouse_stock(const json::Reader& r, int64_t idwarehouse);
Order read_order(const json::Reader& r);
Picklist read_picklist(const json::Reader& r);
// Tracking from parcels[] first, then the older top-level fields; carrier from carrier_key,
// then public_providername, then provider.
Shipment read_shipment(const json::Reader& r);
Hook read_hook(const json::Reader& r);
VatGroup read_vatgroup(const json::Reader& r);

}  // namespace lpsync::pq
