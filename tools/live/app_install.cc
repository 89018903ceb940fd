#include "tools/live/app_install.h"

#include <charconv>

#include "engine/env/crypto.h"

namespace lpsync::live {
namespace {

constexpr char kShopId[] = "app.shop_id";
constexpr char kLanguage[] = "app.language";
constexpr char kCluster[] = "app.cluster";
constexpr char kPassword[] = "app.password";
constexpr char kInstalledAt[] = "app.installed_at";
constexpr char kSeenPrefix[] = "app.callback_used.";

std::optional<int64_t> integer(const std::string& text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

CallbackVerdict refuse(int status, std::string message) { return {false, status, std::move(message)}; }

}  // namespace

std::optional<Installation> stored_installation(const StateStore& store) {
  auto password = store.value(kPassword);
  if (!password || password->empty()) return std::nullopt;
  Installation i;
  i.password = *password;
  i.shop_id = integer(store.value(kShopId).value_or("")).value_or(0);
  i.language = store.value(kLanguage).value_or("");
  i.cluster = store.value(kCluster).value_or("");
  i.installed_at = Instant::from_unix_millis(integer(store.value(kInstalledAt).value_or("")).value_or(0));
  return i;
}

std::optional<CallbackVerdict> AppCallbacks::check(const QueryParams& q, bool install, Instant now, Checked& out) {
  std::vector<const char*> required = {"language", "shop_id", "timestamp", "signature"};
  if (install) required.push_back("token");
  for (const char* key : required) {
    auto v = query_value(q, key);
    if (!v || v->empty()) return refuse(400, std::string("the callback has no ") + key + " parameter");
  }
  out.language = *query_value(q, "language");
  out.signature = lower(*query_value(q, "signature"));
  out.cluster = query_value(q, "cluster_id").value_or("");
  out.token = install ? *query_value(q, "token") : "";
  auto shop_id = integer(*query_value(q, "shop_id"));
  auto timestamp = integer(*query_value(q, "timestamp"));
  if (!shop_id || *shop_id <= 0) return refuse(400, "shop_id is not a shop number");
  if (!timestamp) return refuse(400, "timestamp is not a number of seconds");
  out.shop_id = *shop_id;
  out.timestamp = *timestamp;
  // The signature first: nothing else is looked at for a link that is not genuine.
  std::string signed_text = "language=" + out.language + "shop_id=" + *query_value(q, "shop_id") +
                            "timestamp=" + *query_value(q, "timestamp") +
                            (install ? "token=" + out.token : std::string());
  if (!constant_time_equals(md5_hex(signed_text + app_secret_), out.signature)) {
    return refuse(401, "the signature does not match: this link was not signed by Lightspeed with this app's "
                       "secret (check lightspeed.secret in the config)");
  }
  Instant signed_at = Instant::from_unix_seconds(out.timestamp);
  Duration apart = now > signed_at ? now - signed_at : signed_at - now;
  if (apart > kTolerance) {
    return refuse(401, "the link is stale: it was signed at " + format_iso8601(signed_at) + ", more than " +
                           std::to_string(kTolerance.seconds() / 60) + " minutes from now (" + format_iso8601(now) +
                           "); start the installation again from the shop, and check this server's clock");
  }
  if (store_.value(kSeenPrefix + out.signature)) {
    return refuse(409, "this link was used before: a callback is accepted once");
  }
  if (!out.cluster.empty() && out.cluster != "eu1" && out.cluster != "us1") {
    return refuse(400, "cluster_id \"" + out.cluster + "\" is not a Lightspeed cluster (eu1 or us1)");
  }
  if (expected_shop_id_ != 0 && out.shop_id != expected_shop_id_) {
    return refuse(409, "this connection is for shop " + std::to_string(expected_shop_id_) + ", not shop " +
                           std::to_string(out.shop_id) + ": give that shop a config and state of its own");
  }
  return std::nullopt;
}

CallbackVerdict AppCallbacks::install(const QueryParams& query, Instant now) {
  Checked c;
  if (auto refused = check(query, true, now, c)) return *refused;
  auto current = stored_installation(store_);
  if (current && current->shop_id != c.shop_id) {
    return refuse(409, "this connection is installed for shop " + std::to_string(current->shop_id) + ", not shop " +
                           std::to_string(c.shop_id) + ": give that shop a config and state of its own");
  }
  store_.atomically([&] {
    store_.put_value(kSeenPrefix + c.signature, std::to_string(c.timestamp));
    store_.put_value(kShopId, std::to_string(c.shop_id));
    store_.put_value(kLanguage, c.language);
    store_.put_value(kCluster, c.cluster);
    store_.put_value(kPassword, md5_hex(c.token + app_secret_));
    store_.put_value(kInstalledAt, std::to_string(now.unix_millis()));
  });
  return {true, 200, "lpsync is installed for shop " + std::to_string(c.shop_id) +
                         ". The connection is not active yet: review its settings, then activate it."};
}

CallbackVerdict AppCallbacks::uninstall(const QueryParams& query, Instant now) {
  Checked c;
  if (auto refused = check(query, false, now, c)) return *refused;
  auto current = stored_installation(store_);
  if (current && current->shop_id != c.shop_id) {
    return refuse(409, "this connection is installed for shop " + std::to_string(current->shop_id) + ", not shop " +
                           std::to_string(c.shop_id));
  }
  store_.atomically([&] {
    store_.put_value(kSeenPrefix + c.signature, std::to_string(c.timestamp));
    for (const char* key : {kShopId, kLanguage, kCluster, kPassword, kInstalledAt}) store_.put_value(key, "");
  });
  return {true, 200, "lpsync is uninstalled from shop " + std::to_string(c.shop_id) +
                         ": the connection is stopped and its credentials are deleted."};
}

}  // namespace lpsync::live
