#include "fakes/wiring/wall_clock_fakes.h"

namespace lpsync::fakes {

WallClockFakes::WallClockFakes(WallClockFakesOptions options)
    : webhooks_(options.webhooks), servers_(mutex_, options.servers) {
  if (!servers_.ok()) return;
  {
    std::lock_guard lock(mutex_);
    options.fakes.lightspeed.origin = servers_.lightspeed_url();
    options.fakes.picqer.origin = servers_.picqer_url();
    pair_ = std::make_unique<FakePair>(clock_, webhooks_, options.fakes);
  }
  servers_.serve(*pair_);
}

WallClockFakes::~WallClockFakes() {
  servers_.stop();
  std::lock_guard lock(mutex_);
  pair_.reset();
}

}  // namespace lpsync::fakes
