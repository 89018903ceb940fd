// Throughput of the Picqer fake on an engine-like mix of requests (order lookups and creates,
// processing, product lookups, stock writes, stock lists), called directly and over HTTP on a
// loopback port. A measurement, not a test: figures depend on the machine.
#pragma once

#include <cstdint>

namespace lpsync::fakes::picqer {

struct BenchFigures {
  int64_t requests = 0;       // direct and TCP_NODELAY modes
  int64_t http_requests = 0;  // the HttpServer mode: at most kHttpCap (each answer can stall ~40 ms)
  int64_t unexpected = 0;     // answers other than the expected status, both modes together
  double direct_seconds = 0;
  double http_seconds = 0;          // lpsync::HttpServer + lpsync::HttplibTransport as they are
  double http_nodelay_seconds = 0;  // the same over cpp-httplib with TCP_NODELAY on both ends
  double direct_per_second() const { return per_second(direct_seconds); }
  double http_per_second() const { return http_seconds > 0 ? http_requests / http_seconds : 0; }
  double http_nodelay_per_second() const { return per_second(http_nodelay_seconds); }
  double per_second(double seconds) const { return seconds > 0 ? requests / seconds : 0; }
};

inline constexpr int64_t kHttpCap = 400;

// Sends `requests` requests of the mix in each mode, on fresh fakes. The third mode exists to
// show what the loopback costs without Nagle's algorithm: cpp-httplib writes headers and body
// separately, so with TCP_NODELAY off every answer waits for a delayed ACK (~40 ms).
BenchFigures bench_picqer_fake(int64_t requests);

}  // namespace lpsync::fakes::picqer
