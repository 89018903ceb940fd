#include "tools/live/connection_setup.h"

#include <sys/stat.h>

#include <filesystem>

#include "engine/env/crypto.h"
#include "tools/live/app_install.h"

namespace lpsync::live {
namespace {

namespace fs = std::filesystem;

std::string cluster_url(const std::string& cluster) {
  return cluster == "us1" ? "https://api.shoplightspeed.com" : "https://api.webshopapp.com";
}

}  // namespace

std::unique_ptr<SqliteStateStore> open_state(const LiveConfig& config, std::string& error, std::string& note) {
  fs::path dir = fs::path(config.state_path).parent_path();
  std::error_code ec;
  if (!dir.empty() && !fs::exists(dir, ec)) {
    // Private: the database holds the shop's app password and the webhook secrets.
    if (fs::create_directories(dir, ec)) ::chmod(dir.c_str(), 0700);
  }
  auto opened = SqliteStateStore::open(config.state_path);
  if (!opened) {
    error = opened.error().message;
    return nullptr;
  }
  note = opened.value().note;
  return std::move(opened.value().store);
}

void add_known_secrets(const LiveConfig& config, const StateStore& store, Redactor& redactor) {
  for (const auto& [name, value] : config.secrets()) redactor.add_secret(name, value);
  if (auto token = store.value(kWebhookTokenKey); token && !token->empty()) redactor.add_secret("webhook-token", *token);
  if (auto secret = store.value("picqer.hook_secret"); secret && !secret->empty()) {
    redactor.add_secret("picqer-hook-secret", *secret);
  }
  if (auto installed = stored_installation(store)) redactor.add_secret("lightspeed-password", installed->password);
}

ConnectionSetup connection_for(const LiveConfig& config, StateStore& store, bool with_webhooks, Redactor& redactor,
                               bool store_writable) {
  ConnectionSetup out;
  Connection c;
  c.lightspeed_url = config.lightspeed.base_url;
  c.language = config.lightspeed.language;
  c.lightspeed_key = config.lightspeed.key;
  c.lightspeed_secret = config.lightspeed.secret;
  // The app secret (auth app) or the API key's secret: what X-Signature is made with.
  c.lightspeed_webhook_secret = config.lightspeed.secret;
  c.shop_id = config.lightspeed.shop_id;
  if (config.lightspeed.auth == LightspeedAuth::app) {
    auto installed = stored_installation(store);
    if (!installed) {
      out.why_not = "the app is not installed in a shop yet: start `lpsync run` (it listens for the install callback "
                    "on webhooks.listen, at " +
                    (config.webhooks ? config.webhooks->public_url : std::string("webhooks.public_url")) +
                    "/lightspeed/install), then install the app from the shop's back office";
      return out;
    }
    if (c.lightspeed_url.empty()) c.lightspeed_url = cluster_url(installed->cluster);
    if (c.language.empty()) c.language = installed->language;
    c.lightspeed_secret = installed->password;
    c.shop_id = installed->shop_id;
  }
  c.picqer_url = config.picqer.base_url;
  c.picqer_key = config.picqer.key;
  if (with_webhooks && config.webhooks) {
    c.webhook_url = config.webhooks->public_url;
    auto token = store.value(kWebhookTokenKey);
    if ((!token || token->empty()) && store_writable) {
      token = system_random_hex(16);
      store.put_value(kWebhookTokenKey, *token);
    }
    c.webhook_token = token.value_or("");
  }
  add_known_secrets(config, store, redactor);
  out.connection = std::move(c);
  return out;
}

}  // namespace lpsync::live
