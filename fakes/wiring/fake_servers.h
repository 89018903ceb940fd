// The fakes of a FakePair on two loopback HTTP servers (http, or https with a certificate).
// The servers bind first, because their addresses are the fakes' origins (links, image URLs):
// make the pair with lightspeed_url()/picqer_url(), then hand it over with serve(); until
// then both answer 503 "starting". Every request holds `serialize`, the mutex the pair's
// other callers (its timers, a test acting on it) hold too.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "engine/env/http_server.h"
#include "fakes/wiring/fake_pair.h"

namespace lpsync::fakes {

struct FakeServersOptions {
  int lightspeed_port = 0;  // 0: any free port
  int picqer_port = 0;
  std::string cert_file, key_file;  // both set: https
  // Errors of the HTTP layer itself (413, a malformed request) in each API's envelope
  // (http_errors.h); false: as plain text.
  bool api_error_bodies = true;
  // Runs before each request reaches a fake, holding `serialize` (a clock shared with another
  // process fires the fakes' due timers here: tools/bench/shared_clock.h). nullptr: nothing.
  std::function<void()> before_each;
};

class FakeServers {
 public:
  FakeServers(std::mutex& serialize, const FakeServersOptions& options);
  ~FakeServers();  // stops both servers
  FakeServers(const FakeServers&) = delete;
  FakeServers& operator=(const FakeServers&) = delete;

  bool ok() const { return lightspeed_->ok() && picqer_->ok(); }
  // Why a server could not listen ("" when both do).
  std::string error() const;
  std::string lightspeed_url() const { return lightspeed_->base_url(); }
  std::string picqer_url() const { return picqer_->base_url(); }

  // From now on requests reach `pair` (takes the mutex; the pair must outlive serving).
  void serve(FakePair& pair);
  // No request reaches the fakes after this returns.
  void stop();

 private:
  TransportResult to_lightspeed(const Request& r);
  TransportResult to_picqer(const Request& r);

  std::mutex& serialize_;
  std::function<void()> before_each_;
  FakePair* pair_ = nullptr;  // read by the server threads holding serialize_
  std::unique_ptr<HttpServer> lightspeed_, picqer_;
};

}  // namespace lpsync::fakes
