// A test's browser without a browser: requests straight to a ConsoleApp's handler, with the
// first start's password set, a login, and the session's cookie and CSRF token on every
// request after it.
#pragma once

#include <string>

#include "tools/console/console_app.h"

namespace lpsync::console {

class ConsoleClient {
 public:
  static constexpr char kPassword[] = "correct horse battery";

  // `setup_token`: the one the app was made with.
  ConsoleClient(ConsoleApp& app, std::string setup_token) : app_(app), setup_token_(std::move(setup_token)) {}

  // As it comes, with only the headers given (and Host, the client's address).
  Response send(std::string method, std::string path, std::string body = "", Headers headers = {});
  void set_password();  // through the setup address: 303 expected
  // Logs in; cookie() and csrf() are the session's from then on.
  void log_in();
  // With the session's cookie (and for a POST its CSRF token, form-encoded after `form`).
  Response get(const std::string& path);
  Response post(const std::string& path, const std::string& form);

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }

 private:
  ConsoleApp& app_;
  std::string setup_token_;
  std::string cookie_, csrf_;
};

}  // namespace lpsync::console
