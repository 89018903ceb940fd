// Configuration of the fake Lightspeed eCom shop. Every behaviour the reference marks
// UNCONFIRMED that an engine must cope with either way is a switch here (see README.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "fakes/common/quirks.h"

namespace lpsync::fakes::lightspeed {

// Requests per API key and window. The first three are the windows of the
// X-RateLimit-* headers (5 min / hour / day); the per-second cap has no header.
struct RateLimits {
  int64_t per_5min = 300;
  int64_t per_hour = 3000;
  int64_t per_day = 12000;
  int64_t per_second = 20;
};

struct LightspeedConfig {
  // Base of every URL the fake writes: resource links, image src/thumb.
  std::string origin = "http://lightspeed.test";
  // HTTP basic auth credentials (32 characters each, as the official client requires).
  std::string key = "lpsynckey0000000000000000000000a";
  std::string secret = "lpsyncsecret00000000000000000000";
  // Active shop languages (2-letter codes); the first is the shop's default.
  std::vector<std::string> languages = {"en"};
  int64_t shop_id = 1;
  std::string cluster_id = "eu1";
  // GET /shop.json: the shop's name (the field name `title` is UNCONFIRMED: lpsync reads
  // `title`, else `name`, else shows the id).
  std::string shop_title = "Test shop";
  // GET /account/permissions.json: what the key may do, per resource (reference 1.2).
  struct Permission {
    std::string resource;  // content, products, customers, orders, settings, tracking
    bool read = true, write = true;
  };
  std::vector<Permission> permissions = {{"content"},  {"products"}, {"customers"},
                                         {"orders"},   {"settings"}, {"tracking"}};
  RateLimits limits;
  // VAT rate used to derive excl. prices of order lines from their incl. price.
  double tax_rate = 0.21;

  // --- Choices on UNCONFIRMED points ---
  // Whether GET /account/ratelimit.json counts against the budget.
  bool ratelimit_endpoint_counts = false;
  // Whether 429 answers carry Retry-After (seconds until the exhausted window resets).
  bool retry_after_header = false;
  // Whether date filters also accept ISO-8601 ("2026-11-02T08:00:00Z"); otherwise 400.
  bool accept_iso_filter_dates = false;
  // Whether PUT /orders/{id}.json may set `status` directly; otherwise 422 (read-only).
  bool order_status_writable = true;
  // Whether placing an order lowers stockLevel of variants with stockTracking "disabled".
  bool decrement_untracked_stock = false;
  // Whether writes through the API fire webhooks (variants/updated after a stock PUT, ...).
  bool webhooks_for_api_writes = true;
  // Whether webhook requests carry X-Event, X-Cluster-Id and X-Request-Id (S14 only).
  bool webhook_extra_headers = true;
  // Delay between an event and the webhook POST, on the fake's clock.
  Duration webhook_delay = Duration::seconds(1);
  // Quirk modes (fakes/common/quirks.h): the `lightspeed.*` ones change what this fake answers.
  Quirks quirks;
  // Keep a journal of requests (off for memory benchmarks of very large runs).
  bool journal = true;
};

}  // namespace lpsync::fakes::lightspeed
