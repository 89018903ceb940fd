// The lpsync console (issue 19), its first part: the way in. A request handler (mounted on an
// HttpServer by `lpsync console`) with
//   - a first start: no password yet, so the command prints a one-time setup address (a random
//     token), and only that address may set the password (stored as an argon2id hash);
//   - login with attempts limited per client address, a session cookie (HttpOnly,
//     SameSite=Strict, Secure when served behind HTTPS), logout;
//   - a CSRF token in every form, checked on every POST, and POSTs from another origin refused;
//   - the connections of a config directory or a fleet database (no secret ever shown), each with its status,
//     Import now, Import products and settings (connection_pages.h), and the setup wizard
//     (wizard.h).
// Requests are served one at a time up to the session check; the pages after it (the
// wizard's live checks, its plan) run without the lock.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "tools/console/sessions.h"
#include "tools/console/wizard.h"

namespace lpsync::console {

struct ConsoleOptions {
  ConnectionSource* source = nullptr;  // where the connections are (required)
  std::string password_file;  // the argon2id hash; absent: first start
  bool secure_cookies = false;  // served behind HTTPS: cookies get Secure
  Transport* http = nullptr;    // the wizard's live checks (required)
  PlanRunner plan;              // the wizard's summary (required)
};

class ConsoleApp {
 public:
  // `setup_token`: the one-time token of the first start's setup address (ignored once a
  // password is set). `clock`: the wall clock (sessions, login limits).
  ConsoleApp(ConsoleOptions options, Clock& clock, std::string setup_token,
             std::function<std::string()> make_token);

  // Thread-safe.
  TransportResult handle(const Request& request);
  bool has_password() const;
  const std::string& setup_token() const { return setup_token_; }

  static constexpr size_t kMaxBody = 16 * 1024;  // every form is small

 private:
  Response login_page(const std::string& message, int status);
  Response on_login(const Request& r, const std::string& client);
  Response on_setup(const Request& r);
  Response home(const Session& s);
  TransportResult route(const Request& r, const Url& url, const PageContext& c);
  std::optional<Session> session_of(const Request& r);
  std::string cookie(const std::string& value, bool clear) const;

  ConsoleOptions options_;
  Clock& clock_;
  std::string setup_token_;
  std::mutex mu_;
  SessionBook sessions_;
};

}  // namespace lpsync::console
