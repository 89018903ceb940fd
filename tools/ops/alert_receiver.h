// Test equipment: the merchant's alert webhook, a receiver on loopback that keeps every
// request and answers 204.
#pragma once

#include <mutex>
#include <vector>

#include "engine/env/http_server.h"

namespace lpsync::ops::testing {

struct AlertReceiver {
  std::mutex mu;
  std::vector<Request> got;
  HttpServer server{[this](const Request& r) -> TransportResult {
    std::lock_guard lock(mu);
    got.push_back(r);
    return Response{204, {}, ""};
  }};
  size_t count() {
    std::lock_guard lock(mu);
    return got.size();
  }
  std::vector<Request> requests() {
    std::lock_guard lock(mu);
    return got;
  }
};

}  // namespace lpsync::ops::testing
