#include "fakes/lightspeed/test_support.h"

#include "engine/env/json.h"

namespace lpsync::fakes::lightspeed::testing {

const Instant kStart = *parse_iso8601("2026-11-02T08:00:00Z");

Harness::Harness(LightspeedConfig config, uint64_t seed) : fake(clock, hooks, Random(seed), std::move(config)) {}

Response Harness::send(const std::string& method, const std::string& target, const std::string& body, bool auth) {
  Request r{method, fake.config().origin + target, {}, body};
  if (auth) r.headers.set("Authorization", basic_auth_header(fake.config().key, fake.config().secret));
  if (!body.empty()) r.headers.set("Content-Type", "application/json");
  TransportResult result = fake.handle(r);
  if (result.ok()) return result.value();
  return Response{0, {}, std::string(to_string(result.error().kind))};
}

int64_t Harness::add_shirt() {
  ProductSpec p;
  p.title = "Shirt";
  p.images = {"a.jpg", "b.png"};
  VariantSpec m{11, "M", "SKU-11", "8712345678901", "ART-11", 10.0, 12.1, 10, "enabled", 200};
  VariantSpec l{12, "L", "SKU-12", "", "", 10.0, 12.1, 5, "disabled", 220};
  p.variants = {m, l};
  return fake.add_product(p);
}

int64_t Harness::add_order(std::vector<OrderLineSpec> lines, const std::string& payment_status) {
  OrderSpec o;
  o.email = "ann@example.com";
  o.firstname = "Ann";
  o.lastname = "Smit";
  o.address = {"Ann Smit", "Main", "1", "1000 AA", "Amsterdam", "NL"};
  o.payment_status = payment_status;
  o.lines = std::move(lines);
  return fake.place_order(o);
}

int64_t Harness::add_webhook(const std::string& group, const std::string& action) {
  boost::json::object hook{{"isActive", true}, {"itemGroup", group}, {"itemAction", action},
                           {"language", "en"}, {"format", "json"},   {"address", "http://engine.test/hook"}};
  Response r = post("/en/webhooks.json", json::serialize(boost::json::object{{"webhook", hook}}));
  return body_of(r).at("webhook").at("id").as_int64();
}

OrderLineSpec line(int64_t variant, int64_t quantity) {
  OrderLineSpec l;
  l.variant = variant;
  l.quantity = quantity;
  return l;
}

boost::json::value body_of(const Response& r) { return json::parse(r.body); }

ErrorEnvelope envelope_of(const Response& r) {
  boost::json::value v = body_of(r);
  json::Reader e = json::Reader(v).field("error");
  return {e.int_at("code"), e.string_at("method"), e.string_at("request"), e.string_at("message")};
}

}  // namespace lpsync::fakes::lightspeed::testing
