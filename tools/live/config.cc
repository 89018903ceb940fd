#include "tools/live/config.h"

#include <arpa/inet.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/env/http.h"
#include "engine/env/json.h"
#include "tools/json/json_document.h"
#include "tools/live/config_reader.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

constexpr char kEu1[] = "https://api.webshopapp.com";
constexpr char kUs1[] = "https://api.shoplightspeed.com";

// scheme://host[:port], https anywhere, http only on loopback. "" and an error otherwise.
std::string read_base_url(ConfigReader& r, const std::string& path, const std::string& text) {
  std::string where = join_path(path, "base_url");
  std::string url = text;
  while (!url.empty() && url.back() == '/') url.pop_back();
  auto parsed = parse_url(url);
  if (!parsed) {
    r.error(where, "\"" + text + "\" is not an http:// or https:// address");
    return "";
  }
  if (parsed->path != "/" || !parsed->query.empty()) {
    r.error(where, "give only scheme://host[:port], without a path (\"" + parsed->origin + "\")");
    return "";
  }
  if (parsed->scheme == "http" && !is_loopback_host(parsed->host)) {
    r.error(where, "plain http:// is only allowed for loopback addresses (127.0.0.1, ::1, localhost), to test "
                   "against lpsync serve-fakes; use https:// for " + parsed->host);
    return "";
  }
  return parsed->origin;
}

// A PEM file of trusted CAs: readable, and holding at least one certificate (a file
// without one would make every https request fail with a vaguer message later).
void check_ca_file(ConfigReader& r, const std::string& file) {
  std::ifstream in(file);
  std::error_code ec;
  if (!in || fs::is_directory(file, ec)) {
    r.error("tls.ca_file", "cannot read " + file + " (a PEM file of trusted CAs)");
    return;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    r.error("tls.ca_file", file + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE----- ...)");
  }
}

std::string resolve(const fs::path& dir, const std::string& path) {
  fs::path p(path);
  return (p.is_absolute() ? p : dir / p).lexically_normal().string();
}

void read_lightspeed(ConfigReader& r, const bj::object& o, LightspeedSection& out) {
  const std::string path = "lightspeed";
  r.known_keys(o, path, {"cluster", "base_url", "language", "key", "secret", "auth", "shop_id"});
  if (auto auth = r.string(o, path, "auth")) {
    if (*auth == "app") {
      out.auth = LightspeedAuth::app;
    } else if (*auth != "api_key") {
      r.error(join_path(path, "auth"), "\"" + *auth + "\" is not a way to log in: use api_key (the shop's own API key "
                                       "and secret, the default) or app (an App Store app's key and secret)");
    }
  }
  bool app = out.auth == LightspeedAuth::app;
  auto cluster = r.string(o, path, "cluster");
  auto base_url = r.string(o, path, "base_url");
  if (cluster && base_url) {
    r.error(path, "give either cluster or base_url, not both");
  } else if (cluster) {
    out.cluster = *cluster;
    if (*cluster == "eu1") {
      out.base_url = kEu1;
    } else if (*cluster == "us1") {
      out.base_url = kUs1;
    } else {
      r.error(join_path(path, "cluster"), "\"" + *cluster + "\" is not a cluster: use eu1 (" + kEu1 + ") or us1 (" +
                                              kUs1 + "), or give base_url");
    }
  } else if (base_url) {
    out.base_url = read_base_url(r, path, *base_url);
  } else if (!app) {
    r.error(path, "missing cluster (eu1 or us1) or base_url: say which Lightspeed cluster the shop is on");
  }
  if (auto language = r.string(o, path, "language", !app)) {
    bool two_letters = language->size() == 2 && std::islower(static_cast<unsigned char>((*language)[0])) &&
                       std::islower(static_cast<unsigned char>((*language)[1]));
    if (two_letters) {
      out.language = *language;
    } else {
      r.error(join_path(path, "language"), "\"" + *language + "\" is not a 2-letter language code of the shop, "
                                           "such as nl or en");
    }
  }
  if (auto id = r.integer(o, path, "shop_id")) {
    if (*id > 0) out.shop_id = *id;
    else r.error(join_path(path, "shop_id"), "must be a positive number");
  }
  out.key = r.secret(o, path, "key").value_or("");
  out.secret = r.secret(o, path, "secret").value_or("");
}

