// The request path: faults and journal (fault_gate) -> authentication -> rate limit ->
// language and format -> resource handlers; rate-limit headers on every answer to an
// authenticated request.
#include "fakes/lightspeed/lightspeed_fake.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "fakes/common/fault_gate.h"
#include "fakes/lightspeed/handlers.h"
#include "fakes/lightspeed/images.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::string hex64(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

Response plain(int status, std::string body) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", "text/plain");
  r.body = std::move(body);
  return r;
}

}  // namespace

LightspeedFake::LightspeedFake(Clock& clock, Transport& webhook_transport, Random random, LightspeedConfig config)
    : clock_(clock),
      tokens_(random.stream("lightspeed-app-tokens")),
      request_ids_(random.stream("lightspeed-webhook-request-ids")),
      config_(std::move(config)),
      faults_(random.stream("lightspeed-faults")),
      shop_(config_, clock),
      limiter_(config_.limits),
      sender_(clock, webhook_transport, faults_) {
  journal_.set_keep_entries(config_.journal);
  if (config_.languages.empty()) throw std::invalid_argument("LightspeedConfig.languages is empty");
  add_api_key(config_.key, config_.secret);
  shop_.set_event_sink([this](const ShopEvent& e) { on_event(e); });
}

TransportResult LightspeedFake::handle(const Request& request) {
  auto url = parse_url(request.url);
  if (!url) return error_response(request.method, request.url, {400, "Not an absolute http(s) URL."});
  if (is_image_path(url->path)) return serve_image(request, *url);
  ApiPath path = parse_api_path(url->path);
  fakes::GateRequest gate{&request, request.method, path.neutral, url->query, clock_.now()};
  return fakes::run_through_faults(
      faults_, journal_, gate, [&] { return answer(request, *url, path); },
      [&](FaultKind kind) { return fault_answer(request, *url, kind); });
}

std::optional<std::string> LightspeedFake::authenticate(const Request& request) const {
  auto header = request.headers.get("Authorization");
  if (!header) return std::nullopt;
  auto user = parse_basic_auth(*header);
  if (!user) return std::nullopt;
  auto it = credentials_.find(user->first);
  if (it == credentials_.end() || !constant_time_equals(it->second, user->second)) return std::nullopt;
  return user->first;
}

Response LightspeedFake::answer(const Request& request, const Url& url, const ApiPath& path) {
  auto key = authenticate(request);
  if (!key) {
    Response r = error_response(request.method, url.path, {401, "Access denied."});
    r.headers.set("WWW-Authenticate", "Basic realm=\"Lightspeed eCom API\"");
    return r;
  }
  Response r = answer_as(*key, request, url, path);
  limiter_.budget(*key).write_headers(r.headers, clock_.now());
  return r;
}

Response LightspeedFake::answer_as(const std::string& key, const Request& request, const Url& url,
                                   const ApiPath& path) {
  Instant now = clock_.now();
  KeyBudget& budget = limiter_.budget(key);
  bool ratelimit_call = path.segments == std::vector<std::string>{"account", "ratelimit"};
  if (!ratelimit_call || config_.ratelimit_endpoint_counts) {
    if (auto full = budget.try_take(now)) {
      std::string message = "Too many requests: the " + std::string(describe(*full)) +
                            " rate limit of this API key is exhausted.";
      Response r = error_response(request.method, url.path, {429, message});
      if (config_.retry_after_header) {
        r.headers.set("Retry-After", std::to_string(budget.reset_in(*full, now).seconds_ceil()));
      }
      return r;
    }
  }
  const auto& langs = config_.languages;
  if (std::find(langs.begin(), langs.end(), path.language) == langs.end()) {
    return error_response(request.method, url.path, {404, "Unknown or inactive language."});
  }
  if (path.format == "xml") {
    return error_response(request.method, url.path, {400, "This fake answers JSON only; use .json."});
  }
  ApiCall call{request.method, url.path, path.language, path.segments, parse_query(url.query), request.body, now};
  if (path.format.empty() || path.segments.empty()) return unknown_resource(call);
  return dispatch(key, call, budget);
}

