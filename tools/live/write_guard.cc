#include "tools/live/write_guard.h"

#include <charconv>

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

constexpr size_t kPicqerPage = 100;

Response json_answer(int status, const bj::value& body) {
  return Response{status, {{"Content-Type", "application/json"}}, json::serialize(body)};
}

bj::object body_object(const Request& r) {
  try {
    bj::value v = json::parse(r.body);
    if (v.is_object()) return v.as_object();
  } catch (const json::Error&) {
  }
  return {};
}

// The path split on '/', without empty parts.
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::optional<int64_t> number(std::string_view text) {
  while (text.size() > 5 && text.substr(text.size() - 5) == ".json") text.remove_suffix(5);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

bool WriteGuard::mentions_planned_id(const std::string& target) const {
  size_t i = 0;
  while (i < target.size()) {
    if (!std::isdigit(static_cast<unsigned char>(target[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < target.size() && std::isdigit(static_cast<unsigned char>(target[j]))) ++j;
    if (auto v = number(std::string_view(target).substr(i, j - i)); v && is_planned_id(*v)) return true;
    i = j;
  }
  return false;
}

TransportResult WriteGuard::send(const Request& request) {
  auto url = parse_url(request.url);
  if (!url) return TransportError{TransportErrorKind::refused, "not an http(s) URL"};
  std::string api = url->origin, rel = url->path;
  for (const auto& [name, base] : {std::pair<std::string, std::string>{"picqer", picqer_base_},
                                   std::pair<std::string, std::string>{"lightspeed", lightspeed_base_}}) {
    auto b = parse_url(base);
    if (b && b->origin == url->origin && url->path.rfind(b->path, 0) == 0) {
      api = name;
      rel = url->path.substr(b->path == "/" ? 0 : b->path.size());
      break;
    }
  }
  if (request.method != "GET") {
    writes_.push_back({api, request.method, url->target(), request.body});
    return answer_write(api, rel, request);
  }
  if (api == "picqer" && mentions_planned_id(url->target())) return answer_planned_read(rel, url->query);
  auto parts = segments(rel);
  if (api == "picqer" && parts.size() == 3 && parts[0] == "warehouses" && parts[2] == "stock") {
    if (auto id = number(parts[1])) return warehouse_stock(request, *id);
  }
  if (api == "picqer" && parts.size() == 3 && parts[0] == "products" && parts[2] == "stock") {
    if (auto id = number(parts[1]); id && reserved_.count(*id)) return product_stock(request, *id);
  }
  ++reads_;
  return inner_.send(request);
}

Response WriteGuard::answer_write(const std::string& api, const std::string& path, const Request& request) {
  auto parts = segments(path);
  bj::object body = body_object(request);
  if (api == "picqer") return answer_picqer_write(parts, std::move(body), request);
  if (api == "lightspeed" && parts == std::vector<std::string>{"webhooks.json"}) {
    bj::object hook = body.contains("webhook") && body["webhook"].is_object() ? body["webhook"].as_object()
                                                                              : bj::object{};
    hook["id"] = next_id_++;
    return json_answer(201, bj::object{{"webhook", hook}});
  }
  return json_answer(200, body);
}

Response WriteGuard::answer_picqer_write(const std::vector<std::string>& parts, bj::object body,
                                         const Request& request) {
  if (parts == std::vector<std::string>{"products"}) {
    int64_t id = next_id_++;
    products_[id].productcode = body.contains("productcode") ? std::string(body["productcode"].as_string()) : "";
    body["idproduct"] = id;
    body["active"] = true;
    return json_answer(201, body);
  }
  if (parts.size() == 3 && parts[0] == "products" && parts[2] == "images") {
    if (auto id = number(parts[1])) ++products_[*id].images;
    return json_answer(201, bj::object{});
  }
  if (parts.size() == 4 && parts[0] == "products" && parts[2] == "stock") {
    auto id = number(parts[1]), wh = number(parts[3]);
    if (id && wh && body.contains("amount") && body["amount"].is_int64()) {
      products_[*id].stock[*wh] = body["amount"].as_int64();
    }
    return json_answer(200, bj::object{});
  }
  if (parts == std::vector<std::string>{"orders"}) return plan_picqer_order(std::move(body));
  if (parts.size() == 3 && parts[0] == "orders" && parts[2] == "process") {
    if (auto id = number(parts[1])) {
      for (const auto& [idproduct, amount] : order_lines_[*id]) reserved_[idproduct] += amount;
      order_lines_.erase(*id);
    }
    return json_answer(200, bj::object{{"idorder", number(parts[1]).value_or(0)}, {"status", "processing"}});
  }
  if (parts == std::vector<std::string>{"hooks"}) {
    body["idhook"] = next_id_++;
    body["active"] = true;
    return json_answer(201, body);
  }
  if (request.method == "DELETE") return Response{204, {}, ""};
  return json_answer(200, body);
}

Response WriteGuard::plan_picqer_order(bj::object body) {
  int64_t id = next_id_++;
  if (auto lines = body.if_contains("products"); lines && lines->is_array()) {
    for (const auto& l : lines->as_array()) {
      if (!l.is_object()) continue;
      const auto* idproduct = l.as_object().if_contains("idproduct");
      const auto* amount = l.as_object().if_contains("amount");
      if (idproduct && amount && idproduct->is_int64() && amount->is_int64()) {
        order_lines_[id].emplace_back(idproduct->as_int64(), amount->as_int64());
      }
    }
  }
  body["idorder"] = id;
  body["orderid"] = "planned-" + std::to_string(id - kFirstPlannedId + 1);
  body["status"] = "concept";
  return json_answer(201, body);
}

Response WriteGuard::answer_planned_read(const std::string& path, const std::string& query) {
  auto parts = segments(path);
  std::optional<int64_t> id = parts.size() >= 2 ? number(parts[1]) : std::nullopt;
  if (parts.size() == 3 && parts[0] == "products" && id) {
    const PlannedProduct& p = products_[*id];
    bj::array out;
    if (parts[2] == "stock") {
      std::vector<bj::object> rows;
      for (const auto& [wh, amount] : p.stock) {
        rows.push_back(bj::object{{"idwarehouse", wh}, {"stock", amount}, {"reserved", 0}, {"freestock", amount}});
      }
      std::vector<std::pair<int64_t, bj::object*>> refs;
      for (auto& r : rows) refs.emplace_back(r.at("idwarehouse").as_int64(), &r);
      reserve(*id, refs, true);
      for (auto& r : rows) out.push_back(std::move(r));
    } else if (parts[2] == "images") {
      for (int64_t i = 1; i <= p.images; ++i) out.push_back(bj::object{{"idproduct_image", i}});
    }
    return json_answer(200, out);
  }
  if (parts.size() == 2 && parts[0] == "orders" && id) {
    return json_answer(200, bj::object{{"idorder", *id}, {"status", "processing"}, {"products", bj::array{}}});
  }
  (void)query;
  return json_answer(200, bj::array{});  // lists filtered by a planned id: nothing real matches
}

TransportResult WriteGuard::warehouse_stock(const Request& request, int64_t idwarehouse) {
  ++reads_;
  TransportResult result = inner_.send(request);
  if (!result.ok() || result.value().status != 200) return result;
  try {
    bj::value page = json::parse(result.value().body);
    if (!page.is_array()) return result;
    for (auto& row : page.as_array()) {
      if (const auto* id = row.is_object() ? row.as_object().if_contains("idproduct") : nullptr; id && id->is_int64()) {
        reserve(id->as_int64(), {{idwarehouse, &row.as_object()}}, false);
      }
    }
    if (page.as_array().size() >= kPicqerPage) {  // not the last page
      result.value().body = json::serialize(page);
      return result;
    }
    for (const auto& [id, p] : products_) {
      auto it = p.stock.find(idwarehouse);
      if (it == p.stock.end()) continue;
      bj::object row{{"idproduct", id},
                     {"productcode", p.productcode},
                     {"stock", it->second},
                     {"reserved", 0},
                     {"freestock", it->second}};
      reserve(id, {{idwarehouse, &row}}, false);
      page.as_array().push_back(std::move(row));
    }
    result.value().body = json::serialize(page);
  } catch (const json::Error&) {
  }
  return result;
}

TransportResult WriteGuard::product_stock(const Request& request, int64_t idproduct) {
  ++reads_;
  TransportResult result = inner_.send(request);
  if (!result.ok() || result.value().status != 200) return result;
  try {
    bj::value rows = json::parse(result.value().body);
    if (!rows.is_array()) return result;
    std::vector<std::pair<int64_t, bj::object*>> refs;
    for (auto& r : rows.as_array()) {
      const auto* wh = r.is_object() ? r.as_object().if_contains("idwarehouse") : nullptr;
      if (wh && wh->is_int64()) refs.emplace_back(wh->as_int64(), &r.as_object());
    }
    reserve(idproduct, refs, true);
    result.value().body = json::serialize(rows);
  } catch (const json::Error&) {
  }
  return result;
}

void WriteGuard::reserve(int64_t idproduct, const std::vector<std::pair<int64_t, bj::object*>>& rows,
                         bool complete) {
  auto it = reserved_.find(idproduct);
  if (it == reserved_.end() || rows.empty()) return;
  auto amount_at = [](const bj::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? v->as_int64() : 0;
  };
  bj::object* target = nullptr;
  if (auto chosen = reserved_in_.find(idproduct); chosen != reserved_in_.end()) {
    for (const auto& [wh, r] : rows) {
      if (wh == chosen->second) target = r;
    }
  } else {
    for (const auto& [wh, r] : rows) {
      if (amount_at(*r, "freestock") >= it->second) {
        target = r;
        break;
      }
    }
    if (!target && complete) target = rows.front().second;
    if (target) {
      for (const auto& [wh, r] : rows) {
        if (r == target) reserved_in_[idproduct] = wh;
      }
    }
  }
  if (!target) return;
  (*target)["reserved"] = amount_at(*target, "reserved") + it->second;
  (*target)["freestock"] = amount_at(*target, "freestock") - it->second;
}

}  // namespace lpsync::live
