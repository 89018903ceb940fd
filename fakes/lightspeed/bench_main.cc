// Prints the fake's throughput:
//   bazel run -c opt //fakes/lightspeed:lightspeed_bench [-- DIRECT_REQUESTS [HTTP_REQUESTS]]
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "fakes/lightspeed/bench.h"

int main(int argc, char** argv) {
  int direct = argc > 1 ? std::atoi(argv[1]) : 20000;
  int http = argc > 2 ? std::atoi(argv[2]) : 1000;
  if (direct <= 0 || http <= 0) {
    std::fprintf(stderr, "usage: lightspeed_bench [DIRECT_REQUESTS [HTTP_REQUESTS]]\n");
    return 2;
  }
  try {
    auto f = lpsync::fakes::lightspeed::bench_lightspeed_fake(direct, http);
    std::printf("lightspeed fake: orders page of 50, order lines, variant GET, variant PUT (in turn)\n");
    std::printf("  direct call:   %9.0f requests/s (%d in %.3f s)\n", f.direct_per_second(), f.direct_requests,
                f.direct_seconds);
    std::printf("  HTTP loopback: %9.0f requests/s (%d in %.3f s)\n", f.http_per_second(), f.http_requests,
                f.http_seconds);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lightspeed_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
