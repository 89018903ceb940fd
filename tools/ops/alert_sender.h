// Sends alerts on a thread of its own, so the sync never waits for a mail server or a
// merchant's webhook: send() only queues (bounded; a full queue refuses and counts the
// alert as dropped). Each alert goes to each configured channel: the webhook URL as JSON
// signed with HMAC-SHA256 (X-Lpsync-Signature: sha256=HEX), and/or an e-mail over SMTP with
// STARTTLS. A failed delivery is retried with doubling delays (alert_outbox.h).
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/env/clock.h"
#include "tools/ops/alert_outbox.h"
#include "tools/ops/smtp_client.h"

namespace lpsync::ops {

struct AlertChannels {
  std::string connection;  // names the connection in every alert (the config file's name)
  std::string webhook_url, webhook_secret;
  std::optional<SmtpOptions> smtp;
  std::string ca_file;  // for the webhook's https ("" = the system's CAs)
};

class AlertSender {
 public:
  // `report` hears of each delivery ("alert_sent", "alert_retry", "alert_given_up") with
  // the alert's key and, on failure, why (never a secret); it is called on the sender's thread.
  using Report = std::function<void(const std::string& event, const Alert& a, const std::string& detail)>;
  AlertSender(AlertChannels channels, RetryPolicy policy, SystemClock& wall, Report report = nullptr);
  ~AlertSender() { stop(); }
  AlertSender(const AlertSender&) = delete;
  AlertSender& operator=(const AlertSender&) = delete;

  // Queues `a` for every channel; never blocks. False when the queue was full.
  bool send(const Alert& a);
  void stop();

  struct Stats {
    int64_t sent = 0, failed_attempts = 0, given_up = 0, dropped = 0;
  };
  Stats stats() const;

 private:
  void loop();
  std::string deliver(const Delivery& d);  // "" or why it failed

  AlertChannels channels_;
  SystemClock& wall_;
  Report report_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  AlertOutbox outbox_;
  Stats stats_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace lpsync::ops
