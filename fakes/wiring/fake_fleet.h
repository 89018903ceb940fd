// Many fake shops and fewer fake Picqer accounts on two loopback servers, on the wall clock:
// what a fleet of workers serves in tests and `bench --fleet`. Shop i is fake Lightspeed
// shop i with its own API key; it shares Picqer account i % accounts with the other shops of
// that account, as shops of one merchant share one warehouse. Both servers route a request by
// the API key of its basic auth (a request with an unknown key gets 401 from shop 0 or account
// 0, as a real API refuses a wrong key). Every request, timer and with() holds one mutex.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/env/locked_clock.h"
#include "fakes/lightspeed/lightspeed_fake.h"
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes {

struct FakeFleetOptions {
  int shops = 1;
  int accounts = 1;  // 1..shops
  uint64_t seed = 1;
  int max_connections = 512;  // open connections the servers allow (all workers together)
};

// The user of a request's basic auth ("" without one): the API key a fleet's fakes route by.
std::string basic_auth_user(const Request& r);

class FakeFleet {
 public:
  explicit FakeFleet(FakeFleetOptions options);
  ~FakeFleet();  // stops the servers and the clock, then the fakes go
  FakeFleet(const FakeFleet&) = delete;
  FakeFleet& operator=(const FakeFleet&) = delete;

  bool ok() const { return lightspeed_server_->ok() && picqer_server_->ok(); }
  std::string lightspeed_url() const { return lightspeed_server_->base_url(); }
  std::string picqer_url() const { return picqer_server_->base_url(); }
  int shops() const { return static_cast<int>(shops_.size()); }
  int accounts() const { return static_cast<int>(accounts_.size()); }
  int account_of(int shop) const { return shop % accounts(); }
  static std::string lightspeed_key(int shop);
  static std::string lightspeed_secret(int shop);
  static std::string picqer_key(int account);

  // Runs `f(fleet)` holding the fakes' mutex (to place orders, ship, read).
  template <typename F>
  auto with(F f) {
    std::lock_guard lock(mutex_);
    return f(*this);
  }
  // Only inside with().
  lightspeed::LightspeedFake& shop(int i) { return *shops_.at(static_cast<size_t>(i)); }
  picqer::PicqerFake& account(int i) { return *accounts_.at(static_cast<size_t>(i)); }

 private:
  TransportResult to_shop(const Request& r);
  TransportResult to_account(const Request& r);

  std::mutex mutex_;
  SystemClock wall_;
  LockedClock clock_{wall_, mutex_};
  std::thread timers_;
  HttplibTransport webhooks_;
  std::unique_ptr<HttpServer> lightspeed_server_, picqer_server_;
  std::vector<std::unique_ptr<lightspeed::LightspeedFake>> shops_;
  std::vector<std::unique_ptr<picqer::PicqerFake>> accounts_;
  std::map<std::string, size_t> shop_by_key_, account_by_key_;
  bool serving_ = false;  // under mutex_
};

}  // namespace lpsync::fakes
