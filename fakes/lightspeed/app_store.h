// Lightspeed App Store callbacks (reference §1.3, §1.4; sync-rules §9), for testing an
// engine's install handler:
//   install:   md5("language=Lshop_id=Stimestamp=Ttoken=K" + app_secret), cluster_id unsigned
//   uninstall: md5("language=Lshop_id=Stimestamp=T" + app_secret)
//   API credentials of an installed app: user = app key, password = md5(token + app_secret)
// Values are concatenated as given (no URL encoding).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/env/http.h"

namespace lpsync::fakes::lightspeed {

struct AppCallback {
  std::string language;
  int64_t shop_id = 0;
  int64_t timestamp = 0;  // unix seconds
  std::optional<std::string> token;  // present on install, absent on uninstall
  std::string cluster_id;
  std::string signature;

  // language, shop_id, timestamp, [token,] cluster_id, signature: the callback's GET query.
  QueryParams query() const;
};

std::string install_signature(std::string_view language, int64_t shop_id, int64_t timestamp,
                              std::string_view token, std::string_view app_secret);
std::string uninstall_signature(std::string_view language, int64_t shop_id, int64_t timestamp,
                                std::string_view app_secret);
std::string app_api_password(std::string_view token, std::string_view app_secret);

AppCallback signed_install(std::string language, int64_t shop_id, int64_t timestamp, std::string token,
                           std::string cluster_id, std::string_view app_secret);
AppCallback signed_uninstall(std::string language, int64_t shop_id, int64_t timestamp, std::string cluster_id,
                             std::string_view app_secret);

}  // namespace lpsync::fakes::lightspeed
