// Throughput of the Picqer fake on an engine-like mix of requests (order lookups and creates,
// processing, product lookups, stock writes, stock lists), called directly and over HTTP on a
// loopback port. A measurement, not a test: figures depend on the machine.
#pragma once

#include <cstdint>

namespace lpsync::fakes::picqer {

struct BenchFigures {
  int64_t requests = 0;       // per mode
  int64_t http_requests = 0;
  int64_t unexpected = 0;     // answers other than the expected status, both modes together
  double direct_seconds = 0;
  double http_seconds = 0;    // lpsync::HttpServer + lpsync::HttplibTransport on 127.0.0.1
  double direct_per_second() const { return direct_seconds > 0 ? requests / direct_seconds : 0; }
  double http_per_second() const { return http_seconds > 0 ? http_requests / http_seconds : 0; }
};

// Sends `requests` requests of the mix in each mode, on fresh fakes.
BenchFigures bench_picqer_fake(int64_t requests);

}  // namespace lpsync::fakes::picqer
