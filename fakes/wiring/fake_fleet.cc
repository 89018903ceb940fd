#include "fakes/wiring/fake_fleet.h"

#include <cstdio>

#include "engine/env/check.h"
#include "engine/env/random.h"

namespace lpsync::fakes {
namespace {

// 32 characters, as Lightspeed's keys and secrets are.
std::string padded(const char* prefix, int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%0*d", prefix, static_cast<int>(32 - std::char_traits<char>::length(prefix)), n);
  return buf;
}

}  // namespace

std::string basic_auth_user(const Request& r) {
  auto header = r.headers.get("Authorization");
  if (!header) return "";
  auto user = parse_basic_auth(*header);
  return user ? user->first : "";
}

std::string FakeFleet::lightspeed_key(int shop) { return padded("fleetkey", shop); }
std::string FakeFleet::lightspeed_secret(int shop) { return padded("fleetsecret", shop); }
std::string FakeFleet::picqer_key(int account) { return "fleet-picqer-" + std::to_string(account); }

FakeFleet::FakeFleet(FakeFleetOptions options) {
  LPSYNC_CHECK(options.shops >= 1 && options.accounts >= 1 && options.accounts <= options.shops,
               "a fake fleet has 1..shops accounts");
  HttpServerOptions server;
  server.serialize = &mutex_;
  server.limits.max_connections = options.max_connections;
  server.limits.max_per_client = options.max_connections;
  lightspeed_server_ = std::make_unique<HttpServer>([this](const Request& r) { return to_shop(r); }, server);
  picqer_server_ = std::make_unique<HttpServer>([this](const Request& r) { return to_account(r); }, server);
  if (!ok()) return;
  std::lock_guard lock(mutex_);
  Random random(options.seed);
  for (int i = 0; i < options.shops; ++i) {
    lightspeed::LightspeedConfig c;
    c.origin = lightspeed_url();
    c.key = lightspeed_key(i);
    c.secret = lightspeed_secret(i);
    c.shop_id = i + 1;
    shop_by_key_[c.key] = shops_.size();
    shops_.push_back(std::make_unique<lightspeed::LightspeedFake>(clock_, webhooks_,
                                                                  random.stream("fake.lightspeed." + std::to_string(i)), c));
  }
  for (int j = 0; j < options.accounts; ++j) {
    picqer::PicqerConfig c;
    c.origin = picqer_url();
    c.api_key = picqer_key(j);
    account_by_key_[c.api_key] = accounts_.size();
    accounts_.push_back(
        std::make_unique<picqer::PicqerFake>(clock_, webhooks_, random.stream("fake.picqer." + std::to_string(j)), c));
  }
  serving_ = true;
  timers_ = std::thread([this] { wall_.run(); });
}

FakeFleet::~FakeFleet() {
  lightspeed_server_->stop();
  picqer_server_->stop();
  wall_.stop();
  if (timers_.joinable()) timers_.join();
  std::lock_guard lock(mutex_);
  serving_ = false;
  accounts_.clear();
  shops_.clear();
}

// Both run holding mutex_ (the servers' `serialize`).
TransportResult FakeFleet::to_shop(const Request& r) {
  if (!serving_) return Response{503, {}, "starting"};
  auto it = shop_by_key_.find(basic_auth_user(r));
  return shops_[it == shop_by_key_.end() ? 0 : it->second]->handle(r);
}

TransportResult FakeFleet::to_account(const Request& r) {
  if (!serving_) return Response{503, {}, "starting"};
  auto it = account_by_key_.find(basic_auth_user(r));
  return accounts_[it == account_by_key_.end() ? 0 : it->second]->handle(r);
}

}  // namespace lpsync::fakes
