#include "fakes/lightspeed/app_store.h"

#include "engine/env/crypto.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::string signed_part(std::string_view language, int64_t shop_id, int64_t timestamp) {
  return "language=" + std::string(language) + "shop_id=" + std::to_string(shop_id) +
         "timestamp=" + std::to_string(timestamp);
}

}  // namespace

std::string install_signature(std::string_view language, int64_t shop_id, int64_t timestamp,
                              std::string_view token, std::string_view app_secret) {
  return md5_hex(signed_part(language, shop_id, timestamp) + "token=" + std::string(token) + std::string(app_secret));
}

std::string uninstall_signature(std::string_view language, int64_t shop_id, int64_t timestamp,
                                std::string_view app_secret) {
  return md5_hex(signed_part(language, shop_id, timestamp) + std::string(app_secret));
}

std::string app_api_password(std::string_view token, std::string_view app_secret) {
  return md5_hex(std::string(token) + std::string(app_secret));
}

QueryParams AppCallback::query() const {
  QueryParams q{{"language", language}, {"shop_id", std::to_string(shop_id)}, {"timestamp", std::to_string(timestamp)}};
  if (token) q.emplace_back("token", *token);
  q.emplace_back("cluster_id", cluster_id);
  q.emplace_back("signature", signature);
  return q;
}

AppCallback signed_install(std::string language, int64_t shop_id, int64_t timestamp, std::string token,
                           std::string cluster_id, std::string_view app_secret) {
  AppCallback c{std::move(language), shop_id, timestamp, std::move(token), std::move(cluster_id), ""};
  c.signature = install_signature(c.language, shop_id, timestamp, *c.token, app_secret);
  return c;
}

AppCallback signed_uninstall(std::string language, int64_t shop_id, int64_t timestamp, std::string cluster_id,
                             std::string_view app_secret) {
  AppCallback c{std::move(language), shop_id, timestamp, std::nullopt, std::move(cluster_id), ""};
  c.signature = uninstall_signature(c.language, shop_id, timestamp, app_secret);
  return c;
}

}  // namespace lpsync::fakes::lightspeed
