#include "tools/ops/alert_sender.h"

#include <algorithm>
#include <chrono>

#include "engine/env/httplib_transport.h"
#include "tools/ops/alert_message.h"

namespace lpsync::ops {

AlertSender::AlertSender(AlertChannels channels, RetryPolicy policy, SystemClock& wall, Report report)
    : AlertSender(policy, wall, std::move(report)) {
  own_ = channels.connection;
  std::lock_guard lock(mu_);
  channels_[own_] = std::move(channels);
}

AlertSender::AlertSender(RetryPolicy policy, SystemClock& wall, Report report)
    : wall_(wall), report_(std::move(report)), outbox_(policy) {
  thread_ = std::thread([this] { loop(); });
}

bool AlertSender::send(const Alert& a) {
  bool all;
  {
    std::lock_guard lock(mu_);
    all = queue(channels_.at(own_), a);
  }
  wake_.notify_one();
  return all;
}

bool AlertSender::send_for(const AlertChannels& channels, const Alert& a) {
  bool all;
  {
    std::lock_guard lock(mu_);
    channels_[channels.connection] = channels;
    all = queue(channels, a);
  }
  wake_.notify_one();
  return all;
}

bool AlertSender::queue(const AlertChannels& channels, const Alert& a) {
  bool all = true;
  Instant now = wall_.now();
  if (!channels.webhook_url.empty()) all &= outbox_.add(a, Channel::webhook, now, channels.connection);
  if (channels.smtp) all &= outbox_.add(a, Channel::mail, now, channels.connection);
  if (!all) ++stats_.dropped;
  return all;
}

std::string AlertSender::target_of(const Delivery& d) const {
  const AlertChannels& c = channels_.at(d.to);
  return d.channel == Channel::webhook ? c.webhook_url : "smtp://" + c.smtp->host + ":" + std::to_string(c.smtp->port);
}

std::vector<Alert> AlertSender::drain(Duration per_target) {
  std::unique_lock lock(mu_);
  if (!thread_.joinable()) return {};
  std::set<std::string> targets;
  for (const Delivery& d : outbox_.queued()) targets.insert(target_of(d));
  draining_ = true;
  per_target_ = per_target;
  wake_.notify_one();
  // Each target's share, and a second for the thread to notice.
  int64_t bound_ms = per_target.millis() * static_cast<int64_t>(std::max<size_t>(1, targets.size())) + 1000;
  drained_.wait_for(lock, std::chrono::milliseconds(bound_ms), [&] { return drain_done_; });
  stopping_ = true;
  lock.unlock();
  wake_.notify_one();
  thread_.join();
  lock.lock();
  std::vector<Delivery> left = outbox_.take_all();
  stats_.not_sent += static_cast<int64_t>(left.size());
  std::vector<Alert> out;
  for (const Delivery& d : left) {
    out.push_back(d.alert);
    std::string why = !d.last_failure.empty() ? d.last_failure
                      : spent_.count(target_of(d)) ? "the time for its target at the stop was used up"
                                                   : "lpsync stopped before it could be tried";
    if (report_) report_("alert_not_sent", d.alert, d.to, why);
  }
  return out;
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
    std::optional<Delivery> d;
    std::optional<Duration> limit;
    if (draining_) {
      auto left = [&](const std::string& target) { return per_target_ - spent_[target]; };
      d = outbox_.take_first([&](const Delivery& x) {
        std::string target = target_of(x);
        return !failed_now_.count(target) && left(target) > Duration::millis(0);
      });
      if (!d) {
        drain_done_ = true;
        drained_.notify_all();
        wake_.wait(lock, [&] { return stopping_; });
        continue;
      }
      limit = left(target_of(*d));
    } else {
      d = outbox_.take_due(now);
      if (!d) {
        // Until the next retry is due (at most a second: the wall clock may jump), or a new alert.
        std::optional<Instant> next = outbox_.next_due();
        int64_t wait_ms = next ? std::clamp<int64_t>((*next - now).millis(), 1, 1000) : 1000;
        wake_.wait_for(lock, std::chrono::milliseconds(wait_ms));
        continue;
      }
    }
    AlertChannels to = channels_.at(d->to);
    std::string target = target_of(*d);
    lock.unlock();
    Instant began = wall_.now();
    std::string failure = deliver(*d, to, limit);
    Duration took = wall_.now() - began;
    lock.lock();
    if (draining_) spent_[target] = spent_[target] + took;
    if (failure.empty()) {
      ++stats_.sent;
      if (report_) report_("alert_sent", d->alert, d->to, d->channel == Channel::webhook ? "webhook" : "mail");
      continue;
    }
    ++stats_.failed_attempts;
    d->last_failure = failure;
    if (draining_) {
      failed_now_.insert(target);  // the stop is no time for retries
      outbox_.put_back(std::move(*d));
      continue;
    }
    Delivery retry = *d;
    bool again = outbox_.failed(std::move(*d), wall_.now());
    if (!again) ++stats_.given_up;
    if (report_) report_(again ? "alert_retry" : "alert_given_up", retry.alert, retry.to, failure);
  }
}

std::string AlertSender::deliver(const Delivery& d, const AlertChannels& to, std::optional<Duration> limit) {
  if (d.channel == Channel::mail) {
    SmtpOptions o = *to.smtp;
    if (limit) o.within = std::min(o.within, *limit);
    return smtp_send(o, alert_mail(d.alert, to.connection, o.from, o.to));
  }
  std::string body = alert_json(d.alert, to.connection);
  // Connecting and sending a quarter each, the answer half of the request's time (at a stop,
  // of what is left of the target's).
  Duration all = limit ? std::min(*limit, to.webhook_timeout) : to.webhook_timeout;
  Duration quarter = std::max(all / 4, Duration::millis(50));
  HttplibOptions options{to.ca_file, true, quarter, quarter * 2, quarter};
  HttplibTransport http(options);
  Request r{"POST", to.webhook_url, {}, body};
  r.headers.set("Content-Type", "application/json");
  r.headers.set("User-Agent", "lpsync-alerts");
  r.headers.set(kSignatureHeader, alert_signature(body, to.webhook_secret));
  TransportResult result = http.send(r);
  if (!result.ok()) return "the alert webhook could not be reached";
  int status = result.value().status;
  if (status < 200 || status >= 300) return "the alert webhook answered " + std::to_string(status);
  return "";
}

}  // namespace lpsync::ops
