#include "fakes/wiring/fake_pair.h"

#include "engine/env/random.h"

namespace lpsync::fakes {

Connection connection_to_fakes(const FakePairConfig& config, const std::string& lightspeed_url,
                               const std::string& picqer_url) {
  Connection c;
  c.lightspeed_url = lightspeed_url;
  c.language = config.lightspeed.languages.front();
  c.lightspeed_key = config.lightspeed.key;
  c.lightspeed_secret = config.lightspeed.secret;
  c.shop_id = config.lightspeed.shop_id;
  c.picqer_url = picqer_url;
  c.picqer_key = config.picqer.api_key;
  return c;
}

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
