// A throughput benchmark of the fake (not a test): the same mix of requests sent directly
// to the handler and over HTTP on a loopback port. Wall time comes from lpsync::Stopwatch.
#pragma once

namespace lpsync::fakes::lightspeed {

struct BenchFigures {
  int direct_requests = 0, http_requests = 0;
  double direct_seconds = 0, http_seconds = 0;
  double direct_per_second() const { return direct_seconds > 0 ? direct_requests / direct_seconds : 0; }
  double http_per_second() const { return http_seconds > 0 ? http_requests / http_seconds : 0; }
};

// Sends a mix of order lists (pages of 50 full orders), order lines, variant reads and
// stock writes against a shop of 200 products and 500 orders, with the rate limits lifted
// (they would refuse almost everything): `direct_requests` straight to the handler, then
// `http_requests` through HttpServer and HttplibTransport on 127.0.0.1.
BenchFigures bench_lightspeed_fake(int direct_requests, int http_requests);

}  // namespace lpsync::fakes::lightspeed
