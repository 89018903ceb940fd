#include "tools/ops/alert_sender.h"

#include <algorithm>
#include <chrono>

#include "engine/env/httplib_transport.h"
#include "tools/ops/alert_message.h"

namespace lpsync::ops {

AlertSender::AlertSender(AlertChannels channels, RetryPolicy policy, SystemClock& wall, Report report)
    : channels_(std::move(channels)), wall_(wall), report_(std::move(report)), outbox_(policy) {
  thread_ = std::thread([this] { loop(); });
}

bool AlertSender::send(const Alert& a) {
  bool all = true;
  {
    std::lock_guard lock(mu_);
    Instant now = wall_.now();
    if (!channels_.webhook_url.empty()) all &= outbox_.add(a, Channel::webhook, now);
    if (channels_.smtp) all &= outbox_.add(a, Channel::mail, now);
    if (!all) ++stats_.dropped;
  }
  wake_.notify_one();
  return all;
}

void AlertSender::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

AlertSender::Stats AlertSender::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

void AlertSender::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    Instant now = wall_.now();
    std::optional<Delivery> d = outbox_.take_due(now);
    if (!d) {
      // Until the next retry is due (at most a second: the wall clock may jump), or a new alert.
      std::optional<Instant> next = outbox_.next_due();
      int64_t wait_ms = next ? std::clamp<int64_t>((*next - now).millis(), 1, 1000) : 1000;
      wake_.wait_for(lock, std::chrono::milliseconds(wait_ms));
      continue;
    }
    lock.unlock();
    std::string failure = deliver(*d);
    lock.lock();
    if (failure.empty()) {
      ++stats_.sent;
      if (report_) report_("alert_sent", d->alert, d->channel == Channel::webhook ? "webhook" : "mail");
      continue;
    }
    ++stats_.failed_attempts;
    Delivery retry = *d;
    bool again = outbox_.failed(std::move(*d), wall_.now());
    if (!again) ++stats_.given_up;
    if (report_) report_(again ? "alert_retry" : "alert_given_up", retry.alert, failure);
  }
}

std::string AlertSender::deliver(const Delivery& d) {
  if (d.channel == Channel::mail) {
    return smtp_send(*channels_.smtp, alert_mail(d.alert, channels_.connection, channels_.smtp->from, channels_.smtp->to));
  }
  std::string body = alert_json(d.alert, channels_.connection);
  HttplibTransport http(HttplibOptions{channels_.ca_file, true, Duration::seconds(10), Duration::seconds(20),
                                       Duration::seconds(20)});
  Request r{"POST", channels_.webhook_url, {}, body};
  r.headers.set("Content-Type", "application/json");
  r.headers.set("User-Agent", "lpsync-alerts");
  r.headers.set(kSignatureHeader, alert_signature(body, channels_.webhook_secret));
  TransportResult result = http.send(r);
  if (!result.ok()) return "the alert webhook could not be reached";
  int status = result.value().status;
  if (status < 200 || status >= 300) return "the alert webhook answered " + std::to_string(status);
  return "";
}

}  // namespace lpsync::ops
