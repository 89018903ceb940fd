// lpsync run started with its standard output and error closed (`>&- 2>&-`, as some
// service managers and careless scripts do) keeps syncing: no log line may read as a stop
// request, and SIGTERM still stops it cleanly.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/hostile/operator/child_process.h"
#include "tests/live/live_fixture.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace pq = fakes::picqer;

bool order_imported(FakeServices& fakes, const std::string& reference) {
  return fakes.picqer([&](pq::PicqerFake& p) {
    for (const auto& o : p.orders()) {
      if (o.via_api && o.reference == reference) return true;
    }
    return false;
  });
}

struct Closed {
  const char* name;
  bool out, err;
};

class ClosedDescriptors : public ::testing::TestWithParam<Closed> {};

TEST_P(ClosedDescriptors, RunKeepsSyncingUntilSigterm) {
  LiveWorld w = make_world(std::string("closed-") + GetParam().name, false);
  ASSERT_TRUE(w.fakes->ok());
  add_shop(*w.fakes);
  std::string config = write_config(w, "shop", bj::object{{"active", true}});
  ChildOptions options;
  options.close_stdout = GetParam().out;
  options.close_stderr = GetParam().err;
  options.out_file = w.dir + "/out.txt";
  options.err_file = w.dir + "/err.txt";
  Child run({"run", "--config", config}, options);

  bool imported = eventually([&] { return run.poll() || order_imported(*w.fakes, "ORD1"); }, 30);
  ASSERT_FALSE(run.poll()) << "lpsync run ended by itself (exit " << *run.poll() << ") before importing ORD1";
  ASSERT_TRUE(imported) << "ORD1 was not imported within 30 s";
  run.signal(SIGTERM);
  std::optional<int> code = run.wait(30);
  ASSERT_TRUE(code) << "lpsync run did not stop within 30 s of SIGTERM";
  EXPECT_EQ(*code, 0);
}

INSTANTIATE_TEST_SUITE_P(Operator, ClosedDescriptors,
                         ::testing::Values(Closed{"stdout_and_stderr", true, true}, Closed{"stdout", true, false},
                                           Closed{"stderr", false, true}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace lpsync::testing
