#include "fakes/wiring/fake_servers.h"

#include "fakes/wiring/http_errors.h"

namespace lpsync::fakes {
namespace {

Response not_ready() {
  Response r;
  r.status = 503;
  r.headers.set("Content-Type", "text/plain");
  r.body = "starting\n";
  return r;
}

}  // namespace

FakeServers::FakeServers(std::mutex& serialize, const FakeServersOptions& options) : serialize_(serialize), before_each_(options.before_each) {
  HttpServerOptions server;
  server.serialize = &serialize_;
  server.cert_file = options.cert_file;
  server.key_file = options.key_file;
  server.port = options.lightspeed_port;
  if (options.api_error_bodies) server.error_body = lightspeed_http_errors();
  lightspeed_ = std::make_unique<HttpServer>([this](const Request& r) { return to_lightspeed(r); }, server);
  server.port = options.picqer_port;
  if (options.api_error_bodies) server.error_body = picqer_http_errors();
  picqer_ = std::make_unique<HttpServer>([this](const Request& r) { return to_picqer(r); }, server);
}

FakeServers::~FakeServers() { stop(); }

std::string FakeServers::error() const {
  if (!lightspeed_->ok()) return "the fake Lightspeed shop: " + lightspeed_->error();
  if (!picqer_->ok()) return "the fake Picqer account: " + picqer_->error();
  return "";
}

void FakeServers::serve(FakePair& pair) {
  std::lock_guard lock(serialize_);
  pair_ = &pair;
}

void FakeServers::stop() {
  lightspeed_->stop();
  picqer_->stop();
}

TransportResult FakeServers::to_lightspeed(const Request& r) {
  if (!pair_) return not_ready();
  if (before_each_) before_each_();
  return pair_->lightspeed().handle(r);
}

TransportResult FakeServers::to_picqer(const Request& r) {
  if (!pair_) return not_ready();
  if (before_each_) before_each_();
  return pair_->picqer().handle(r);
}

}  // namespace lpsync::fakes
