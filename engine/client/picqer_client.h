// Typed Picqer calls.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/client/api_session.h"
#include "engine/model/picqer.h"
#include "engine/rules/order_mapping.h"
#include "engine/rules/product_mapping.h"

namespace lpsync {

inline constexpr int kPicqerPageSize = 100;  // fixed by the API
// The most pages the engine reads of one listing; more is reported as a problem, not read.
inline constexpr int kMaxListPages = 200;

class PicqerClient {
 public:
  explicit PicqerClient(ApiSession& session) : session_(session) {}

  // The page cap of the listings paged in here (picklists_of_order); a test lowers it.
  int max_pages = kMaxListPages;

  ApiResult<std::vector<pq::Warehouse>> warehouses(Priority p);
  ApiResult<std::vector<pq::VatGroup>> vatgroups(Priority p);

  // Products whose productcode is exactly `code` (compared here too: the filter's
  // exactness is not documented): the active ones, else the inactive ones.
  ApiResult<std::vector<pq::Product>> products_with_code(Priority p, const std::string& code);
  // One page (offset in steps of 100) of products; with `inactive`, the inactive ones.
  ApiResult<std::vector<pq::Product>> products(Priority p, int64_t offset, bool inactive);
  ApiResult<pq::Product> create_product(Priority p, const NewProduct& product, int64_t idvatgroup);
  ApiResult<int64_t> count_images(Priority p, int64_t idproduct);
  ApiResult<Nothing> add_image(Priority p, int64_t idproduct, const std::string& base64_image);
  ApiResult<Nothing> set_stock(Priority p, int64_t idproduct, int64_t idwarehouse, int64_t amount,
                               const std::string& reason);
  ApiResult<std::vector<pq::StockRow>> product_stock(Priority p, int64_t idproduct);
  ApiResult<std::vector<pq::StockRow>> warehouse_stock(Priority p, int64_t idwarehouse, int64_t offset);

  ApiResult<std::vector<pq::Order>> orders_with_reference(Priority p, const std::string& reference);
  // Orders with a status, created after `sinceid`, one page.
  ApiResult<std::vector<pq::Order>> orders(Priority p, const std::string& status, int64_t sinceid, int64_t offset);
  ApiResult<pq::Order> order(Priority p, int64_t idorder);
  ApiResult<pq::Order> create_order(Priority p, const NewOrder& order);
  ApiResult<pq::Order> process_order(Priority p, int64_t idorder);
  // POST /orders/{id}/allocate: stock held for a concept order, no picklist (Picqer's
  // "expected"). Allocating an allocated order changes nothing.
  ApiResult<Nothing> allocate_order(Priority p, int64_t idorder);
  // DELETE /orders/{id}: cancels a concept or expected order; with `force`, an order in any
  // status, its open picklists removed and their stock released.
  ApiResult<Nothing> cancel_order(Priority p, int64_t idorder, bool force);

  // The picklists whose idorder is `idorder`, over every page (at most max_pages).
  ApiResult<std::vector<pq::Picklist>> picklists_of_order(Priority p, int64_t idorder);
  ApiResult<std::vector<pq::Shipment>> shipments_of_picklist(Priority p, int64_t idpicklist);

  ApiResult<std::vector<pq::Hook>> hooks(Priority p, int64_t offset);
  ApiResult<pq::Hook> create_hook(Priority p, const std::string& name, const std::string& event,
                                  const std::string& address, const std::string& secret);
  // POST /hooks/{id}/reactivate (Picqer's API changelog, Feb 2026): a deactivated hook
  // delivers again, with its id, address and secret unchanged.
  ApiResult<pq::Hook> reactivate_hook(Priority p, int64_t idhook);

 private:
  template <typename T, typename Read>
  ApiResult<std::vector<T>> list(Priority p, const std::string& path, Read read);
  template <typename T, typename Read>
  ApiResult<T> one(Priority p, std::string_view method, const std::string& path, const boost::json::value* body,
                   Read read);

  ApiSession& session_;
};

}  // namespace lpsync
