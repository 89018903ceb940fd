#include "fakes/lightspeed/bench.h"

#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>

#include "engine/env/clock.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/stopwatch.h"
#include "fakes/lightspeed/lightspeed_fake.h"

namespace lpsync::fakes::lightspeed {
namespace {

class NoWebhooks final : public Transport {
 public:
  TransportResult send(const Request&) override { return Response{200, {}, ""}; }
};

void fill_shop(LightspeedFake& fake) {
  for (int p = 0; p < 200; ++p) {
    ProductSpec spec;
    spec.title = "Product " + std::to_string(p);
    spec.images = {"p" + std::to_string(p) + ".jpg"};
    for (int v = 0; v < 2; ++v) {
      VariantSpec variant;
      variant.sku = "SKU-" + std::to_string(p) + "-" + std::to_string(v);
      variant.stock_level = 100;
      variant.price_incl = 12.1;
      spec.variants.push_back(variant);
    }
    fake.add_product(spec);
  }
  for (int o = 0; o < 500; ++o) {
    OrderSpec order;
    order.payment_status = o % 2 ? "paid" : "not_paid";
    OrderLineSpec line;
    line.variant = 1 + (o % 400);
    line.quantity = 1;
    order.lines = {line};
    fake.place_order(order);
  }
}

// The i-th request of the mix.
Request request_for(int i, const std::string& base, const std::string& auth) {
  Request r;
  r.headers.set("Authorization", auth);
  switch (i % 4) {
    case 0:
      r.method = "GET";
      r.url = base + "/en/orders.json?page=" + std::to_string(1 + i % 10) + "&updated_at_min=2026-01-01%2000:00:00";
      break;
    case 1:
      r.method = "GET";
      r.url = base + "/en/orders/" + std::to_string(1 + i % 500) + "/products.json";
      break;
    case 2:
      r.method = "GET";
      r.url = base + "/en/variants/" + std::to_string(1 + i % 400) + ".json";
      break;
    default:
      r.method = "PUT";
      r.url = base + "/en/variants/" + std::to_string(1 + i % 400) + ".json";
      r.headers.set("Content-Type", "application/json");
      r.body = "{\"variant\":{\"stockLevel\":" + std::to_string(i % 97) + "}}";
      break;
  }
  return r;
}

double run(int requests, const std::string& base, const std::string& auth,
           const std::function<TransportResult(const Request&)>& send) {
  Stopwatch watch;
  for (int i = 0; i < requests; ++i) {
    TransportResult result = send(request_for(i, base, auth));
    if (!result.ok() || result.value().status >= 400) {
      throw std::runtime_error("bench request " + std::to_string(i) + " failed");
    }
  }
  return watch.seconds();
}

}  // namespace

BenchFigures bench_lightspeed_fake(int direct_requests, int http_requests) {
  SimClock clock(Instant::from_unix_seconds(1'800'000'000));
  NoWebhooks hooks;
  LightspeedConfig config;
  config.limits = {INT64_MAX / 2, INT64_MAX / 2, INT64_MAX / 2, INT64_MAX / 2};
  LightspeedFake fake(clock, hooks, Random(1), config);
  fill_shop(fake);
  std::string auth = basic_auth_header(config.key, config.secret);

  BenchFigures out;
  out.direct_requests = direct_requests;
  out.http_requests = http_requests;
  out.direct_seconds = run(direct_requests, config.origin, auth, [&](const Request& r) { return fake.handle(r); });

  std::mutex mutex;
  HttpServerOptions options;
  options.serialize = &mutex;
  HttpServer server(fake.handler(), options);
  if (!server.ok()) throw std::runtime_error(server.error());
  HttplibTransport client;
  out.http_seconds = run(http_requests, server.base_url(), auth, [&](const Request& r) { return client.send(r); });
  return out;
}

}  // namespace lpsync::fakes::lightspeed
