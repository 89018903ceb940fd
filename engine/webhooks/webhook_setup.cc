#include "engine/webhooks/webhook_setup.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::shipments;
constexpr char kSecretKey[] = "picqer.hook_secret";

}  // namespace

const std::vector<std::string>& WebhookSetup::picqer_events() {
  static const std::vector<std::string> kEvents = {"products.free_stock_changed", "picklists.shipments.created"};
  return kEvents;
}

const std::vector<std::pair<std::string, std::string>>& WebhookSetup::lightspeed_events() {
  static const std::vector<std::pair<std::string, std::string>> kEvents = {
      {"orders", "created"}, {"orders", "updated"}, {"orders", "paid"}};
  return kEvents;
}

std::string WebhookSetup::lightspeed_address() const {
  return parts_.connection.webhook_url + "/webhooks/lightspeed/" + parts_.connection.webhook_token;
}

std::string WebhookSetup::picqer_secret() {
  if (auto s = parts_.values.value(kSecretKey)) return *s;
  std::string secret = parts_.make_secret();
  parts_.values.put_value(kSecretKey, secret);
  return secret;
}

std::optional<Instant> WebhookSetup::run(Instant now) {
  if (!basics_.settings.active || parts_.connection.webhook_url.empty()) return std::nullopt;
  if (Step s = register_picqer(); s.kind == Step::stop) return s.retry_at;
  if (basics_.settings.may_write_lightspeed()) {
    if (Step s = register_lightspeed(); s.kind == Step::stop) return s.retry_at;
  }
  backoff_.succeeded();
  return now + kCheckEvery;
}

Step WebhookSetup::register_picqer() {
  std::vector<pq::Hook> hooks;
  for (int64_t offset = 0;; offset += kPicqerPageSize) {
    if (offset >= static_cast<int64_t>(basics_.limits.picqer_pages) * kPicqerPageSize) {
      // Hooks of ours past the cap would look missing and be created again beside them.
      std::string message = "Picqer lists more than " + std::to_string(basics_.limits.picqer_pages) +
                            " pages of webhooks; lpsync stopped reading there (page cap) and registers none, so "
                            "that none is created twice. Delete unused webhooks in Picqer (Settings > Webhooks); "
                            "until then changes in Picqer reach the shop only by polling";
      basics_.report.problem("page_cap:hooks", message);
      return Step::item_failed(message);
    }
    auto page = parts_.picqer.hooks(kP, offset);
    if (!page.ok()) return step_for(basics_, backoff_, page);
    hooks.insert(hooks.end(), page.value.begin(), page.value.end());
    if (page.value.size() < static_cast<size_t>(kPicqerPageSize)) break;
  }
  // A hook of ours signs with the secret in the store; without one stored, an inactive hook's
  // secret is unknown and reactivating it would only bring deliveries we must refuse.
  bool secret_known = parts_.values.value(kSecretKey).has_value();
  for (const auto& event : picqer_events()) {
    const pq::Hook* inactive = nullptr;
    bool active = false;
    for (const auto& h : hooks) {
      if (h.event != event || h.address != picqer_address()) continue;
      active |= h.active;
      if (!h.active && !inactive) inactive = &h;
    }
    if (active) continue;
    if (inactive && secret_known) {
      // Picqer deactivated it after failed deliveries (or it was deleted, which only
      // deactivates): bring it back rather than leave it behind beside a new one.
      auto back = parts_.picqer.reactivate_hook(kP, inactive->id);
      if (back.ok()) {
        basics_.decide("picqer_hook_reactivated", {{"event", event}, {"idhook", inactive->id}});
        continue;
      }
      // Gone since it was listed: a new one is made below.
      if (back.outcome != CallOutcome::not_found) return step_for(basics_, backoff_, back);
    }
    auto created = parts_.picqer.create_hook(kP, "lpsync " + event, event, picqer_address(), picqer_secret());
    if (!created.ok()) return step_for(basics_, backoff_, created);
    basics_.decide("picqer_hook_created", {{"event", event}, {"idhook", created.value.id}});
  }
  return Step::ok();
}

Step WebhookSetup::register_lightspeed() {
  auto existing = parts_.lightspeed.webhooks(kP);
  if (!existing.ok()) return step_for(basics_, backoff_, existing);
  for (const auto& [group, action] : lightspeed_events()) {
    bool present = false;
    for (const auto& w : existing.value) {
      present |= w.item_group == group && w.item_action == action && w.address == lightspeed_address();
    }
    if (present) continue;
    LightspeedWrites* writes = parts_.shop_writes.get();
    if (!writes) return Step::ok();
    auto created = writes->create_webhook(kP, group, action, lightspeed_address(), parts_.connection.language);
    if (!created.ok()) return step_for(basics_, backoff_, created);
    basics_.decide("lightspeed_webhook_created", {{"event", group + "/" + action}, {"id", created.value}});
  }
  return Step::ok();
}

}  // namespace lpsync
