// Counts the webhooks the listener accepts, by topic, with the time of the last one; written
// on the HTTP server's threads, read for /metrics and the alerts. Bounded: at most
// kMaxTopics topics, the rest are counted under "other".
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>

#include "engine/env/http.h"
#include "engine/env/time.h"

namespace lpsync::ops {

// The topic of an accepted webhook: "picqer/<event>" for Picqer's known events
// (products.free_stock_changed, orders.*, picklists.shipments.*), "picqer/other" for the
// rest, "lightspeed/orders" for the shop's. Only names from this fixed shape, never a value.
std::string webhook_topic(const Request& r);

class WebhookTally {
 public:
  static constexpr size_t kMaxTopics = 32;
  void arrived(const std::string& topic, Instant at);
  std::map<std::string, int64_t> counts() const;
  std::map<std::string, Instant> last_arrivals() const;
  // A webhook the listener refused (bad token or signature).
  void refused() { ++refused_; }
  int64_t refusals() const { return refused_; }

 private:
  mutable std::mutex mu_;
  std::map<std::string, int64_t> counts_;
  std::map<std::string, Instant> last_;
  std::atomic<int64_t> refused_ = 0;
};

}  // namespace lpsync::ops
