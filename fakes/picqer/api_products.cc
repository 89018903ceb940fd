// /products, /products/{id}, activate/inactivate, images.
#include "fakes/picqer/api.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

ProductInput read_product(const json::Reader& r) {
  if (!r.is_object()) r.fail("expected an object");
  ProductInput in;
  in.idvatgroup = opt_int(r, "idvatgroup");
  in.name = opt_string(r, "name");
  in.productcode = opt_string(r, "productcode");
  in.productcode_supplier = opt_string(r, "productcode_supplier");
  in.description = opt_string(r, "description");
  in.barcode = opt_string(r, "barcode");
  in.type = opt_string(r, "type");
  in.price = opt_number(r, "price");
  in.fixedstockprice = opt_number(r, "fixedstockprice");
  in.weight = opt_int(r, "weight");
  in.active = opt_bool(r, "active");
  if (auto unlimited = opt_bool(r, "unlimitedstock"); unlimited && !in.type) {
    in.type = *unlimited ? "unlimited_stock" : "normal";
  }
  return in;
}

// `inactive` is a flag: present (with any value but "false" or "0") means set.
bool flag(const QueryParams& query, std::string_view key) {
  auto v = query_value(query, key);
  return v && *v != "false" && *v != "0";
}

Result<ProductFilter> read_filter(const QueryParams& query) {
  ProductFilter f;
  f.productcode = query_value(query, "productcode");
  f.inactive = flag(query, "inactive");
  if (auto list = query_value(query, "idproducts")) {
    f.idproducts.emplace();
    std::string_view rest = *list;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      auto id = parse_id(rest.substr(0, comma));
      if (!id) return bad_request(kMissingParameters, "idproducts must be ids separated by commas, not \"" + *list + "\"");
      f.idproducts->insert(*id);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  return f;
}

Response product_answer(const Account& account, int64_t idproduct, int status = 200) {
  return json_response(status, render_product(*account.product(idproduct), account.warehouses()));
}

Response images(Account& account, const ApiCall& call, int64_t idproduct) {
  const auto& s = call.segments;
  const Product* p = account.product(idproduct);
  if (!p) return error(not_found("Product " + std::to_string(idproduct)));
  if (s.size() == 3 && call.method == "GET") {
    boost::json::array out;
    for (const auto& image : p->images) out.emplace_back(render_image(image, idproduct));
    return json_response(200, std::move(out));
  }
  if (s.size() == 3 && call.method == "POST") {
    auto image = read_body<std::string>(call, [](const json::Reader& r) { return r.string_at("image"); });
    if (!image.ok()) return error(image.error());
    auto id = account.add_image(idproduct, image.value());
    if (!id.ok()) return error(id.error());
    return json_response(201, render_image(account.product(idproduct)->images.back(), idproduct));
  }
  auto idimage = s.size() == 4 ? parse_id(s[3]) : std::nullopt;
  if (idimage && call.method == "DELETE") {
    auto done = account.delete_image(idproduct, *idimage);
    return done.ok() ? json_response(200, boost::json::object{}) : error(done.error());
  }
  return no_route(call);
}

}  // namespace

Response route_products(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  if (s.size() == 1 && call.method == "GET") {
    auto filter = read_filter(call.query);
    if (!filter.ok()) return error(filter.error());
    auto offset = page_offset(call.query);
    if (!offset.ok()) return error(offset.error());
    return json_response(200, page(account.find_products(filter.value()), offset.value(), [&](const Product* p) {
                           return render_product(*p, account.warehouses());
                         }));
  }
  if (s.size() == 1 && call.method == "POST") {
    auto in = read_body<ProductInput>(call, read_product);
    if (!in.ok()) return error(in.error());
    in.value().via_api = true;
    auto id = account.create_product(in.value());
    return id.ok() ? product_answer(account, id.value(), 201) : error(id.error());
  }
  auto id = parse_id(s.size() >= 2 ? s[1] : "");
  if (!id) return s.size() >= 2 ? error(not_found("Product " + s[1])) : no_route(call);
  if (s.size() >= 3 && s[2] == "stock") return route_stock(account, call);
  if (s.size() >= 3 && s[2] == "images") return images(account, call, *id);
  if (!account.product(*id)) return error(not_found("Product " + std::to_string(*id)));
  if (s.size() == 2 && call.method == "GET") return product_answer(account, *id);
  if (s.size() == 2 && call.method == "PUT") {
    auto in = read_body<ProductInput>(call, read_product);
    if (!in.ok()) return error(in.error());
    auto done = account.update_product(*id, in.value());
    return done.ok() ? product_answer(account, *id) : error(done.error());
  }
  if (s.size() == 3 && call.method == "POST" && (s[2] == "activate" || s[2] == "inactivate")) {
    auto done = account.set_active(*id, s[2] == "activate");
    return done.ok() ? product_answer(account, *id) : error(done.error());
  }
  return no_route(call);
}

}  // namespace lpsync::fakes::picqer
