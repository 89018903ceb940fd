// The front door: faults, prefix, User-Agent, auth, rate limit, JSON, then the resource.
#include "fakes/picqer/picqer_fake.h"

#include "engine/env/json.h"
#include "fakes/common/fault_gate.h"
#include "fakes/picqer/api.h"

namespace lpsync::fakes::picqer {
namespace {

constexpr std::string_view kPrefix = "/api/v1";

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    if (path[0] == '/') path.remove_prefix(1);
    size_t slash = path.find('/');
    std::string_view part = path.substr(0, slash);
    if (!part.empty()) out.push_back(percent_decode(part));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return out;
}

}  // namespace

PicqerFake::PicqerFake(Clock& clock, Transport& webhook_transport, Random random, PicqerConfig config)
    : clock_(clock),
      config_(std::move(config)),
      account_(clock, config_),
      faults_(random.stream("picqer.faults")),
      rate_(config_.rate_limit_per_minute, Duration::minutes(1)),
      deliveries_(clock, webhook_transport, mu_, account_, faults_) {
  journal_.set_keep_entries(config_.journal);
}

TransportResult PicqerFake::handle(const Request& request) {
  std::lock_guard lock(mu_);
  auto url = parse_url(request.url);
  std::string path = url ? url->path : request.url;
  std::string query = url ? url->query : "";
  // Fault patterns and the journal see the API-neutral path: "/orders/5/process".
  std::string neutral = path.rfind(kPrefix, 0) == 0 ? path.substr(kPrefix.size()) : path;
  if (neutral.size() > 1 && neutral.back() == '/') neutral.pop_back();
  GateRequest in{&request, request.method, neutral, query, clock_.now()};
  TransportResult result = run_through_faults(
      faults_, journal_, in, [&] { return serve(request, path, query); },
      [&](FaultKind kind) { return fault_response(kind); });
  publish();
  return result;
}

Response PicqerFake::serve(const Request& request, const std::string& path, const std::string& query) {
  account_.ensure_default_warehouse();
  if (path != kPrefix && path.rfind(std::string(kPrefix) + "/", 0) != 0) {
    return error({{404, kNoSuchFunction}, "Not an API URL: the Picqer API lives under /api/v1/"});
  }
  auto agent = request.headers.get("User-Agent");
  if (!agent || blank(*agent)) {
    return error({{400, kMissingParameters},
                  "A User-Agent header is required: the name of your application with a website or e-mail "
                  "address, e.g. \"MyPicqerClient (picqer.com/api - support@picqer.com)\""});
  }
  auto auth = request.headers.get("Authorization");
  auto credentials = auth ? parse_basic_auth(*auth) : std::nullopt;
  if (!credentials || credentials->first != config_.api_key) {
    Response r = error({{401, kUnknownError},
                        credentials ? "Unauthorized: unknown API key"
                                    : "Unauthorized: use HTTP basic auth with the API key as user name"});
    r.headers.set("WWW-Authenticate", "Basic realm=\"Picqer API\"");
    return r;
  }
  if (!rate_.try_take(clock_.now())) return fault_response(FaultKind::http_429);
  Response r = route(request, path, query);
  add_rate_headers(r);
  return r;
}

Response PicqerFake::route(const Request& request, const std::string& path, const std::string& query) {
  ApiCall call;
  call.method = request.method;
  call.path = path.substr(kPrefix.size());
  call.segments = split_path(call.path);
  call.query = parse_query(query);
  call.body = boost::json::object{};
  if (!request.body.empty()) {
    auto type = request.headers.get("Content-Type");
    if (type && type->find("json") == std::string::npos) {
      return error(bad_request(kInvalidJson, "Requests must be JSON (Content-Type: application/json), not " + *type));
    }
    try {
      call.body = json::parse(request.body);
    } catch (const json::Error& e) {
      return error(bad_request(kInvalidJson, std::string("No valid JSON: ") + e.what()));
    }
  }
  if (call.segments.empty()) return no_route(call);
  const std::string& resource = call.segments[0];
  if (resource == "products") return route_products(account_, call);
  if (resource == "warehouses" || resource == "vatgroups") return route_warehouses(account_, call);
  if (resource == "orders") return route_orders(account_, call);
  if (resource == "picklists" || resource == "shipments") return route_picklists(account_, call);
  if (resource == "hooks") return route_hooks(account_, call);
  return no_route(call);
}

Response PicqerFake::fault_response(FaultKind kind) {
  if (kind == FaultKind::http_429) {
    Response r = error({{429, kRateLimited}, "Rate limit exceeded"});
    r.headers.set("X-RateLimit-Limit", std::to_string(rate_.limit()));
    r.headers.set("X-RateLimit-Remaining", "0");
    if (config_.send_retry_after) {
      r.headers.set("Retry-After", std::to_string(rate_.reset_in(clock_.now()).seconds_ceil()));
    }
    return r;
  }
  if (kind == FaultKind::http_503) return error({{503, kUnknownError}, "Service unavailable"});
  return error({{500, kUnknownError}, "Unknown application error (Picqer is mistaken)"});
}

void PicqerFake::add_rate_headers(Response& r) {
  r.headers.set("X-RateLimit-Limit", std::to_string(rate_.limit()));
  r.headers.set("X-RateLimit-Remaining", std::to_string(rate_.remaining(clock_.now())));
}

void PicqerFake::publish() {
  for (const Event& e : account_.take_events()) deliveries_.publish(e);
}

void PicqerFake::add_fault(FaultRule rule) {
  std::lock_guard lock(mu_);
  faults_.add(std::move(rule));
}

}  // namespace lpsync::fakes::picqer
