// Sends alerts on a thread of its own, so the sync never waits for a mail server or a
// merchant's webhook: send() only queues (bounded; a full queue refuses and counts the
// alert as dropped). Each alert goes to each configured channel: the webhook URL as JSON
// signed with HMAC-SHA256 (X-Lpsync-Signature: sha256=HEX), and/or an e-mail over SMTP with
// STARTTLS. A failed delivery is retried with doubling delays (alert_outbox.h).
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/env/clock.h"
#include "tools/ops/alert_outbox.h"
#include "tools/ops/smtp_client.h"

namespace lpsync::ops {

struct AlertChannels {
  std::string connection;  // names the connection in every alert (the config file's name)
  std::string webhook_url, webhook_secret;
  std::optional<SmtpOptions> smtp;
  std::string ca_file;  // for the webhook's https ("" = the system's CAs)
  Duration webhook_timeout = Duration::seconds(20);  // one webhook request in all
};

class AlertSender {
 public:
  // `report` hears of each delivery ("alert_sent", "alert_retry", "alert_given_up",
  // "alert_not_sent" at a stop) with the alert, its connection and, on failure, why (never a
  // secret); it is called on the sender's thread, or in drain() on the caller's.
  using Report = std::function<void(const std::string& event, const Alert& a, const std::string& connection,
                                    const std::string& detail)>;
  // With the channels of one connection (lpsync run), for send().
  AlertSender(AlertChannels channels, RetryPolicy policy, SystemClock& wall, Report report = nullptr);
  // Without: every alert comes with its connection's channels (send_for; a fleet worker).
  AlertSender(RetryPolicy policy, SystemClock& wall, Report report = nullptr);
  ~AlertSender() { stop(); }
  AlertSender(const AlertSender&) = delete;
  AlertSender& operator=(const AlertSender&) = delete;

  // Queues `a` for every channel; never blocks. False when the queue was full.
  bool send(const Alert& a);
  // Queues `a` for the channels of `channels.connection` (remembered by that name, replaced
  // when they change; one set per connection the process holds).
  bool send_for(const AlertChannels& channels, const Alert& a);

  // At a stop: what is queued is tried now (waits for a retry cut short), each target (a
  // webhook URL, a mail server) for at most `per_target` in all; a delivery that fails now
  // is not tried again. Then the thread stops; what was not sent is reported
  // ("alert_not_sent") and returned, one per delivery. A delivery already under way when the
  // drain begins ends within its own timeouts.
  std::vector<Alert> drain(Duration per_target);
  void stop();

  struct Stats {
    int64_t sent = 0, failed_attempts = 0, given_up = 0, dropped = 0, not_sent = 0;
  };
  Stats stats() const;

 private:
  void loop();
  // One attempt: "" or why it failed. `limit`: the time it may take (at a stop).
  std::string deliver(const Delivery& d, const AlertChannels& to, std::optional<Duration> limit);
  std::string target_of(const Delivery& d) const;  // under mu_
  bool queue(const AlertChannels& channels, const Alert& a);  // under mu_

  std::string own_;  // the connection of the constructor's channels
  SystemClock& wall_;
  Report report_;
  mutable std::mutex mu_;
  std::condition_variable wake_, drained_;
  std::map<std::string, AlertChannels> channels_;  // by connection
  AlertOutbox outbox_;
  Stats stats_;
  bool stopping_ = false;
  // At a stop (drain()): the time each target has used, and the targets that failed.
  bool draining_ = false, drain_done_ = false;
  Duration per_target_;
  std::map<std::string, Duration> spent_;
  std::set<std::string> failed_now_;
  std::thread thread_;
};

}  // namespace lpsync::ops
