// picqer_bench [REQUESTS]: prints the Picqer fake's throughput, direct and over loopback HTTP.
// Build with -c opt: bazel run -c opt //fakes/picqer:picqer_bench
#include <cstdio>
#include <cstdlib>

#include "fakes/picqer/bench.h"

int main(int argc, char** argv) {
  long long requests = argc > 1 ? std::atoll(argv[1]) : 20000;
  if (requests <= 0) {
    std::fprintf(stderr, "usage: picqer_bench [REQUESTS > 0]\n");
    return 2;
  }
  auto f = lpsync::fakes::picqer::bench_picqer_fake(requests);
  std::printf("picqer fake, %lld requests per mode (engine-like mix)\n", requests);
  std::printf("  direct call:   %10.0f requests/s (%.3f s)\n", f.direct_per_second(), f.direct_seconds);
  std::printf("  HTTP loopback: %10.0f requests/s (%.3f s for %lld) via lpsync::HttpServer + HttplibTransport\n",
              f.http_per_second(), f.http_seconds, static_cast<long long>(f.http_requests));
  if (f.unexpected != 0) {
    std::printf("  %lld unexpected answers: the figures are not valid\n", static_cast<long long>(f.unexpected));
    return 1;
  }
  return 0;
}
