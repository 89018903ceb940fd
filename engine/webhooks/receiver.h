// The engine's webhook endpoint (section 8). It answers at once and only queues work: a
// payload is a hint, the work reads the state from the API (a free-stock notice's own stock
// figures may spare that read when they ask for no push; they never set a level). Picqer deliveries must carry
// a valid X-Picqer-Signature (checked in constant time): otherwise 401 and nothing
// happens. Lightspeed deliveries must come to the secret token in the path; when they also
// carry X-Signature (md5 of the raw body + app secret, lightspeed-api.md §6.2, community
// sourced) it must match too (constant time), else 401: the header is optional because
// the docs do not promise it. Duplicates and out-of-order deliveries change nothing,
// because the queued work is idempotent.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/env/http.h"
#include "engine/model/picqer.h"

namespace lpsync {

struct WebhookTargets {
  std::function<std::string()> picqer_secret;  // "" when no hook was registered yet
  std::string lightspeed_token;
  // What Lightspeed signs X-Signature with (the app secret; for a back-office API key, its
  // secret); "" = a signature cannot be checked and the token alone decides.
  std::string lightspeed_signing_secret;
  // `stock`: the product's stock per warehouse as the notice tells it; nullopt when the
  // payload has no readable stock list.
  std::function<void(int64_t idproduct, const std::optional<std::vector<pq::StockRow>>& stock)> free_stock_changed;
  std::function<void(int64_t idorder)> picqer_order_changed;
  std::function<void()> lightspeed_order_changed;
};

// Handles POST {base}/webhooks/picqer and POST {base}/webhooks/lightspeed/{token}.
TransportResult receive_webhook(const Request& request, const WebhookTargets& targets);

}  // namespace lpsync
