#include "tools/console/console_app.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "engine/env/crypto.h"
#include "engine/env/http_server.h"
#include "tools/console/config_file.h"
#include "tools/console/connection_pages.h"
#include "tools/console/html.h"
#include "tools/console/keys_form.h"
#include "tools/console/password.h"
#include "tools/console/status_page.h"
#include "tools/live/config.h"

namespace lpsync::console {
namespace {

namespace fs = std::filesystem;

constexpr char kCookie[] = "lpsync_session";
constexpr char kUser[] = "admin";  // one user for now: the one who set the password

std::string form_value(const QueryParams& form, std::string_view key) { return query_value(form, key).value_or(""); }

// The value of cookie `name` in the Cookie header, or "".
std::string cookie_value(const Request& r, std::string_view name) {
  std::string header = r.headers.get("Cookie").value_or("");
  std::string_view rest = header;
  while (!rest.empty()) {
    size_t end = rest.find(';');
    std::string_view part = rest.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return "";
}

// A POST from a page of another origin (a browser says where it came from): refused.
bool foreign_origin(const Request& r) {
  auto origin = r.headers.get("Origin");
  if (!origin || *origin == "null") return origin.has_value();
  auto host = r.headers.get("Host");
  auto parsed = parse_url(*origin + "/");  // an Origin has no path
  if (!host || !parsed) return true;
  std::string origin_host = parsed->origin.substr(parsed->origin.find("://") + 3);
  return origin_host != *host;
}

}  // namespace

ConsoleApp::ConsoleApp(ConsoleOptions options, Clock& clock, std::string setup_token,
                       std::function<std::string()> make_token)
    : options_(std::move(options)), clock_(clock), setup_token_(std::move(setup_token)), sessions_(std::move(make_token)) {}

bool ConsoleApp::has_password() const { return fs::exists(options_.password_file); }

std::string ConsoleApp::cookie(const std::string& value, bool clear) const {
  std::string c = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (options_.secure_cookies) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

std::optional<Session> ConsoleApp::session_of(const Request& r) {
  std::string token = cookie_value(r, kCookie);
  if (token.empty()) return std::nullopt;
  return sessions_.find(token, clock_.now());
}

TransportResult ConsoleApp::handle(const Request& r) {
  std::unique_lock lock(mu_);
  auto url = parse_url(r.url);
  if (!url) return plain(400, "That is not an address of this console.");
  const std::string& path = url->path;
  std::string client = r.headers.get(kClientAddressHeader).value_or("unknown");
  if (r.method == "POST" && foreign_origin(r)) return plain(403, "Refused: the form was sent from another site.");
  if (path == "/app.js" && r.method == "GET") return script();  // static, no secret
  if (r.body.size() > kMaxBody) return plain(413, "Refused: the form is larger than any form of this console.");

  if (!has_password()) {
    if (path == "/setup" && r.method == "POST") return on_setup(r);
    if (path == "/setup" && r.method == "GET") {
      std::string token = query_value(parse_query(url->query), "token").value_or("");
      if (!constant_time_equals(token, setup_token_)) {
        return plain(403, "Use the setup address that `lpsync console` printed when it started.");
      }
      return page(200, "Set the password",
                  "<form class=\"box\" method=\"post\" action=\"/setup\"><h1>Set the console's password</h1>"
                  "<p class=\"note\">At least 12 characters. It is stored only as an argon2id hash.</p>" +
                      std::string("<input type=\"hidden\" name=\"token\" value=\"") + escape(setup_token_) +
                      "\"><label for=\"p1\">Password</label><input id=\"p1\" type=\"password\" name=\"password\" "
                      "autocomplete=\"new-password\" required autofocus>"
                      "<label for=\"p2\">The same again</label><input id=\"p2\" type=\"password\" name=\"again\" "
                      "autocomplete=\"new-password\" required><button type=\"submit\">Set password</button></form>");
    }
    return plain(503, "The console has no password yet: open the setup address that `lpsync console` printed.");
  }

  if (path == "/login" && r.method == "GET") return login_page("", 200);
  if (path == "/login" && r.method == "POST") return on_login(r, client);
  std::optional<Session> s = session_of(r);
  if (!s) {
    if (r.method == "GET") return redirect("/login");
    return plain(401, "Log in first.");
  }
  if (r.method == "POST") {
    if (!SessionBook::csrf_ok(*s, form_value(parse_query(r.body), "csrf"))) {
      return plain(403, "Refused: the form has expired or did not come from this console. Reload the page and try again.");
    }
    if (path == "/logout") {
      sessions_.close(s->token);
      Response out = redirect("/login");
      out.headers.add("Set-Cookie", cookie("", true));
      return out;
    }
  }
  if (path == "/" && r.method == "GET") return home(*s);
  PageContext context{options_.source, s->user, s->csrf, clock_.now()};
  lock.unlock();  // the session is checked; what follows may read both systems
  return route(r, *url, context);
}

TransportResult ConsoleApp::route(const Request& r, const Url& url, const PageContext& c) {
  const std::string& path = url.path;
  if (r.method == "POST") {
    QueryParams form = parse_query(r.body);
    if (path == "/import-order") return import_action(c, form, true);
    if (path == "/import-products") return import_action(c, form, false);
    if (path == "/settings") return settings_action(c, form);
    if (path == "/keys") return keys_action(c, form, *options_.http);
    if (path == "/new") return wizard_connect(c, form, *options_.http);
    if (path == "/new/configure") return wizard_configure(c, form);
    if (path == "/activate") return wizard_activate(c, form);
    return plain(404, "There is no such action.");
  }
  QueryParams query = parse_query(url.query);
  if (path == "/connection") return connection_page(c, query);
  if (path == "/settings") return settings_page(c, query);
  if (path == "/story") return story_page(c, query);
  if (path == "/new") return wizard_start(c);
  if (path == "/new/summary") return wizard_summary(c, query, options_.plan);
  return plain(404, "There is no such page.");
}

Response ConsoleApp::on_setup(const Request& r) {
  QueryParams form = parse_query(r.body);
  if (!constant_time_equals(form_value(form, "token"), setup_token_)) {
    return plain(403, "Use the setup address that `lpsync console` printed when it started.");
  }
  std::string password = form_value(form, "password");
  if (password != form_value(form, "again")) return plain(400, "The two passwords differ: go back and type them again.");
  if (std::string why = weak_password(password); !why.empty()) {
    return plain(400, "That password is too weak: " + why + ".");
  }
  std::string hash = hash_password(password);
  if (!write_private_file(options_.password_file, hash + "\n")) {
    return plain(500, "Could not write " + options_.password_file + ": check the directory's permissions.");
  }
  return redirect("/login");
}

Response ConsoleApp::login_page(const std::string& message, int status) {
  std::string body = "<form class=\"box\" method=\"post\" action=\"/login\"><h1>Log in</h1>";
  if (!message.empty()) body += "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>";
  body +=
      "<label for=\"password\">Password</label><input id=\"password\" type=\"password\" name=\"password\" "
      "autocomplete=\"current-password\" required autofocus><button type=\"submit\">Log in</button></form>";
  return page(status, "Log in", body);
}

Response ConsoleApp::on_login(const Request& r, const std::string& client) {
  Instant now = clock_.now();
  if (auto until = sessions_.locked_until(client, now)) {
    Response out = login_page("Too many wrong passwords from this address: try again in " +
                                  format_duration(*until - now) + ".",
                              429);
    out.headers.set("Retry-After", std::to_string(std::max<int64_t>(1, (*until - now).millis() / 1000)));
    return out;
  }
  std::string hash = read_text_file(options_.password_file);
  while (!hash.empty() && (hash.back() == '\n' || hash.back() == ' ')) hash.pop_back();
  if (!verify_password(hash, form_value(parse_query(r.body), "password"))) {
    sessions_.failed(client, now);
    return login_page("That password is not right.", 401);
  }
  Session s = sessions_.open(kUser, now);
  Response out = redirect("/");
  out.headers.add("Set-Cookie", cookie(s.token, false));
  return out;
}

Response ConsoleApp::home(const Session& s) {
  std::string error, rows;
  for (const ListedConnection& listed : options_.source->list(error)) {
    std::string health;
    if (!listed.config) {
      health = "its config cannot be read";
    } else if (listed.settings) {
      health = listed.settings->active ? "active" : "not active (nothing is written)";
    } else {
      // Each problem names the key and what to do; none holds a secret's value.
      for (const auto& e : listed.parsed.errors) health += (health.empty() ? "" : "; ") + e;
    }
    rows += "<tr><td><a href=\"/connection?name=" + percent_encode(listed.name) + "\">" + escape(listed.name) +
            "</a></td><td>" + escape(health) + "</td><td>" + escape(listed.state) + "</td></tr>";
  }
  std::string body = "<section><h1>Connections</h1>";
  if (!error.empty()) body += "<p class=\"error\">" + escape(error) + "</p>";
  if (rows.empty()) {
    body += "<p>No connections in " + escape(options_.source->where()) + " yet.</p>";
  } else {
    body += "<table><thead><tr><th>Connection</th><th>Setting</th><th>State</th></tr></thead><tbody>" + rows +
            "</tbody></table>";
  }
  body +=
      "<p><a href=\"/new\">Connect a webshop</a></p></section>"
      "<form method=\"post\" action=\"/logout\">" +
      csrf_field(s.csrf) + "<button type=\"submit\">Log out</button></form>";
  return page(200, "Connections", body);
}

}  // namespace lpsync::console
