#include "tools/live/fake_services.h"

namespace lpsync::testing {
namespace {

fakes::WallClockFakesOptions wall_clock_options(FakeServicesOptions o) {
  fakes::WallClockFakesOptions out;
  out.servers.cert_file = o.cert_file;
  out.servers.key_file = o.key_file;
  out.fakes.seed = o.seed;
  out.fakes.lightspeed = std::move(o.lightspeed);
  out.fakes.picqer = std::move(o.picqer);
  return out;
}

}  // namespace

FakeServices::FakeServices(FakeServicesOptions o) : fakes_(wall_clock_options(std::move(o))) {
  thread_ = std::thread([this] { fakes_.wall().run(); });
}

FakeServices::~FakeServices() {
  fakes_.stop_serving();
  fakes_.wall().stop();
  thread_.join();
}

}  // namespace lpsync::testing
