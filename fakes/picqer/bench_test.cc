// The benchmark's mix is valid: every request gets the answer it expects, in both modes.
// (No timing is asserted.)
#include <gtest/gtest.h>

#include "fakes/picqer/bench.h"

namespace lpsync::fakes::picqer {
namespace {

TEST(Bench, TheMixIsAnsweredAsExpectedDirectlyAndOverHttp) {
  BenchFigures f = bench_picqer_fake(80);
  EXPECT_EQ(f.requests, 80);
  EXPECT_EQ(f.unexpected, 0);
  EXPECT_GT(f.direct_seconds, 0);
  EXPECT_GT(f.http_seconds, 0);
  
}

}  // namespace
}  // namespace lpsync::fakes::picqer
