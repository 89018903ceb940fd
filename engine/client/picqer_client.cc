#include "engine/client/picqer_client.h"

#include "engine/client/picqer_json.h"

namespace lpsync {
namespace {

template <typename T, typename Read>
ApiResult<T> decode(const ApiResult<boost::json::value>& raw, const std::string& what, Read read) {
  if (!raw.ok()) return raw.template failure<T>();
  try {
    json::Reader root(raw.value);
    return ApiResult<T>{CallOutcome::ok, read(root), "", raw.retry_at, raw.status};
  } catch (const json::Error& e) {
    return ApiResult<T>{CallOutcome::bad_response, T{},
                        what + ": the answer is not what the API promises: " + e.what(), raw.retry_at, raw.status};
  }
}

ApiResult<Nothing> no_value(const ApiResult<boost::json::value>& raw) {
  return raw.ok() ? ApiResult<Nothing>{CallOutcome::ok, {}, "", raw.retry_at, raw.status} : raw.failure<Nothing>();
}

boost::json::object order_body(const NewOrder& o) {
  boost::json::object body;
  body["reference"] = o.reference;
  body["emailaddress"] = o.emailaddress;
  body["telephone"] = o.telephone;
  body["deliveryname"] = o.deliveryname;
  body["deliverycontactname"] = o.deliverycontactname;
  body["deliveryaddress"] = o.deliveryaddress;
  body["deliveryzipcode"] = o.deliveryzipcode;
  body["deliverycity"] = o.deliverycity;
  body["deliverycountry"] = o.deliverycountry;
  body["invoicename"] = o.invoicename;
  body["invoicecontactname"] = o.invoicecontactname;
  body["invoiceaddress"] = o.invoiceaddress;
  body["invoicezipcode"] = o.invoicezipcode;
  body["invoicecity"] = o.invoicecity;
  body["invoicecountry"] = o.invoicecountry;
  boost::json::array lines;
  for (const auto& l : o.products) {
    lines.push_back({{"idproduct", l.idproduct}, {"amount", l.amount}, {"price", l.price}});
  }
  body["products"] = std::move(lines);
  return body;
}

}  // namespace

template <typename T, typename Read>
ApiResult<std::vector<T>> PicqerClient::list(Priority p, const std::string& path, Read read) {
  auto raw = session_.call(p, "GET", path);
  return decode<std::vector<T>>(raw, "Picqer GET " + path, [&](const json::Reader& root) {
    std::vector<T> out;
    for (const auto& item : root.items()) out.push_back(read(item));
    return out;
  });
}

template <typename T, typename Read>
ApiResult<T> PicqerClient::one(Priority p, std::string_view method, const std::string& path,
                               const boost::json::value* body, Read read) {
  auto raw = session_.call(p, method, path, body);
  return decode<T>(raw, "Picqer " + std::string(method) + " " + path, read);
}

ApiResult<std::vector<pq::Warehouse>> PicqerClient::warehouses(Priority p) {
  return list<pq::Warehouse>(p, "/warehouses", pq::read_warehouse);
}

ApiResult<std::vector<pq::VatGroup>> PicqerClient::vatgroups(Priority p) {
  return list<pq::VatGroup>(p, "/vatgroups", pq::read_vatgroup);
}

ApiResult<std::vector<pq::Product>> PicqerClient::products_with_code(Priority p, const std::string& code) {
  // The default list holds active products only; `inactive` lists the inactive ones.
  for (bool inactive : {false, true}) {
    QueryParams q{{"productcode", code}};
    if (inactive) q.emplace_back("inactive", "true");
    auto found = list<pq::Product>(p, "/products?" + encode_query(q), pq::read_product);
    if (found.ok()) std::erase_if(found.value, [&](const pq::Product& x) { return x.productcode != code; });
    if (!found.ok() || !found.value.empty() || inactive) return found;
  }
  return {};
}

ApiResult<std::vector<pq::Product>> PicqerClient::products(Priority p, int64_t offset, bool inactive) {
  std::string path = "/products?offset=" + std::to_string(offset);
  if (inactive) path += "&inactive=true";
  return list<pq::Product>(p, path, pq::read_product);
}

ApiResult<pq::Product> PicqerClient::create_product(Priority p, const NewProduct& np, int64_t idvatgroup) {
  boost::json::value body = {{"productcode", np.productcode}, {"name", np.name},     {"price", np.price},
                             {"barcode", np.barcode},         {"weight", np.weight}, {"idvatgroup", idvatgroup}};
  return one<pq::Product>(p, "POST", "/products", &body, pq::read_product);
}

ApiResult<int64_t> PicqerClient::count_images(Priority p, int64_t idproduct) {
  std::string path = "/products/" + std::to_string(idproduct) + "/images";
  return decode<int64_t>(session_.call(p, "GET", path), "Picqer GET " + path,
                         [](const json::Reader& root) { return static_cast<int64_t>(root.size()); });
}

ApiResult<Nothing> PicqerClient::add_image(Priority p, int64_t idproduct, const std::string& base64_image) {
  boost::json::value body = {{"image", base64_image}};
  return no_value(session_.call(p, "POST", "/products/" + std::to_string(idproduct) + "/images", &body));
}

ApiResult<Nothing> PicqerClient::set_stock(Priority p, int64_t idproduct, int64_t idwarehouse, int64_t amount,
                                           const std::string& reason) {
  boost::json::value body = {{"amount", amount}, {"reason", reason}};
  return no_value(session_.call(
      p, "POST", "/products/" + std::to_string(idproduct) + "/stock/" + std::to_string(idwarehouse), &body));
}

ApiResult<std::vector<pq::StockRow>> PicqerClient::product_stock(Priority p, int64_t idproduct) {
  return list<pq::StockRow>(p, "/products/" + std::to_string(idproduct) + "/stock",
                            [&](const json::Reader& r) { return pq::read_product_stock(r, idproduct); });
}

ApiResult<std::vector<pq::StockRow>> PicqerClient::warehouse_stock(Priority p, int64_t idwarehouse, int64_t offset) {
  return list<pq::StockRow>(p, "/warehouses/" + std::to_string(idwarehouse) + "/stock?offset=" + std::to_string(offset),
                            [&](const json::Reader& r) { return pq::read_warehouse_stock(r, idwarehouse); });
}

ApiResult<std::vector<pq::Order>> PicqerClient::orders_with_reference(Priority p, const std::string& reference) {
  auto found = list<pq::Order>(p, "/orders?" + encode_query({{"reference", reference}}), pq::read_order);
  if (found.ok()) std::erase_if(found.value, [&](const pq::Order& o) { return o.reference != reference; });
  return found;
}

ApiResult<std::vector<pq::Order>> PicqerClient::orders(Priority p, const std::string& status, int64_t sinceid,
                                                       int64_t offset) {
  QueryParams q;
  if (!status.empty()) q.emplace_back("status", status);
  if (sinceid > 0) q.emplace_back("sinceid", std::to_string(sinceid));
  if (offset > 0) q.emplace_back("offset", std::to_string(offset));
  return list<pq::Order>(p, "/orders" + (q.empty() ? "" : "?" + encode_query(q)), pq::read_order);
}

ApiResult<pq::Order> PicqerClient::order(Priority p, int64_t idorder) {
  return one<pq::Order>(p, "GET", "/orders/" + std::to_string(idorder), nullptr, pq::read_order);
}

ApiResult<pq::Order> PicqerClient::create_order(Priority p, const NewOrder& order) {
  boost::json::value body = order_body(order);
  return one<pq::Order>(p, "POST", "/orders", &body, pq::read_order);
}

ApiResult<pq::Order> PicqerClient::process_order(Priority p, int64_t idorder) {
  return one<pq::Order>(p, "POST", "/orders/" + std::to_string(idorder) + "/process", nullptr, pq::read_order);
}

ApiResult<Nothing> PicqerClient::allocate_order(Priority p, int64_t idorder) {
  return no_value(session_.call(p, "POST", "/orders/" + std::to_string(idorder) + "/allocate"));
}

ApiResult<Nothing> PicqerClient::cancel_order(Priority p, int64_t idorder, bool force) {
  return no_value(session_.call(p, "DELETE", "/orders/" + std::to_string(idorder) + (force ? "?force=true" : "")));
}

ApiResult<std::vector<pq::Picklist>> PicqerClient::picklists_of_order(Priority p, int64_t idorder) {
  // `idorder` is not a documented filter: if Picqer ignores it the pages hold every picklist
  // of the account, so each one's idorder is checked and every page read (up to the cap).
  std::vector<pq::Picklist> mine;
  for (int page = 0; page < max_pages; ++page) {
    QueryParams q{{"idorder", std::to_string(idorder)}};
    if (page > 0) q.emplace_back("offset", std::to_string(page * kPicqerPageSize));
    std::string path = "/picklists?" + encode_query(q);
    auto found = list<pq::Picklist>(p, path, pq::read_picklist);
    if (!found.ok()) return found;
    for (const auto& pl : found.value) {
      if (pl.idorder == idorder) mine.push_back(pl);
    }
    if (found.value.size() < static_cast<size_t>(kPicqerPageSize)) return {CallOutcome::ok, std::move(mine)};
  }
  return {CallOutcome::bad_response, {},
          "Picqer GET /picklists?idorder=" + std::to_string(idorder) + ": more than " +
              std::to_string(max_pages) + " pages of picklists; stopped reading (page cap), so lpsync "
              "cannot tell which shipments are this order's: push its tracking code in the shop by hand"};
}

ApiResult<std::vector<pq::Shipment>> PicqerClient::shipments_of_picklist(Priority p, int64_t idpicklist) {
  return list<pq::Shipment>(p, "/picklists/" + std::to_string(idpicklist) + "/shipments", pq::read_shipment);
}

ApiResult<std::vector<pq::Hook>> PicqerClient::hooks(Priority p, int64_t offset) {
  return list<pq::Hook>(p, "/hooks?offset=" + std::to_string(offset), pq::read_hook);
}

ApiResult<pq::Hook> PicqerClient::create_hook(Priority p, const std::string& name, const std::string& event,
                                              const std::string& address, const std::string& secret) {
  boost::json::value body = {{"name", name}, {"event", event}, {"address", address}, {"secret", secret}};
  return one<pq::Hook>(p, "POST", "/hooks", &body, pq::read_hook);
}

ApiResult<pq::Hook> PicqerClient::reactivate_hook(Priority p, int64_t idhook) {
  return one<pq::Hook>(p, "POST", "/hooks/" + std::to_string(idhook) + "/reactivate", nullptr, pq::read_hook);
}

}  // namespace lpsync