void read_picqer(ConfigReader& r, const bj::object& o, PicqerSection& out) {
  const std::string path = "picqer";
  r.known_keys(o, path, {"subdomain", "base_url", "key"});
  auto subdomain = r.string(o, path, "subdomain");
  auto base_url = r.string(o, path, "base_url");
  if (subdomain && base_url) {
    r.error(path, "give either subdomain or base_url, not both");
  } else if (subdomain) {
    bool ok = !subdomain->empty() && subdomain->front() != '-' && subdomain->back() != '-' &&
              std::all_of(subdomain->begin(), subdomain->end(), [](char c) {
                return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                       c == '-';
              });
    if (ok) {
      out.base_url = "https://" + *subdomain + ".picqer.com";
    } else {
      r.error(join_path(path, "subdomain"), "\"" + *subdomain + "\" is not a Picqer subdomain: write the part before "
                                            ".picqer.com of your Picqer address, e.g. acme for acme.picqer.com");
    }
  } else if (base_url) {
    out.base_url = read_base_url(r, path, *base_url);
  } else {
    r.error(path, "missing subdomain (acme for https://acme.picqer.com) or base_url");
  }
  out.key = r.secret(o, path, "key").value_or("");
}

void read_webhooks(ConfigReader& r, const bj::object& o, WebhooksSection& out) {
  const std::string path = "webhooks";
  r.known_keys(o, path, {"listen", "public_url"});
  if (auto listen = r.string(o, path, "listen", true)) {
    std::string where = join_path(path, "listen");
    std::optional<HostPort> hp = parse_host_port(*listen);
    if (!hp) {
      r.error(where, "\"" + *listen + "\" is not host:port, e.g. 127.0.0.1:8080 (behind a reverse proxy) or "
                     "0.0.0.0:8080 (port 0: any free port)");
    } else {
      out.listen_host = hp->host;
      out.listen_port = hp->port;
    }
  }
  if (auto url = r.string(o, path, "public_url", true)) {
    std::string where = join_path(path, "public_url");
    std::string text = *url;
    while (!text.empty() && text.back() == '/') text.pop_back();
    // Port 0 on a loopback address: "the listener's own port, whichever it gets" (tests).
    std::string checked = text;
    if (size_t at = checked.find(":0/"); at != std::string::npos) checked.replace(at, 3, ":1/");
    if (checked.size() > 2 && checked.substr(checked.size() - 2) == ":0") checked.back() = '1';
    auto parsed = parse_url(checked);
    if (parsed && checked != text && !is_loopback_host(parsed->host)) {
      r.error(where, "port 0 (the listener's own port) is only for loopback addresses in tests");
      return;
    }
    if (!parsed || !parsed->query.empty()) {
      r.error(where, "\"" + *url + "\" is not the https:// address at which Lightspeed and Picqer reach this listener");
    } else if (parsed->scheme == "http" && !is_loopback_host(parsed->host)) {
      r.error(where, "must be https:// (the shop's and Picqer's webhooks and the install link go there); plain "
                     "http:// only for loopback addresses in tests");
    } else {
      out.public_url = text;
    }
  }
}

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

// Literal addresses only: a name that merely starts with "127." (127.evil.example.com) is
// any host on the internet, and plain http would send it the credentials in clear text.
bool is_loopback_host(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  std::string literal = host;
  if (literal.size() > 2 && literal.front() == '[' && literal.back() == ']') literal = literal.substr(1, literal.size() - 2);
  in6_addr v6{};
  return ::inet_pton(AF_INET6, literal.c_str(), &v6) == 1 && std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0;
}

std::vector<std::pair<std::string, std::string>> LiveConfig::secrets() const {
  std::vector<std::pair<std::string, std::string>> out;
  if (!lightspeed.key.empty()) out.emplace_back("lightspeed-key", lightspeed.key);
  if (!lightspeed.secret.empty()) out.emplace_back("lightspeed-secret", lightspeed.secret);
  if (!picqer.key.empty()) out.emplace_back("picqer-key", picqer.key);
  if (alerts && !alerts->webhook_secret.empty()) out.emplace_back("alerts-webhook-secret", alerts->webhook_secret);
  if (alerts && alerts->smtp && !alerts->smtp->password.empty()) {
    out.emplace_back("alerts-smtp-password", alerts->smtp->password);
  }
  return out;
}

