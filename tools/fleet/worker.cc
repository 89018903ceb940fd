#include "tools/fleet/worker.h"

#include "engine/env/check.h"
#include "engine/rules/fleet_rules.h"

namespace lpsync::fleet {

size_t Worker::running() const {
  size_t n = 0;
  for (const auto& [id, h] : held_) n += h.started ? 1 : 0;
  return n;
}

void Worker::tick(Instant now) {
  renew(now);
  rebalance(now);
  start_due(now);
}

void Worker::renew(Instant now) {
  std::vector<LeaseToken> tokens;
  for (const auto& [id, h] : held_) tokens.push_back(h.lease);
  for (const LeaseToken& lost : book_.renew(tokens)) drop(lost.connection_id, false);
  for (auto& [id, h] : held_) h.window->set_end(now + options_.lease_period);
}

void Worker::rebalance(Instant now) {
  int64_t share = fair_share(book_.connections(), book_.heartbeat());
  LeasePlan plan = plan_leases(static_cast<int64_t>(held_.size()), share, book_.free_connections());
  LPSYNC_CHECK(plan.release <= static_cast<int64_t>(held_.size()), "a worker hands back only what it holds");
  for (int64_t i = 0; i < plan.release; ++i) {
    drop(held_.rbegin()->first, true);  // the highest ids: the ones a newcomer claims first
  }
  for (const Claim& c : book_.claim(plan.claim)) {
    Held h;
    h.lease = c.lease;
    h.window->set_end(now + options_.lease_period);
    // The previous owner may have had a request in flight until its lease ended (database
    // clock): wait out the rest of that, measured on this worker's clock from now.
    h.start_at = now;
    if (c.previous_ended) {
      Instant safe = act_on_intents_after(*c.previous_ended, options_.longest_request);
      if (safe > c.claimed_at) h.start_at = now + (safe - c.claimed_at);
    }
    held_.emplace(c.lease.connection_id, std::move(h));
  }
}

void Worker::start_due(Instant now) {
  for (auto& [id, h] : held_) {
    if (h.started || now < h.start_at) continue;
    pg::Rows r = db_.exec("read the config of connection " + std::to_string(id), "SELECT config FROM connections WHERE id = $1",
                          {id});
    if (r.size() == 0) continue;  // removed meanwhile; the next renewal drops it
    runner_.start(h.lease, *r.text(0, 0), *h.window);
    h.started = true;
  }
}

void Worker::drop(int64_t connection_id, bool hand_back) {
  auto it = held_.find(connection_id);
  if (it == held_.end()) return;
  if (it->second.started) runner_.stop(connection_id);
  if (hand_back) book_.release(it->second.lease);
  held_.erase(it);
}

void Worker::stop_all() {
  while (!held_.empty()) drop(held_.begin()->first, true);
}

}  // namespace lpsync::fleet
