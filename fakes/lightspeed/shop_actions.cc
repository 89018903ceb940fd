// LightspeedFake's shop actions and App Store helpers: the simulator's side door into the
// shop, through the same Shop mutations as the API (so webhooks fire alike).
#include <cstdio>

#include "fakes/lightspeed/lightspeed_fake.h"

namespace lpsync::fakes::lightspeed {
namespace {

template <class T>
T value_or_throw(Result<T> r) {
  if (!r.ok()) throw ShopActionError(r.error());
  return std::move(r).value();
}

void throw_if(const std::optional<ApiError>& e) {
  if (e) throw ShopActionError(*e);
}

}  // namespace

int64_t LightspeedFake::add_product(const ProductSpec& spec) { return value_or_throw(shop_.add_product(spec)); }

int64_t LightspeedFake::add_variant(int64_t product_id, const VariantSpec& spec) {
  return value_or_throw(shop_.add_variant(product_id, spec));
}

void LightspeedFake::update_variant(int64_t id, const VariantPatch& patch) {
  throw_if(shop_.update_variant(id, patch, Actor::shop));
}

int64_t LightspeedFake::place_order(const OrderSpec& spec) { return value_or_throw(shop_.place_order(spec)); }

void LightspeedFake::update_order(int64_t id, const OrderPatch& patch) {
  throw_if(shop_.update_order(id, patch, Actor::shop));
}

void LightspeedFake::update_shipment(int64_t id, const ShipmentPatch& patch) {
  throw_if(shop_.update_shipment(id, patch, Actor::shop));
}

const Shipment* LightspeedFake::shipment_of_order(int64_t order_id) const {
  for (const auto& [id, s] : shop_.shipments()) {
    if (s.order_id == order_id) return &s;
  }
  return nullptr;
}

AppCallback LightspeedFake::install_app(const std::string& app_key, const std::string& app_secret) {
  char token[40];
  std::snprintf(token, sizeof token, "%016llx%016llx", static_cast<unsigned long long>(tokens_.next()),
                static_cast<unsigned long long>(tokens_.next()));
  credentials_[app_key] = app_api_password(token, app_secret);
  signing_secrets_[app_key] = app_secret;
  return signed_install(config_.languages.front(), config_.shop_id, clock_.now().unix_seconds(), token,
                        config_.cluster_id, app_secret);
}

AppCallback LightspeedFake::uninstall_app(const std::string& app_key, const std::string& app_secret) {
  credentials_.erase(app_key);
  shop_.delete_all_webhooks();
  return signed_uninstall(config_.languages.front(), config_.shop_id, clock_.now().unix_seconds(),
                          config_.cluster_id, app_secret);
}

}  // namespace lpsync::fakes::lightspeed
