// The in-process transport of simulation: routes each request by its origin
// ("http://lightspeed.test") to a handler, with no sockets. An unknown origin is refused.
#pragma once

#include <map>
#include <string>

#include "engine/env/http.h"

namespace lpsync {

class DirectTransport final : public Transport {
 public:
  // `origin` is "scheme://host[:port]", exactly as the URLs sent will spell it.
  void route(std::string origin, Handler handler) { routes_[std::move(origin)] = std::move(handler); }
  void unroute(const std::string& origin) { routes_.erase(origin); }

  TransportResult send(const Request& request) override;

 private:
  std::map<std::string, Handler> routes_;
};

}  // namespace lpsync
