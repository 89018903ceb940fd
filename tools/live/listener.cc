#include "tools/live/listener.h"

#include <chrono>
#include <future>

#include "engine/webhooks/receiver.h"
#include "tools/ops/health.h"
#include "tools/ops/metrics_text.h"

namespace lpsync::live {
namespace {

// How long an HTTP thread waits for the engine's thread to answer an install callback.
constexpr int kAnswerWaitSteps = 300;  // x 100 ms
constexpr size_t kWebhookBodyLimit = 256 * 1024;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Response text_answer(int status, const std::string& text) {
  return Response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, text + "\n"};
}

Listener::Listener(const LiveConfig& config, SystemClock& wall, LiveClock& clock, Log& log, const Redactor& redactor,
                   ListenerCalls calls)
    : config_(config), wall_(wall), clock_(clock), log_(log), redactor_(redactor), calls_(std::move(calls)) {}

bool Listener::start(std::ostream& err) {
  HttpServerOptions o;
  o.host = config_.webhooks->listen_host;
  o.port = config_.webhooks->listen_port;
  o.concurrent = true;  // on_request is thread-safe, and an install callback waits for the engine's thread
  // Webhook payloads are hints of a few KB: a larger body is refused (413) before it is read
  // and before its signature is checked. The app callbacks are GETs without a body.
  o.body_limit = [](const std::string&, const std::string& path) -> size_t {
    return path.find("/webhooks/") != std::string::npos ? kWebhookBodyLimit : 0;
  };
  o.error_body = [](const std::string&, const std::string&, int status, const std::string& message) {
    return text_answer(status, message);
  };
  server_ = std::make_unique<HttpServer>([this](const Request& r) { return on_request(r); }, o);
  if (!server_->ok()) {
    err << "lpsync run: webhooks.listen " << o.host << ":" << o.port << ": " << server_->error() << "\n";
    return false;
  }
  log_.info("listening", {{"address", o.host + ":" + std::to_string(server_->port())},
                          {"public_url", public_address(config_.webhooks->public_url)}});
  return true;
}

std::string Listener::public_address(const std::string& url) const {
  std::string out = url;
  std::string port = std::to_string(server_ ? server_->port() : 0);
  if (size_t at = out.find(":0/"); at != std::string::npos) return out.replace(at, 3, ":" + port + "/");
  if (ends_with(out, ":0")) return out.substr(0, out.size() - 1) + port;
  return out;
}

void Listener::set_engine_secrets(const std::string& webhook_token, const std::string& lightspeed_webhook_secret) {
  std::lock_guard lock(mu_);
  webhook_token_ = webhook_token;
  lightspeed_webhook_secret_ = lightspeed_webhook_secret;
}

void Listener::set_hook_secret(const std::string& picqer_hook_secret) {
  std::lock_guard lock(mu_);
  hook_secret_ = picqer_hook_secret;
}

void Listener::stop() {
  stopping_ = true;
  if (server_) server_->stop();
}

TransportResult Listener::on_request(const Request& r) {
  auto url = parse_url(r.url);
  std::string path = url ? url->path : "";
  bool install = ends_with(path, "/lightspeed/install"), uninstall = ends_with(path, "/lightspeed/uninstall");
  if (install || uninstall) {
    if (config_.lightspeed.auth != LightspeedAuth::app) {
      return text_answer(404, "this connection logs in to Lightspeed with an API key (lightspeed.auth api_key): there "
                              "is no app to install");
    }
    if (r.method != "GET") return text_answer(405, "the App Store calls this address with GET");
    return wait_for_app_callback(r, install);
  }
  if (path.find("/webhooks/") != std::string::npos) return check_webhook(r, path);
  if (board_ && (path == "/healthz" || path == "/metrics")) return ops_answer(r, path);
  return text_answer(404, "nothing here: lpsync receives webhooks under /webhooks/ and the app callbacks at "
                          "/lightspeed/install and /lightspeed/uninstall");
}

TransportResult Listener::wait_for_app_callback(const Request& r, bool install) {
  auto answer = std::make_shared<std::promise<TransportResult>>();
  std::future<TransportResult> done = answer->get_future();
  wall_.post([this, r, install, answer] { answer->set_value(calls_.app_callback(r, install)); });
  for (int step = 0; done.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready; ++step) {
    if (stopping_ || step >= kAnswerWaitSteps) return text_answer(503, "lpsync is busy or stopping: try again soon");
  }
  return done.get();
}

TransportResult Listener::check_webhook(const Request& r, const std::string& path) {
  WebhookTargets check;
  {
    std::lock_guard lock(mu_);
    check.picqer_secret = [secret = hook_secret_] { return secret; };
    check.lightspeed_token = webhook_token_;
    check.lightspeed_signing_secret = lightspeed_webhook_secret_;
  }
  TransportResult verdict = receive_webhook(r, check);
  if (verdict.ok() && verdict.value().status == 200 && !stopping_) {
    if (board_) board_->webhooks.arrived(ops::webhook_topic(r), wall_.now());
    clock_.post([this, r] { calls_.deliver(r); });
  } else if (verdict.ok()) {
    if (board_) board_->webhooks.refused();
    log_.warn("webhook_refused", {{"path", redactor_.url(path)}, {"status", verdict.value().status}});
  }
  return verdict;
}

// Answers from the board alone: a busy or stuck engine thread shows as a stale poll, not as
// a health check that hangs.
TransportResult Listener::ops_answer(const Request& r, const std::string& path) {
  if (r.method != "GET" && r.method != "HEAD") return text_answer(405, "use GET");
  ops::OpsFigures figures = board_->snapshot();
  if (path == "/healthz") {
    ops::HealthAnswer a = ops::health_answer(figures, wall_.now(), max_poll_age_);
    return Response{a.status, {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, a.body};
  }
  return Response{200, {{"Content-Type", ops::kMetricsContentType}}, ops::metrics_text(figures)};
}

}  // namespace lpsync::live
