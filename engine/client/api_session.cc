#include "engine/client/api_session.h"

#include <charconv>

#include "engine/env/json.h"

namespace lpsync {
namespace {

// "299/2999/11999" -> {299, 2999, 11999}; malformed parts end the list.
std::vector<int64_t> slash_numbers(std::string_view text) {
  std::vector<int64_t> out;
  while (!text.empty()) {
    size_t slash = text.find('/');
    std::string_view part = text.substr(0, slash);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || end != part.data() + part.size()) break;
    out.push_back(v);
    if (slash == std::string_view::npos) break;
    text.remove_prefix(slash + 1);
  }
  return out;
}

std::string target_of(const std::string& url) {
  auto u = parse_url(url);
  return u ? u->target() : url;
}

}  // namespace

std::string_view to_string(CallOutcome o) {
  switch (o) {
    case CallOutcome::ok: return "ok";
    case CallOutcome::not_found: return "not_found";
    case CallOutcome::rejected: return "rejected";
    case CallOutcome::rate_limited: return "rate_limited";
    case CallOutcome::transient: return "transient";
    case CallOutcome::indeterminate: return "indeterminate";
    case CallOutcome::bad_response: return "bad_response";
    case CallOutcome::unauthorized: return "unauthorized";
  }
  return "?";
}

ApiSession::ApiSession(Clock& clock, Transport& transport, RateBudget& budget, Trace& trace, ApiSpec spec)
    : clock_(clock), transport_(transport), budget_(budget), trace_(trace), spec_(std::move(spec)) {}

std::string ApiSession::describe(std::string_view method, const std::string& path) const {
  return std::string(spec_.kind == ApiKind::lightspeed ? "Lightspeed " : "Picqer ") + std::string(method) + " " +
         target_of(spec_.base_url + path);
}

void ApiSession::read_rate_headers(const Response& r, Instant now) {
  auto remaining = r.headers.get("X-RateLimit-Remaining");
  if (!remaining) return;
  std::vector<Duration> resets;
  if (auto reset = r.headers.get("X-RateLimit-Reset")) {
    for (int64_t s : slash_numbers(*reset)) resets.push_back(Duration::seconds(s));
  }
  budget_.on_reported(slash_numbers(*remaining), resets, now);
}

Instant ApiSession::retry_after_429(const Response& r, Instant now) const {
  if (auto after = r.headers.get("Retry-After")) {
    auto seconds = slash_numbers(*after);
    if (!seconds.empty() && seconds[0] >= 0) return now + Duration::seconds(seconds[0]);
  }
  if (spec_.kind == ApiKind::picqer) return now + Duration::seconds(20);
  // Lightspeed: wait for the exhausted window to reset; the per-second window otherwise.
  auto remaining = slash_numbers(r.headers.get("X-RateLimit-Remaining").value_or(""));
  auto resets = slash_numbers(r.headers.get("X-RateLimit-Reset").value_or(""));
  Duration wait = Duration::seconds(1);
  for (size_t i = 0; i < remaining.size() && i < resets.size(); ++i) {
    if (remaining[i] <= 0) wait = std::max(wait, Duration::seconds(resets[i]));
  }
  return now + wait;
}

std::string ApiSession::error_message(const Response& r) const {
  try {
    json::bj::value doc = json::parse(r.body);
    json::Reader root(doc);
    if (spec_.kind == ApiKind::lightspeed) {
      if (auto e = root.find("error")) {
        if (auto m = e->find("message")) return m->as_string_loose();
      }
    } else if (auto m = root.find("error_message")) {
      std::string text = m->as_string_loose();
      if (auto code = root.find("error_code")) text += " (error code " + code->as_string_loose() + ")";
      return text;
    }
  } catch (const json::Error&) {
  }
  return r.body.size() > 200 ? r.body.substr(0, 200) + "..." : r.body;
}

