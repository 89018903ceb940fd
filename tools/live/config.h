// The configuration of one live connection: one JSON file, read and checked before anything
// runs. Every problem is a message that names the key and says what is wrong and how to fix
// it; unknown keys are errors (a typo must not silently fall back to a default). A secret may
// be written as "env:NAME" to read it from the environment. No message ever contains a
// secret's value. docs/live.md describes every key.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/rules/settings.h"

namespace lpsync::live {

// Reads an environment variable; nullopt when unset. Tests pass their own.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;
Environment process_environment();

// How lpsync logs in to Lightspeed.
enum class LightspeedAuth {
  api_key,  // key + secret are the shop's own API key and secret (Settings > Developers)
  app,      // key + secret are an App Store app's; the shop's password comes from the install callback
};

struct LightspeedSection {
  std::string base_url;  // "https://api.webshopapp.com" (from `cluster`) or as written in `base_url`
  std::string cluster;   // "eu1", "us1", or "" when base_url was given
  std::string language;  // 2 letters; "" in app mode until the install callback names it
  std::string key;
  std::string secret;
  LightspeedAuth auth = LightspeedAuth::api_key;
  int64_t shop_id = 0;
};

struct PicqerSection {
  std::string base_url;  // "https://SUBDOMAIN.picqer.com" or `base_url`
  std::string key;
};

struct WebhooksSection {
  std::string listen_host;  // "0.0.0.0"
  int listen_port = 0;
  // "https://sync.example.com" (no trailing slash). In tests, a loopback address with port 0
  // stands for the listener's own port (webhooks.listen with port 0 gets any free port).
  std::string public_url;
};

// Where alerts go and when (docs/operators.md). At least one of a webhook URL and smtp.
struct SmtpSection {
  std::string host;
  int port = 587;  // submission; the connection is upgraded with STARTTLS before anything is sent
  std::string from;
  std::vector<std::string> to;
  std::string user, password;  // both or neither (AUTH PLAIN, only after STARTTLS)
};

struct AlertsSection {
  std::string webhook_url;     // https:// (http:// on loopback only); "" = no webhook
  std::string webhook_secret;  // signs each webhook's body (HMAC-SHA256)
  std::optional<SmtpSection> smtp;
  Duration poll_failing_after = Duration::minutes(30);
  Duration webhook_silent_after = Duration::hours(6);
  Duration repeat_after = Duration::hours(24);  // the same cause again at most this often
};

struct LiveConfig {
  std::string file;  // the config file as given (for messages)
  LightspeedSection lightspeed;
  PicqerSection picqer;
  Settings settings;                      // sync-rules.md section 1, defaults for absent keys
  std::string state_path;                 // the SQLite database
  std::optional<WebhooksSection> webhooks;  // absent: polling only
  std::string ca_file;                    // tls.ca_file, "" = the system's CAs
  int64_t decision_log_days = 14;         // how long `lpsync explain`'s decision log keeps entries
  std::optional<AlertsSection> alerts;    // absent: no alerts

  // Every secret of the file with a name for redaction: {"lightspeed-key", value}, ...
  std::vector<std::pair<std::string, std::string>> secrets() const;
};

// Not Result<T, Kind>: a refused file reports every problem found at once, not one error.
struct ConfigResult {
  std::optional<LiveConfig> config;
  std::vector<std::string> errors;  // "config.json: lightspeed.cluster: ..." (all problems found)
  explicit operator bool() const { return config.has_value(); }
};

// Reads and checks `path`. Relative paths inside (state, tls.ca_file) are relative to the
// directory of the config file; the state defaults to lpsync-state/<file name>.db there.
ConfigResult load_config(const std::string& path, const Environment& env = process_environment());
// The same from text already read (`file` names it in messages and anchors relative paths).
ConfigResult parse_config(const std::string& text, const std::string& file, const Environment& env);

// True for a literal loopback address (127.0.0.0/8 as a dotted IPv4 literal, ::1 with or
// without brackets) and "localhost": where plain http:// is allowed. Names are not resolved.
bool is_loopback_host(const std::string& host);

}  // namespace lpsync::live
