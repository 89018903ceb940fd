// Both fakes wired together: the fake Lightspeed shop and the fake Picqer account on one
// clock, sending their webhooks through one transport, each drawing on its own stream of one
// seed ("fake.lightspeed", "fake.picqer"). The simulated world, `lpsync serve-fakes` and the
// live tests' fake services all make their fakes here, so the same seed gives the same fakes.
#pragma once

#include <cstdint>
#include <memory>

#include "engine/core/connection.h"
#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "fakes/lightspeed/lightspeed_fake.h"
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes {

struct FakePairConfig {
  uint64_t seed = 1;
  lightspeed::LightspeedConfig lightspeed;  // its origin is where the shop is reached
  picqer::PicqerConfig picqer;              // likewise for the account
};

// The connection an engine makes with the fakes' credentials in `config`, the shop reached at
// `lightspeed_url` and the account at `picqer_url`. No webhooks: polling only.
Connection connection_to_fakes(const FakePairConfig& config, const std::string& lightspeed_url,
                               const std::string& picqer_url);

class FakePair {
 public:
  // `clock` and `webhooks` must outlive the pair.
  FakePair(Clock& clock, Transport& webhooks, const FakePairConfig& config);
  ~FakePair();  // the account goes first, then the shop (each cancels its timers)
  FakePair(const FakePair&) = delete;
  FakePair& operator=(const FakePair&) = delete;

  lightspeed::LightspeedFake& lightspeed() { return *lightspeed_; }
  picqer::PicqerFake& picqer() { return *picqer_; }

 private:
  std::unique_ptr<lightspeed::LightspeedFake> lightspeed_;
  std::unique_ptr<picqer::PicqerFake> picqer_;
};

}  // namespace lpsync::fakes
