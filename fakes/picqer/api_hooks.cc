// /hooks: list, get, create, delete (deactivate), reactivate.
#include "fakes/picqer/api.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

Hook read_hook(const json::Reader& r) {
  if (!r.is_object()) r.fail("expected an object");
  Hook h;
  h.name = opt_string(r, "name").value_or("");
  h.event = opt_string(r, "event").value_or("");
  h.address = opt_string(r, "address").value_or("");
  h.secret = opt_string(r, "secret").value_or("");
  return h;
}

}  // namespace

Response route_hooks(Account& account, const ApiCall& call) {
  const auto& s = call.segments;
  if (s.size() == 1 && call.method == "GET") {
    auto offset = page_offset(call.query);
    if (!offset.ok()) return error(offset.error());
    std::vector<Hook> all;
    for (const auto& [id, h] : account.hooks()) all.push_back(h);
    return json_response(200, page(all, offset.value(), render_hook));
  }
  if (s.size() == 1 && call.method == "POST") {
    auto hook = read_body<Hook>(call, read_hook);
    if (!hook.ok()) return error(hook.error());
    auto id = account.create_hook(std::move(hook.value()));
    return id.ok() ? json_response(201, render_hook(account.hooks().at(id.value()))) : error(id.error());
  }
  auto id = parse_id(s.size() >= 2 ? s[1] : "");
  if (!id) return s.size() >= 2 ? error(not_found("Hook " + s[1])) : no_route(call);
  if (!account.hooks().count(*id)) return error(not_found("Hook " + std::to_string(*id)));
  if (s.size() == 2 && call.method == "GET") return json_response(200, render_hook(account.hooks().at(*id)));
  if (s.size() == 2 && call.method == "DELETE") {
    auto done = account.delete_hook(*id);
    if (!done.ok()) return error(done.error());
    auto it = account.hooks().find(*id);
    return json_response(200, it == account.hooks().end() ? boost::json::value(boost::json::object{})
                                                          : boost::json::value(render_hook(it->second)));
  }
  if (s.size() == 3 && s[2] == "reactivate" && call.method == "POST") {
    auto done = account.reactivate_hook(*id);
    return done.ok() ? json_response(200, render_hook(account.hooks().at(*id))) : error(done.error());
  }
  return no_route(call);
}

}  // namespace lpsync::fakes::picqer
