// The config's "alerts" section (config.h AlertsSection).
#include "engine/env/http.h"
#include "tools/live/config_reader.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

const std::string kPath = "alerts";

// An address for MAIL FROM / RCPT TO: one '@', no spaces, angle brackets or line breaks
// (which would let the text add SMTP commands of its own).
bool plain_address(const std::string& a) {
  if (a.empty() || a.size() > 254 || a.find('@') == std::string::npos || a.find('@') != a.rfind('@')) return false;
  for (char c : a) {
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) return false;
  }
  return a.front() != '@' && a.back() != '@';
}

std::optional<SmtpSection> read_smtp(ConfigReader& r, const bj::object& alerts) {
  const std::string path = join_path(kPath, "smtp");
  auto it = alerts.find("smtp");
  if (it == alerts.end() || it->value().is_null()) return std::nullopt;
  const bj::object* o = r.object(it->value(), path);
  if (!o) return std::nullopt;
  r.known_keys(*o, path, {"host", "port", "from", "to", "user", "password"});
  SmtpSection s;
  s.host = r.string(*o, path, "host", true).value_or("");
  if (auto port = r.integer(*o, path, "port")) {
    if (*port < 1 || *port > 65535) r.error(join_path(path, "port"), "expected a TCP port, 1 to 65535 (default 587)");
    else s.port = static_cast<int>(*port);
  }
  if (auto from = r.string(*o, path, "from", true)) {
    if (plain_address(*from)) s.from = *from;
    else r.error(join_path(path, "from"), "expected one e-mail address, such as lpsync@example.com");
  }
  auto to = o->find("to");
  if (to == o->end() || !to->value().is_array() || to->value().as_array().empty() ||
      to->value().as_array().size() > 20) {
    r.error(join_path(path, "to"), "expected a list of 1 to 20 e-mail addresses, such as [\"ops@example.com\"]");
  } else {
    for (const bj::value& v : to->value().as_array()) {
      if (v.is_string() && plain_address(std::string(v.as_string()))) {
        s.to.emplace_back(v.as_string());
      } else {
        r.error(join_path(path, "to"), "every entry must be one e-mail address, such as \"ops@example.com\"");
        break;
      }
    }
  }
  if (o->contains("user")) s.user = r.secret(*o, path, "user").value_or("");
  if (o->contains("password")) s.password = r.secret(*o, path, "password").value_or("");
  if (s.user.empty() != s.password.empty()) {
    r.error(path, "give both user and password (for AUTH after STARTTLS), or neither");
  }
  return s;
}

void read_minutes(ConfigReader& r, const bj::object& o, std::string_view key, Duration& out) {
  if (auto m = r.integer(o, kPath, key)) {
    if (*m < 1 || *m > 7 * 24 * 60) r.error(join_path(kPath, key), "expected minutes, 1 to 10080 (a week)");
    else out = Duration::minutes(*m);
  }
}

}  // namespace

AlertsSection read_alerts(ConfigReader& r, const bj::object& o) {
  r.known_keys(o, kPath, {"webhook_url", "webhook_secret", "smtp", "poll_failing_minutes", "webhook_silent_minutes",
                          "repeat_minutes"});
  AlertsSection a;
  if (auto url = r.string(o, kPath, "webhook_url")) {
    auto parsed = parse_url(*url);
    if (!parsed || (parsed->scheme == "http" && !is_loopback_host(parsed->host))) {
      r.error(join_path(kPath, "webhook_url"), "expected the https:// address that receives the alerts (plain "
                                               "http:// only on a loopback address)");
    } else {
      a.webhook_url = *url;
    }
    a.webhook_secret = r.secret(o, kPath, "webhook_secret").value_or("");
    if (a.webhook_secret.empty()) {
      r.error(join_path(kPath, "webhook_secret"), "missing: every alert webhook is signed with it (HMAC-SHA256); "
                                                 "write \"env:NAME\" to read it from the environment");
    }
  }
  a.smtp = read_smtp(r, o);
  if (!o.contains("webhook_url") && !a.smtp) {
    r.error(kPath, "give webhook_url (with webhook_secret), smtp, or both: where the alerts go");
  }
  read_minutes(r, o, "poll_failing_minutes", a.poll_failing_after);
  read_minutes(r, o, "webhook_silent_minutes", a.webhook_silent_after);
  read_minutes(r, o, "repeat_minutes", a.repeat_after);
  return a;
}

}  // namespace lpsync::live
