// Test fixtures for the Picqer fake: a fake on a SimClock with a recording webhook receiver,
// and a client that calls it the way the engine does (User-Agent, basic auth, JSON).
#pragma once

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "fakes/picqer/picqer_fake.h"

namespace lpsync::fakes::picqer::testing {

inline const Instant kStart = Instant::from_unix_seconds(1793606400);  // 2026-11-02 08:00:00 UTC

// Receives webhooks: records each request and answers with `status` (or `fail` when set).
class Receiver final : public Transport {
 public:
  TransportResult send(const Request& request) override;

  std::vector<Request> received;
  int status = 200;
  std::function<TransportResult(const Request&)> answer;  // overrides `status` when set
};

class Harness {
 public:
  explicit Harness(PicqerConfig config = {});

  // A request as the engine sends it: https-less origin, /api/v1 prefix, UA, auth, JSON.
  Request request(const std::string& method, const std::string& target, const std::string& body = "") const;
  // Sends it; the fake must answer (a transport error fails the test and returns status 0).
  Response call(const std::string& method, const std::string& target, const std::string& body = "");
  Response call(const std::string& method, const std::string& target, const boost::json::object& body);
  // The answer's body as JSON.
  static boost::json::value body(const Response& r);

  // Shorthands: POST /products and POST /orders with minimal valid bodies; return the id.
  int64_t create_product(const std::string& productcode, int64_t stock = 0, int64_t idwarehouse = 1);
  int64_t create_order(const std::string& reference, const std::vector<std::pair<std::string, int64_t>>& lines);
  int64_t create_hook(const std::string& event, const std::string& secret = "s3cret",
                      const std::string& address = "http://engine.test/hooks/picqer");

  SimClock clock{kStart};
  Receiver receiver;
  PicqerFake fake;
};

// Expects {"error": true, "error_code": code, ...} with this status.
::testing::AssertionResult IsError(const Response& r, int status, int code);

}  // namespace lpsync::fakes::picqer::testing
