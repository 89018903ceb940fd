#include "fakes/picqer/deliveries.h"

#include "engine/env/crypto.h"
#include "engine/env/json.h"

namespace lpsync::fakes::picqer {

Deliveries::Deliveries(Clock& clock, Transport& transport, std::mutex& mu, Account& account, FaultPlan& faults)
    : clock_(clock), transport_(transport), mu_(mu), account_(account), faults_(faults) {}

Deliveries::~Deliveries() {
  for (const auto& [id, p] : pending_) clock_.cancel(p.timer);
}

void Deliveries::publish(const Event& event) {
  for (const auto& [idhook, hook] : account_.hooks()) {
    if (!hook.active || hook.event != event.name) continue;
    std::string body = json::serialize(json::object_of({
        {"idhook", idhook},
        {"name", hook.name},
        {"event", event.name},
        {"event_triggered_at", format_sql_datetime(event.at)},
        {"data", event.data},
    }));
    auto fault = faults_.for_webhook(event.name, clock_.now());
    if (fault == FaultKind::webhook_drop) {
      record({next_delivery_++, idhook, event.name, 0, clock_.now(), 0, "dropped (fault)"});
      continue;
    }
    int copies = fault == FaultKind::webhook_duplicate ? 2 : 1;
    for (int i = 0; i < copies; ++i) {
      int64_t id = next_delivery_++;
      if (pending_.size() >= max_pending_) {
        record({id, idhook, event.name, 0, clock_.now(), 0,
                "dropped (queue full: " + std::to_string(max_pending_) + " deliveries waiting)"});
        continue;
      }
      pending_[id] = Pending{idhook, event.name, body, 0, 0};
      schedule(id, account_.config().webhook_delay);
    }
  }
}

void Deliveries::schedule(int64_t iddelivery, Duration delay) {
  pending_.at(iddelivery).timer = clock_.call_after(delay, [this, iddelivery] { attempt(iddelivery); });
}

void Deliveries::record(DeliveryAttempt a) {
  log_.push_back(std::move(a));
  if (log_.size() > kLogLimit) log_.pop_front();
}

void Deliveries::attempt(int64_t iddelivery) {
  Request request;
  {
    std::lock_guard lock(mu_);
    auto it = pending_.find(iddelivery);
    if (it == pending_.end()) return;
    const Pending& p = it->second;
    const Hook* hook = account_.mutable_hook(p.idhook);
    if (!hook || !hook->active) {
      record({iddelivery, p.idhook, p.event, p.attempt, clock_.now(), 0, "hook inactive"});
      pending_.erase(it);
      return;
    }
    request.method = "POST";
    request.url = hook->address;
    request.headers.set("Content-Type", "application/json");
    request.headers.set("User-Agent", "Picqer Webhooks (lpsync fake)");
    if (!hook->secret.empty()) request.headers.set("X-Picqer-Signature", picqer_signature(p.body, hook->secret));
    request.body = p.body;
  }
  TransportResult result = transport_.send(request);

  std::lock_guard lock(mu_);
  auto it = pending_.find(iddelivery);
  if (it == pending_.end()) return;
  Pending& p = it->second;
  DeliveryAttempt a{iddelivery, p.idhook, p.event, p.attempt, clock_.now(), 0, "delivered"};
  bool delivered = false;
  if (!result.ok()) {
    a.outcome = "failed: " + std::string(to_string(result.error().kind)) + " (" + result.error().message + ")";
  } else {
    a.status = result.value().status;
    delivered = a.status >= 200 && a.status < 300;
    if (!delivered) a.outcome = "failed: HTTP " + std::to_string(a.status);
  }
  record(std::move(a));
  const auto& retries = account_.config().webhook_retry_delays;
  if (delivered) {
    pending_.erase(it);
  } else if (p.attempt < static_cast<int>(retries.size())) {
    schedule(iddelivery, retries[p.attempt++]);
  } else {
    int64_t idhook = p.idhook;
    pending_.erase(it);
    complete_failure(idhook);
  }
}

void Deliveries::complete_failure(int64_t idhook) {
  Hook* hook = account_.mutable_hook(idhook);
  if (!hook) return;
  const PicqerConfig& config = account_.config();
  Instant now = clock_.now();
  std::erase_if(hook->complete_failures, [&](Instant t) { return t <= now - config.webhook_deactivate_window; });
  hook->complete_failures.push_back(now);
  if (static_cast<int>(hook->complete_failures.size()) >= config.webhook_deactivate_after) hook->active = false;
}

}  // namespace lpsync::fakes::picqer