Response LightspeedFake::dispatch(const std::string& key, const ApiCall& call, KeyBudget& budget) {
  // Everything built for this answer lives in one arena, freed at once; its first block
  // is reused from request to request.
  boost::json::monotonic_resource arena(arena_buffer_.get(), kArenaBytes);
  Serializer json(config_, shop_, call.language, &arena);
  auto signer = signing_secrets_.find(key);
  std::string_view signing_secret;
  if (signer != signing_secrets_.end()) signing_secret = signer->second;
  HandlerContext ctx{shop_, config_, json, signing_secret};
  const std::string& head = call.segments.front();
  if (head == "products" || head == "variants") return catalog_request(ctx, call);
  if (head == "orders" && temporarily_missing(call)) return not_found(call, "order", std::atoll(call.segments[1].c_str()));
  if (head == "orders" || head == "shipments") return order_request(ctx, call);
  if (head == "webhooks") return webhook_request(ctx, call);
  if (call.segments == std::vector<std::string>{"account", "ratelimit"}) {
    if (call.method != "GET") return method_not_allowed(call);
    return json_response(200, boost::json::object{{"accountRatelimit", budget.to_json(call.now)}});
  }
  if (call.segments == std::vector<std::string>{"account", "permissions"}) {
    if (call.method != "GET") return method_not_allowed(call);
    boost::json::object permissions;
    for (const auto& p : config_.permissions) permissions[p.resource] = {{"read", p.read}, {"write", p.write}};
    return json_response(200, boost::json::object{{"accountPermissions", std::move(permissions)}});
  }
  if (call.segments == std::vector<std::string>{"shop"}) {
    if (call.method != "GET") return method_not_allowed(call);
    return json_response(200, boost::json::object{
                                  {"shop", {{"id", config_.shop_id}, {"title", config_.shop_title}}}});
  }
  return unknown_resource(call);
}

bool LightspeedFake::temporarily_missing(const ApiCall& call) {
  // Quirk temporary_404: the first GET of each order, and of its lines, answers 404 once.
  if (!config_.quirks.has(kLightspeedTemporary404) || call.method != "GET" || call.segments.size() < 2) return false;
  const std::string& id = call.segments[1];
  if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  std::string what = id + (call.segments.size() > 2 ? "/" + call.segments[2] : "");
  return missed_once_.insert(what).second;
}

Response LightspeedFake::fault_answer(const Request& request, const Url& url, FaultKind kind) {
  int code = kind == FaultKind::http_429 ? 429 : kind == FaultKind::http_503 ? 503 : 500;
  std::string message = code == 429   ? "Too many requests: the 5-minute rate limit of this API key is exhausted."
                        : code == 503 ? "Service temporarily unavailable."
                                      : "Internal server error.";
  Response r = error_response(request.method, url.path, {code, message});
  if (auto key = authenticate(request)) {
    KeyBudget& budget = limiter_.budget(*key);
    budget.write_headers(r.headers, clock_.now(), kind == FaultKind::http_429);
    if (code == 429 && config_.retry_after_header) {
      r.headers.set("Retry-After", std::to_string(budget.reset_in(RateWindowName::five_minutes, clock_.now()).seconds_ceil()));
    }
  }
  return r;
}

Response LightspeedFake::serve_image(const Request& request, const Url& url) const {
  if (request.method != "GET") return plain(405, "Method not allowed.\n");
  auto ref = parse_image_path(url.path);
  const Image* image = ref ? Shop::find(shop_.images(), ref->image_id) : nullptr;
  if (!image || ref->shop_id != config_.shop_id || ref->name != image->name) return plain(404, "Not found.\n");
  Response r;
  r.status = 200;
  r.headers.set("Content-Type", image_content_type(image->name));
  r.body = image_bytes(image->name, ref->thumb);
  return r;
}

void LightspeedFake::on_event(const ShopEvent& event) {
  std::string name = event.group + "/" + event.action;
  for (const auto& [id, hook] : shop_.webhooks()) {
    if (!hook.is_active || hook.item_group != event.group) continue;
    if (hook.item_action != "*" && hook.item_action != event.action) continue;
    Serializer json(config_, shop_, hook.language);
    auto payload = event_payload(json, shop_, event);
    if (!payload) continue;
    Request post{"POST", hook.address, {}, lpsync::json::serialize(*payload)};
    post.headers.set("Content-Type", "application/json");
    post.headers.set("X-Shop-Id", std::to_string(config_.shop_id));
    post.headers.set("X-Format", "json");
    post.headers.set("X-Language", hook.language);
    std::string group = event.group;
    group[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(group[0])));
    post.headers.set("X-" + group + "-Id", std::to_string(event.id));
    limiter_.budget(config_.key).write_headers(post.headers, clock_.now());
    if (config_.webhook_extra_headers) {
      post.headers.set("X-Event", name);
      post.headers.set("X-Cluster-Id", config_.cluster_id);
      post.headers.set("X-Request-Id", hex64(request_ids_.next()) + hex64(request_ids_.next()));
    }
    if (!hook.signing_secret.empty() && !config_.quirks.has(kLightspeedUnsignedWebhooks)) {
      post.headers.set("X-Signature", lightspeed_signature(post.body, hook.signing_secret));
    }
    sender_.schedule(hook.id, name, event.id, std::move(post), config_.webhook_delay);
  }
}

}  // namespace lpsync::fakes::lightspeed