ApiResult<boost::json::value> ApiSession::call(Priority priority, std::string_view method, const std::string& path,
                                               const boost::json::value* body) {
  using R = ApiResult<boost::json::value>;
  Instant now = clock_.now();
  std::string what = describe(method, path);
  if (method != "GET" && writes_allowed_ && !writes_allowed_()) {
    ++refused_writes_;
    trace_.decision(now, "write_refused", {{"request", what}});
    return R{CallOutcome::rejected, {}, what + ": refused by the read-only guard (a bug: please report it)", now, 0};
  }
  if (!key_refused_.empty() && now < refused_until_) {
    return R{CallOutcome::unauthorized, {}, what + ": not sent: " + key_refused_, refused_until_, 0};
  }
  Instant at = budget_.available_at(priority, now);
  if (at > now) return R{CallOutcome::rate_limited, {}, what + ": waiting for the rate-limit budget", at, 0};
  if (shared_) {
    if (std::optional<Instant> again = shared_->take(priority, now)) {
      return R{CallOutcome::rate_limited, {}, what + ": waiting for the rate limit shared with the other shops on this account",
               std::max(*again, now + Duration::millis(1)), 0};
    }
  }

  Request request = make_request(method, path, body);
  budget_.on_sent(priority, now);
  ++requests_;
  TransportResult result = transport_.send(request);
  std::string target = target_of(request.url);
  if (!result.ok()) {
    const TransportError& e = result.error();
    exchanged(now, name(), method, target, 0, to_string(e.kind));
    bool maybe_applied = method != "GET" && e.kind != TransportErrorKind::refused;
    return R{maybe_applied ? CallOutcome::indeterminate : CallOutcome::transient, {}, what + ": " + e.message, now, 0};
  }
  const Response& r = result.value();
  exchanged(now, name(), method, target, r.status);
  read_rate_headers(r, now);
  return judge_response(what, r, now);
}

Request ApiSession::make_request(std::string_view method, const std::string& path,
                                 const boost::json::value* body) const {
  Request request;
  request.method = std::string(method);
  request.url = spec_.base_url + path;
  request.headers.add("Authorization", spec_.authorization);
  request.headers.add("User-Agent", spec_.user_agent);
  request.headers.add("Accept", "application/json");
  if (body) {
    request.headers.add("Content-Type", "application/json");
    request.body = json::serialize(*body);
  }
  return request;
}

ApiResult<boost::json::value> ApiSession::judge_response(const std::string& what, const Response& r, Instant now) {
  using R = ApiResult<boost::json::value>;
  if (r.status == 429) {
    Instant until = retry_after_429(r, now);
    budget_.on_refused(until);
    return R{CallOutcome::rate_limited, {}, what + ": rate limited (429)", until, r.status};
  }
  if (r.status >= 500) {
    return R{CallOutcome::transient, {}, what + ": server error " + std::to_string(r.status), now, r.status};
  }
  if (r.status == 401) {
    std::string api = spec_.kind == ApiKind::lightspeed ? "Lightspeed" : "Picqer";
    std::string keys = spec_.kind == ApiKind::lightspeed ? "lightspeed.key and lightspeed.secret" : "picqer.key";
    key_refused_ = api + " refused the key (401 " + error_message(r) + "): check " + keys +
                   " in the config (wrong, or revoked?), then restart lpsync. Nothing is sent to " + api +
                   " meanwhile; it tries the key again once an hour.";
    refused_until_ = now + kRefusedKeyPause;
    return R{CallOutcome::unauthorized, {}, what + ": " + key_refused_, refused_until_, r.status};
  }
  key_refused_.clear();
  if (r.status == 404) return R{CallOutcome::not_found, {}, what + ": not found", now, r.status};
  if (r.status >= 400) {
    return R{CallOutcome::rejected, {}, what + ": " + std::to_string(r.status) + " " + error_message(r), now,
             r.status};
  }
  if (r.body.empty() || r.status == 204) return R{CallOutcome::ok, boost::json::value(), "", now, r.status};
  try {
    return R{CallOutcome::ok, json::parse(r.body), "", now, r.status};
  } catch (const json::Error& e) {
    return R{CallOutcome::bad_response, {}, what + ": the answer is not JSON (" + e.what() + ")", now, r.status};
  }
}

void ApiSession::exchanged(Instant at, std::string_view api, std::string_view method, std::string_view target,
                           int status, std::string_view error) {
  trace_.exchange(at, api, method, target, status, error);
  if (on_request_) on_request_(api, method, target, status, error);
}

ApiResult<std::string> ApiSession::fetch(const std::string& url) {
  using R = ApiResult<std::string>;
  Instant now = clock_.now();
  Request request{"GET", url, {{"User-Agent", spec_.user_agent}}, ""};
  TransportResult result = transport_.send(request);
  std::string target = target_of(url);
  if (!result.ok()) {
    exchanged(now, "download", "GET", target, 0, to_string(result.error().kind));
    return R{CallOutcome::transient, "", "downloading " + target + ": " + result.error().message, now, 0};
  }
  const Response& r = result.value();
  exchanged(now, "download", "GET", target, r.status);
  if (r.status >= 500) return R{CallOutcome::transient, "", "downloading " + target + ": server error", now, r.status};
  if (r.status != 200) {
    return R{CallOutcome::rejected, "", "downloading " + target + ": status " + std::to_string(r.status), now,
             r.status};
  }
  return R{CallOutcome::ok, r.body, "", now, r.status};
}

}  // namespace lpsync
