#include "tools/live/fake_services.h"

#include "tools/fake_http_errors.h"

namespace lpsync::testing {

FakeServices::FakeServices(FakeServicesOptions o) {
  HttpServerOptions server;
  server.serialize = &mu_;
  server.cert_file = o.cert_file;
  server.key_file = o.key_file;
  // The servers bind first: their addresses go into the fakes' links and image URLs.
  server.error_body = cli::lightspeed_http_errors();
  lightspeed_server_ = std::make_unique<HttpServer>(
      [this](const Request& r) -> TransportResult {
        if (!lightspeed_) return Response{503, {}, "starting"};
        return lightspeed_->handle(r);
      },
      server);
  server.error_body = cli::picqer_http_errors();
  picqer_server_ = std::make_unique<HttpServer>(
      [this](const Request& r) -> TransportResult {
        if (!picqer_) return Response{503, {}, "starting"};
        return picqer_->handle(r);
      },
      server);
  {
    std::lock_guard lock(mu_);
    Random random(o.seed);
    o.lightspeed.origin = lightspeed_server_->base_url();
    o.picqer.origin = picqer_server_->base_url();
    lightspeed_ = std::make_unique<fakes::lightspeed::LightspeedFake>(clock_, webhooks_, random.stream("fake.lightspeed"),
                                                                      o.lightspeed);
    picqer_ = std::make_unique<fakes::picqer::PicqerFake>(clock_, webhooks_, random.stream("fake.picqer"), o.picqer);
  }
  thread_ = std::thread([this] { wall_.run(); });
}

FakeServices::~FakeServices() {
  lightspeed_server_->stop();
  picqer_server_->stop();
  wall_.stop();
  thread_.join();
  std::lock_guard lock(mu_);
  picqer_.reset();
  lightspeed_.reset();
}

}  // namespace lpsync::testing
