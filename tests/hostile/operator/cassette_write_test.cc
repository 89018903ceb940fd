// Recording a cassette to a device that refuses writes (/dev/full: every write ends with
// "no space left") is an error: said on stderr, and a non-zero exit, never a quiet success
// with a cassette cut short.
#include <gtest/gtest.h>

#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;

TEST(CassetteWrite, AFullDiskIsAnErrorAndANonZeroExit) {
  LiveWorld w = make_world("cassette-full", false);
  ASSERT_TRUE(w.fakes->ok());
  add_shop(*w.fakes);
  std::string config = write_config(w, "shop", bj::object{{"active", true}});
  CliResult r = lpsync({"run", "--config", config, "--once", "--record", "/dev/full"});
  EXPECT_NE(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("could not write the cassette /dev/full"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace lpsync::testing
