// The stateful fake Lightspeed eCom API: a plain handler (request in, response out) with
// real state on an injected clock. Route it with DirectTransport under config.origin, or
// mount it unchanged on HttpServer (pass a mutex as `serialize` and hold the same mutex
// around shop actions and clock advances from other threads: the fake itself is not
// thread-safe). Behaviour, defaults and every UNCONFIRMED choice: README.md.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <stdexcept>
#include <string>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "engine/env/random.h"
#include "fakes/common/fault_plan.h"
#include "fakes/common/journal.h"
#include "fakes/lightspeed/api_call.h"
#include "fakes/lightspeed/api_path.h"
#include "fakes/lightspeed/app_store.h"
#include "fakes/lightspeed/config.h"
#include "fakes/lightspeed/rate_limiter.h"
#include "fakes/lightspeed/shop.h"
#include "fakes/lightspeed/webhook_delivery.h"

namespace lpsync::fakes::lightspeed {

// A shop action with invalid input (an id already taken, an unknown variant, a value
// outside its enum): a mistake of the scenario or test that asked for it.
class ShopActionError : public std::invalid_argument {
 public:
  explicit ShopActionError(const ApiError& e) : std::invalid_argument(e.message) {}
};

class LightspeedFake {
 public:
  // Webhook deliveries go out through `webhook_transport`; `random` seeds fault draws,
  // app tokens and webhook request ids.
  LightspeedFake(Clock& clock, Transport& webhook_transport, Random random, LightspeedConfig config = {});
  LightspeedFake(const LightspeedFake&) = delete;
  LightspeedFake& operator=(const LightspeedFake&) = delete;

  // Answers one request: API calls under /{language}/..., and image files under /static/
  // (CDN-like: no auth, no rate limit, no faults, not journaled).
  TransportResult handle(const Request& request);
  Handler handler() {
    return [this](const Request& r) { return handle(r); };
  }

  // --- Shop actions for the simulator (not over HTTP); throw ShopActionError ---
  int64_t add_product(const ProductSpec& spec);
  int64_t add_variant(int64_t product_id, const VariantSpec& spec);
  void update_variant(int64_t id, const VariantPatch& patch);
  int64_t place_order(const OrderSpec& spec);
  void update_order(int64_t id, const OrderPatch& patch);
  void update_shipment(int64_t id, const ShipmentPatch& patch);

  // --- Reading state ---
  const Shop& shop() const { return shop_; }
  const Product* product(int64_t id) const { return Shop::find(shop_.products(), id); }
  const Variant* variant(int64_t id) const { return Shop::find(shop_.variants(), id); }
  const Order* order(int64_t id) const { return Shop::find(shop_.orders(), id); }
  const Shipment* shipment(int64_t id) const { return Shop::find(shop_.shipments(), id); }
  const Shipment* shipment_of_order(int64_t order_id) const;
  const Webhook* webhook(int64_t id) const { return Shop::find(shop_.webhooks(), id); }
  const std::deque<WebhookDelivery>& deliveries() const { return sender_.deliveries(); }
  WebhookSender& webhook_sender() { return sender_; }

  // --- Credentials and the App Store ---
  // A back-office API key: its webhooks are signed with its secret.
  void add_api_key(const std::string& key, const std::string& secret) {
    credentials_[key] = secret;
    signing_secrets_[key] = secret;
  }
  bool revoke_api_key(const std::string& key) { return credentials_.erase(key) > 0; }
  // Installs an app: draws a token, accepts (app_key, md5(token + app_secret)) as API
  // credentials and returns the signed install callback the platform would send. Webhooks
  // the app creates are signed with app_secret.
  AppCallback install_app(const std::string& app_key, const std::string& app_secret);
  // Uninstalls it: revokes its credentials, deletes every webhook, returns the signed
  // uninstall callback.
  AppCallback uninstall_app(const std::string& app_key, const std::string& app_secret);

  fakes::FaultPlan& faults() { return faults_; }
  const fakes::Journal& journal() const { return journal_; }
  fakes::Journal& journal() { return journal_; }
  const LightspeedConfig& config() const { return config_; }
  // The rate-limit state of an API key (created on first use).
  KeyBudget& budget(const std::string& key) { return limiter_.budget(key); }

 private:
  std::optional<std::string> authenticate(const Request& request) const;
  Response answer(const Request& request, const Url& url, const ApiPath& path);
  Response answer_as(const std::string& key, const Request& request, const Url& url, const ApiPath& path);
  Response dispatch(const std::string& key, const ApiCall& call, KeyBudget& budget);
  bool temporarily_missing(const ApiCall& call);
  Response fault_answer(const Request& request, const Url& url, FaultKind kind);
  Response serve_image(const Request& request, const Url& url) const;
  void on_event(const ShopEvent& event);

  Clock& clock_;
  Random tokens_;       // app install tokens
  Random request_ids_;  // X-Request-Id of webhook deliveries
  LightspeedConfig config_;
  fakes::FaultPlan faults_;
  fakes::Journal journal_;
  Shop shop_;
  RateLimiter limiter_;
  WebhookSender sender_;
  std::map<std::string, std::string> credentials_;  // API key -> secret
  std::map<std::string, std::string> signing_secrets_;  // API key -> what its webhooks are signed with
  std::set<std::string> missed_once_;  // quirk temporary_404: "5", "5/products" already answered 404
  static constexpr size_t kArenaBytes = 1 << 20;
  std::unique_ptr<unsigned char[]> arena_buffer_ = std::make_unique<unsigned char[]>(kArenaBytes);
};

}  // namespace lpsync::fakes::lightspeed
