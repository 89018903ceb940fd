// One connection: a Lightspeed shop and a Picqer account, and where the engine receives
// webhooks. Credentials live here and nowhere else; nothing prints them.
#pragma once

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

namespace lpsync {

struct Connection {
  // "https://api.webshopapp.com" (eu1), "https://api.shoplightspeed.com" (us1), or a fake.
  std::string lightspeed_url;
  std::string language = "en";
  std::string lightspeed_key;
  std::string lightspeed_secret;
  int64_t shop_id = 0;
  // "https://SUBDOMAIN.picqer.com", or a fake.
  std::string picqer_url;
  std::string picqer_key;
  // Where the webhooks of both systems reach the engine ("" = no webhooks: polling only),
  // and the secret token in the Lightspeed webhook path.
  std::string webhook_url;
  std::string webhook_token;
  // What Lightspeed signs its webhooks with (X-Signature): the app secret of an installed
  // app, or the secret of a back-office API key. "" = signatures are not checked.
  std::string lightspeed_webhook_secret;
  std::string user_agent = "lpsync/1.0 (Lightspeed-Picqer sync engine; https://github.com/lpsync/lpsync)";

  std::string lightspeed_api_base() const { return lightspeed_url + "/" + language; }
  // Which Picqer account this is, for what connections on one account share (pending
  // quantities, sync-rules section 4): the host of picqer_url, lower-cased ("acme.picqer.com";
  // a port stays). Never the key.
  std::string picqer_account() const {
    std::string_view url = picqer_url;
    if (auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find('/'));
    std::string host(url);
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return host;
  }
  std::string picqer_api_base() const { return picqer_url + "/api/v1"; }
};

}  // namespace lpsync
