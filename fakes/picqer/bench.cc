#include "fakes/picqer/bench.h"


#include <algorithm>
#include <functional>
#include <string>

#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/json.h"
#include "engine/env/stopwatch.h"
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes::picqer {
namespace {

constexpr int kProducts = 200;

// Accepts every webhook without a network.
class NullTransport final : public Transport {
 public:
  TransportResult send(const Request&) override { return Response{200, {}, ""}; }
};

struct Setup {
  explicit Setup(SimClock& clock) : fake(clock, hooks, Random(1), PicqerConfig{.rate_limit_per_minute = 1'000'000'000}) {
    for (int i = 0; i < kProducts; ++i) {
      failed += !fake.add_product({.productcode = "SKU-" + std::to_string(i), .price = 9.95, .stock = {{1, 1'000'000}}}).ok();
    }
  }
  NullTransport hooks;
  PicqerFake fake;
  int64_t failed = 0;
};

// Runs the mix through `send` (which returns the status, 0 for a transport error) and counts
// unexpected answers.
int64_t run_mix(int64_t requests, const std::string& base, SimClock& clock,
                const std::function<int(const Request&)>& send) {
  auto make = [&](const std::string& method, const std::string& target, std::string body) {
    Request r{method, base + "/api/v1" + target, {}, std::move(body)};
    r.headers.set("User-Agent", "lpsync-bench (dev@lpsync.test)");
    r.headers.set("Authorization", basic_auth_header("picqer-test-key", ""));
    if (!r.body.empty()) r.headers.set("Content-Type", "application/json");
    return r;
  };
  int64_t unexpected = 0;
  int64_t orders = 0;
  for (int64_t i = 0; i < requests; ++i) {
    std::string sku = "SKU-" + std::to_string(i % kProducts);
    std::string ref = "LS-" + std::to_string(orders + 1);
    int expect = 200;
    Request r;
    switch (i % 8) {
      case 0: r = make("GET", "/orders?reference=" + ref, ""); break;
      case 1:
        r = make("POST", "/orders", json::serialize(json::object_of({
                {"reference", ref}, {"deliveryname", "Bench"}, {"deliverycountry", "NL"}, {"invoicename", "Bench"},
                {"products", boost::json::array{json::object_of({{"productcode", sku}, {"amount", 1}})}}})));
        expect = 201;
        ++orders;
        break;
      case 2: r = make("POST", "/orders/" + std::to_string(orders) + "/process", ""); break;
      case 3: r = make("GET", "/products?productcode=" + sku, ""); break;
      case 4: r = make("GET", "/products/" + std::to_string(i % kProducts + 1) + "/stock", ""); break;
      case 5:
        r = make("POST", "/products/" + std::to_string(i % kProducts + 1) + "/stock/1",
                 json::serialize(json::object_of({{"change", 1}, {"reason", "bench"}})));
        break;
      case 6: r = make("GET", "/warehouses/1/stock?offset=" + std::to_string(i % 2 * 100), ""); break;
      default: r = make("GET", "/orders/" + std::to_string(orders), ""); break;
    }
    unexpected += send(r) != expect;
    if (i % 100 == 99) clock.advance(Duration::seconds(5));  // lets webhook deliveries go out
  }
  return unexpected;
}

}  // namespace

BenchFigures bench_picqer_fake(int64_t requests) {
  BenchFigures out;
  out.requests = requests;
  {
    SimClock clock(Instant::from_unix_seconds(1793606400));
    Setup s(clock);
    out.unexpected += s.failed;
    Stopwatch watch;
    out.unexpected += run_mix(requests, "http://picqer.test", clock, [&](const Request& r) {
      TransportResult result = s.fake.handle(r);
      return result.ok() ? result.value().status : 0;
    });
    out.direct_seconds = watch.seconds();
  }
  {
    SimClock clock(Instant::from_unix_seconds(1793606400));
    Setup s(clock);
    out.unexpected += s.failed;
    HttpServer server(s.fake.handler());
    if (!server.ok()) {
      out.unexpected += requests;
      return out;
    }
    HttplibTransport client;
    out.http_requests = requests;
    Stopwatch watch;
    out.unexpected += run_mix(out.http_requests, server.base_url(), clock, [&](const Request& r) {
      TransportResult result = client.send(r);
      return result.ok() ? result.value().status : 0;
    });
    out.http_seconds = watch.seconds();
  }
  return out;
}

}  // namespace lpsync::fakes::picqer
