#include "tools/ops/webhook_tally.h"

#include "engine/env/json.h"

namespace lpsync::ops {
namespace {

constexpr size_t kMaxEventName = 64;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Letters, digits, '.' and '_' only: an event name, never markup or a quote.
bool plain_name(std::string_view s) {
  if (s.empty() || s.size() > kMaxEventName) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string picqer_event(const std::string& body) {
  try {
    boost::json::value doc = json::parse(body);
    const boost::json::value* event = doc.is_object() ? doc.as_object().if_contains("event") : nullptr;
    if (!event || !event->is_string()) return "other";
    std::string_view name = event->as_string();
    bool known = name == "products.free_stock_changed" || starts_with(name, "orders.") ||
                 starts_with(name, "picklists.shipments.");
    return known && plain_name(name) ? std::string(name) : "other";
  } catch (const std::exception&) {
    return "other";
  }
}

}  // namespace

std::string webhook_topic(const Request& r) {
  auto url = parse_url(r.url);
  std::string_view path = url ? std::string_view(url->path) : std::string_view();
  if (path.find("/webhooks/lightspeed/") != std::string_view::npos) return "lightspeed/orders";
  return "picqer/" + picqer_event(r.body);
}

void WebhookTally::arrived(const std::string& topic, Instant at) {
  std::lock_guard lock(mu_);
  std::string key = counts_.count(topic) || counts_.size() < kMaxTopics ? topic : "other";
  ++counts_[key];
  last_[key] = at;
}

std::map<std::string, int64_t> WebhookTally::counts() const {
  std::lock_guard lock(mu_);
  return counts_;
}

std::map<std::string, Instant> WebhookTally::last_arrivals() const {
  std::lock_guard lock(mu_);
  return last_;
}

}  // namespace lpsync::ops
