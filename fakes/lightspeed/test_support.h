// Test helpers: a fake shop on a simulated clock, requests by path, JSON access, and a
// webhook receiver that records what it gets.
#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "fakes/lightspeed/lightspeed_fake.h"

namespace lpsync::fakes::lightspeed::testing {

// 2026-11-02T08:00:00Z
extern const Instant kStart;

// Records every request; answers `status`.
class RecordingTransport final : public Transport {
 public:
  TransportResult send(const Request& request) override {
    requests.push_back(request);
    return Response{status, {}, ""};
  }
  std::vector<Request> requests;
  int status = 200;
};

class Harness {
 public:
  explicit Harness(LightspeedConfig config = {}, uint64_t seed = 1);

  // `target` is "/en/orders.json?limit=5"; sent with the configured credentials unless
  // `auth` is false. A transport error comes back as status 0 with the error in the body.
  Response send(const std::string& method, const std::string& target, const std::string& body = "",
                bool auth = true);
  Response get(const std::string& target) { return send("GET", target); }
  Response put(const std::string& target, const std::string& body) { return send("PUT", target, body); }
  Response post(const std::string& target, const std::string& body) { return send("POST", target, body); }
  TransportResult raw(const Request& request) { return fake.handle(request); }

  // A product "Shirt" with variants 11 (SKU-11, stock 10, enabled) and 12 (SKU-12,
  // stock 5, disabled) and images a.jpg, b.png; returns the product id.
  int64_t add_shirt();
  // An order of `lines` placed now; returns its id.
  int64_t add_order(std::vector<OrderLineSpec> lines, const std::string& payment_status = "not_paid");
  // Registers a webhook for group/action at http://engine.test/hook; returns its id.
  int64_t add_webhook(const std::string& group, const std::string& action);

  SimClock clock{kStart};
  RecordingTransport hooks;
  LightspeedFake fake;
};

// An order line of `quantity` of `variant` at the variant's price.
OrderLineSpec line(int64_t variant, int64_t quantity);

boost::json::value body_of(const Response& r);
// The error envelope's fields.
struct ErrorEnvelope {
  int64_t code = 0;
  std::string method, request, message;
};
ErrorEnvelope envelope_of(const Response& r);

}  // namespace lpsync::fakes::lightspeed::testing
