#include "fakes/wiring/fake_pair.h"

#include "engine/env/random.h"

namespace lpsync::fakes {

FakePair::FakePair(Clock& clock, Transport& webhooks, const FakePairConfig& config) {
  Random random(config.seed);
  lightspeed_ = std::make_unique<lightspeed::LightspeedFake>(clock, webhooks, random.stream("fake.lightspeed"),
                                                             config.lightspeed);
  picqer_ = std::make_unique<picqer::PicqerFake>(clock, webhooks, random.stream("fake.picqer"), config.picqer);
}

FakePair::~FakePair() {
  picqer_.reset();
  lightspeed_.reset();
}

}  // namespace lpsync::fakes
