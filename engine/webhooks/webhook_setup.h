// Registers the webhooks the engine listens to (section 8), never twice: the existing
// ones are listed first. Picqer hooks carry a signing secret (kept in the state store);
// one of ours Picqer deactivated (after failed deliveries, or a DELETE) is reactivated
// with POST /hooks/{id}/reactivate, and replaced only when its secret is not known or it
// is gone. Lightspeed
// webhooks are registered only while the connection may write to the shop (registering
// is a write). Checked again every hour.
#pragma once

#include "engine/core/scheduler.h"
#include "engine/core/connection.h"
#include "engine/jobs/step.h"

namespace lpsync {

class WebhookSetup final : public Job {
 public:
  // What the job touches besides the basics.
  struct Parts {
    const Connection& connection;  // the webhook address and token, the shop's language
    LightspeedReads& lightspeed;
    ShopWrites shop_writes;  // registering a shop webhook is a write
    PicqerClient& picqer;
    ValueStore& values;  // the Picqer signing secret
    const std::function<std::string()>& make_secret;
  };
  WebhookSetup(JobBasics basics, Parts parts) : basics_(basics), parts_(parts) {}

  std::string_view name() const override { return "webhooks"; }
  Priority priority() const override { return Priority::shipments; }
  std::optional<Instant> run(Instant now) override;

  static constexpr Duration kCheckEvery = Duration::hours(1);

  // The events and addresses the engine wants.
  static const std::vector<std::string>& picqer_events();
  static const std::vector<std::pair<std::string, std::string>>& lightspeed_events();  // group, action
  std::string picqer_address() const { return parts_.connection.webhook_url + "/webhooks/picqer"; }
  std::string lightspeed_address() const;
  // The secret Picqer signs with (created on first use).
  std::string picqer_secret();

 private:
  Step register_picqer();
  Step register_lightspeed();

  JobBasics basics_;
  Parts parts_;
  Backoff backoff_;
};

}  // namespace lpsync
