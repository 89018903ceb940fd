// Webhooks for a fleet's connections (docs/fleet.md). Every worker listens behind one public
// address, so a webhook for a connection may reach any worker. The listener queues it in the
// database (inbound_webhooks) and answers at once; the worker that holds the connection takes
// its queued webhooks every second and hands each to the engine, which checks its signature
// and wakes the job it concerns, as in `lpsync run`. A webhook is a hint: one lost to a crash
// between taking and handing over costs only the wait for the next poll or reconciliation.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "engine/env/http.h"
#include "engine/state/pg_db.h"

namespace lpsync::fleet {

// Webhooks queued per connection at most; beyond, the sender is told to retry later (503).
inline constexpr int64_t kMaxQueuedWebhooks = 1000;

class WebhookInbox {
 public:
  explicit WebhookInbox(std::unique_ptr<pg::Db> db) : db_(std::move(db)) {}
  // The listener's handler (thread-safe): POST /c/{connection id}/webhooks/... is queued and
  // answered 200; another path 404; a full queue or a database that cannot take it 503.
  TransportResult accept(const Request& request);

 private:
  std::mutex mu_;
  std::unique_ptr<pg::Db> db_;
};

// The public address of a connection's webhooks under the fleet's public URL.
std::string connection_webhook_url(const std::string& public_url, int64_t connection_id);

// Takes (removes) up to `limit` queued webhooks of `connections`, oldest first.
std::vector<std::pair<int64_t, Request>> take_webhooks(pg::Db& db, const std::vector<int64_t>& connections, int limit);

}  // namespace lpsync::fleet
