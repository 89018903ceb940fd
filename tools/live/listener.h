// The listener of `lpsync run` (webhooks.listen in the config): the webhooks of both systems
// under /webhooks/ and the App Store's install and uninstall callbacks. It runs on the HTTP
// server's threads. A webhook is checked and answered at once there (a sender must never wait
// for the engine, which may itself be waiting for that sender's API) and its work posted to
// the engine's thread; an app callback waits (boundedly) for the engine's thread to answer it.
// With an ops board (serve_ops), GET /healthz and GET /metrics answer from the figures the
// engine's thread last left there, without waiting for that thread (docs/operators.md).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "engine/env/http_server.h"
#include "tools/live/config.h"
#include "engine/env/live_clock.h"
#include "tools/live/log.h"
#include "tools/live/redactor.h"
#include "tools/ops/ops_board.h"

namespace lpsync::live {

// What the listener hands to the session, on the engine's thread.
struct ListenerCalls {
  // An install (true) or uninstall (false) callback of the App Store; the answer goes back.
  std::function<TransportResult(const Request& r, bool install)> app_callback;
  // A webhook that passed the checks, run as an engine callback.
  std::function<void(const Request& r)> deliver;
};

class Listener {
 public:
  // `config.webhooks` must be set.
  Listener(const LiveConfig& config, SystemClock& wall, LiveClock& clock, Log& log, const Redactor& redactor,
           ListenerCalls calls);
  ~Listener() { stop(); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds webhooks.listen; false (with why on `err`) when it cannot.
  bool start(std::ostream& err);
  // `url` with a ":0" port replaced by the port the listener got (WebhooksSection::public_url).
  std::string public_address(const std::string& url) const;
  // The secrets a webhook is checked with (thread-safe; copies for the server's threads).
  void set_engine_secrets(const std::string& webhook_token, const std::string& lightspeed_webhook_secret);
  void set_hook_secret(const std::string& picqer_hook_secret);
  // Serves /healthz and /metrics from `board` (which must outlive the listener) and counts
  // accepted webhooks on it. Call before start().
  void serve_ops(ops::OpsBoard* board, Duration max_poll_age) {
    board_ = board;
    max_poll_age_ = max_poll_age;
  }
  // Refuses new work, then stops the server.
  void stop();

 private:
  TransportResult on_request(const Request& r);
  TransportResult wait_for_app_callback(const Request& r, bool install);
  TransportResult check_webhook(const Request& r, const std::string& path);
  TransportResult ops_answer(const Request& r, const std::string& path);

  const LiveConfig& config_;
  SystemClock& wall_;
  LiveClock& clock_;
  Log& log_;
  const Redactor& redactor_;
  ListenerCalls calls_;
  std::unique_ptr<HttpServer> server_;
  std::atomic<bool> stopping_ = false;
  std::mutex mu_;
  std::string hook_secret_, webhook_token_, lightspeed_webhook_secret_;
  ops::OpsBoard* board_ = nullptr;
  Duration max_poll_age_;
};

// A text/plain answer of the listener (the message and a newline).
Response text_answer(int status, const std::string& text);

}  // namespace lpsync::live
