// Where the engine's thread leaves the latest figures for the listener's threads (/metrics,
// /healthz), with the listener's own webhook tally merged in when they are read.
#pragma once

#include <mutex>

#include "tools/ops/ops_figures.h"
#include "tools/ops/webhook_tally.h"

namespace lpsync::ops {

class OpsBoard {
 public:
  void publish(OpsFigures figures) {
    std::lock_guard lock(mu_);
    figures_ = std::move(figures);
  }
  // The latest figures with the webhook arrivals as of now.
  OpsFigures snapshot() const {
    OpsFigures f;
    {
      std::lock_guard lock(mu_);
      f = figures_;
    }
    f.webhook_arrivals = webhooks.counts();
    f.webhook_last_arrival = webhooks.last_arrivals();
    f.webhooks_refused += webhooks.refusals();
    return f;
  }
  WebhookTally webhooks;

 private:
  mutable std::mutex mu_;
  OpsFigures figures_;
};

}  // namespace lpsync::ops
