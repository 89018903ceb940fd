#include "tools/console/console_client.h"

#include <stdexcept>

#include "engine/env/http_server.h"

namespace lpsync::console {

Response ConsoleClient::send(std::string method, std::string path, std::string body, Headers h) {
  h.set("Host", "127.0.0.1:8080");
  if (!h.has(kClientAddressHeader)) h.set(kClientAddressHeader, "127.0.0.1");
  auto r = app_.handle(Request{std::move(method), "http://127.0.0.1:8080" + path, h, std::move(body)});
  if (!r.ok()) throw std::runtime_error("the console gave no response to " + path);
  return r.value();
}

void ConsoleClient::set_password() {
  Response r = send("POST", "/setup", "token=" + setup_token_ + "&password=" + percent_encode(kPassword) +
                                          "&again=" + percent_encode(kPassword));
  if (r.status != 303) throw std::runtime_error("setting the password failed: " + r.body);
}

void ConsoleClient::log_in() {
  Response r = send("POST", "/login", "password=" + percent_encode(kPassword));
  if (r.status != 303) throw std::runtime_error("the login failed: " + r.body);
  std::string set = r.headers.get("Set-Cookie").value_or("");
  cookie_ = set.substr(0, set.find(';'));
  Response home = get("/");
  std::string marker = "name=\"csrf\" value=\"";
  size_t at = home.body.find(marker);
  if (at == std::string::npos) throw std::runtime_error("the home page has no form: " + home.body);
  at += marker.size();
  csrf_ = home.body.substr(at, home.body.find('"', at) - at);
}

Response ConsoleClient::get(const std::string& path) { return send("GET", path, "", {{"Cookie", cookie_}}); }

Response ConsoleClient::post(const std::string& path, const std::string& form) {
  return send("POST", path, form + (form.empty() ? "" : "&") + "csrf=" + csrf_, {{"Cookie", cookie_}});
}

}  // namespace lpsync::console