namespace {

// A repeated key names its path in the file ("picqer.key"), as the other config errors do.
std::string document_error(const std::string& file, const JsonDocumentError& e) {
  if (e.repeated_key.empty()) return file + ": not valid JSON (" + e.message + ")";
  std::string path;
  for (const std::string& key : e.repeated_key) path = join_path(path, key);
  return file + ": key \"" + path + "\" appears twice; keep one";
}

}  // namespace

ConfigResult parse_config(const std::string& text, const std::string& file, const Environment& env) {
  ConfigResult result;
  ConfigReader r(file, env);
  auto read = read_json_document(text);
  if (const auto* problem = std::get_if<JsonDocumentError>(&read)) {
    result.errors.push_back(document_error(file, *problem));
    return result;
  }
  const bj::value& doc = std::get<bj::value>(read);
  const bj::object* root = r.object(doc, "");
  if (!root) {
    result.errors = r.errors();
    return result;
  }
  r.known_keys(*root, "", {"lightspeed", "picqer", "settings", "state", "webhooks", "tls", "decision_log_days",
                          "alerts"});
  LiveConfig c;
  c.file = file;
  fs::path dir = fs::path(file).parent_path();
  if (dir.empty()) dir = ".";

  auto section = [&](std::string_view key, bool required) -> const bj::object* {
    auto it = root->find(key);
    if (it == root->end() || it->value().is_null()) {
      if (required) r.error(std::string(key), "missing: this section is required");
      return nullptr;
    }
    return r.object(it->value(), std::string(key));
  };
  if (const auto* o = section("lightspeed", true)) read_lightspeed(r, *o, c.lightspeed);
  if (const auto* o = section("picqer", true)) read_picqer(r, *o, c.picqer);
  if (const auto* o = section("settings", false)) c.settings = read_settings(r, *o, "settings");
  if (const auto* o = section("webhooks", false)) {
    c.webhooks.emplace();
    read_webhooks(r, *o, *c.webhooks);
  }
  if (const auto* o = section("alerts", false)) c.alerts = read_alerts(r, *o);
  if (c.lightspeed.auth == LightspeedAuth::app && !c.webhooks) {
    r.error("webhooks", "missing: with lightspeed.auth \"app\" the install callback arrives at webhooks.listen");
  }
  if (const auto* o = section("tls", false)) {
    r.known_keys(*o, "tls", {"ca_file"});
    if (auto ca = r.string(*o, "tls", "ca_file")) {
      c.ca_file = resolve(dir, *ca);
      check_ca_file(r, c.ca_file);
    }
  }
  if (auto it = root->find("state"); it != root->end() && !it->value().is_null()) {
    if (it->value().is_string() && !it->value().as_string().empty()) {
      c.state_path = resolve(dir, std::string(it->value().as_string()));
    } else {
      r.error("state", "expected the path of the state database, e.g. \"lpsync-state/acme.db\"");
    }
  } else {
    c.state_path = resolve(dir, "lpsync-state/" + fs::path(file).stem().string() + ".db");
  }
  if (auto days = r.integer(*root, "", "decision_log_days")) {
    if (*days < 1 || *days > 366) {
      r.error("decision_log_days", "expected the days lpsync explain's decision log keeps, 1 to 366 (default 14)");
    } else {
      c.decision_log_days = *days;
    }
  }
  result.errors = r.errors();
  if (result.errors.empty()) result.config = std::move(c);
  return result;
}

ConfigResult load_config(const std::string& path, const Environment& env) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    ConfigResult result;
    result.errors.push_back(path + ": is a directory, not a config file: give the path of the JSON file in it");
    return result;
  }
  std::ifstream in(path);
  if (!in) {
    ConfigResult result;
    result.errors.push_back(path + ": cannot read the config file (does it exist?)");
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path, env);
}

}  // namespace lpsync::live
