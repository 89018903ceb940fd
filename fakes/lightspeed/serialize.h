// The JSON shapes of the fake's resources, with the real API's typing quirks: `false` for
// empty objects, {"resource":{"id","url","link"}} references (id `false` for collections),
// timestamps as "2026-11-02T08:00:00+00:00", order `number` as a string. Links point at
// {origin}/{language}/{url}.json for the language of the request (or of the webhook).
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>

#include "fakes/lightspeed/config.h"
#include "fakes/lightspeed/shop.h"

namespace lpsync::fakes::lightspeed {

namespace bj = boost::json;

class Serializer {
 public:
  // Every value is built in `storage` (e.g. a per-request monotonic_resource, which makes
  // building a page of orders several times cheaper); the default is the heap.
  Serializer(const LightspeedConfig& config, const Shop& shop, std::string language, bj::storage_ptr storage = {})
      : config_(config), shop_(shop), language_(std::move(language)), sp_(std::move(storage)) {}

  const bj::storage_ptr& storage() const { return sp_; }
  // {key: inner}, the envelope of a single object.
  bj::object wrap(std::string_view key, bj::object inner) const;

  // {"resource":{"id":id or false,"url":url,"link":origin/lang/path.json?query}}
  bj::object ref(const std::string& url, std::optional<int64_t> id) const;
  bj::object language(const std::string& code) const;
  // Quirk lightspeed.fractional_numbers: grams with a fraction (w + 0.25), prices as decimal
  // text ("10.0000"); otherwise the whole grams and the number as they are.
  bj::value weight(int64_t grams) const;
  bj::value price(double amount) const;

  bj::object product(const Product& p) const;
  bj::object image(const Image& i) const;
  bj::object variant(const Variant& v) const;
  bj::object movement(const Movement& m) const;
  bj::object order(const Order& o) const;
  bj::object order_line(const Order& o, const OrderLine& l) const;
  bj::object shipment(const Shipment& s) const;
  bj::object webhook(const Webhook& w) const;

  // Webhook payloads: the single object with related resources embedded
  // (order: products, shipments, invoices; variant: product).
  bj::object order_embedded(const Order& o) const;
  bj::object variant_embedded(const Variant& v) const;

 private:
  const LightspeedConfig& config_;
  const Shop& shop_;
  std::string language_;
  bj::storage_ptr sp_;
};

std::string timestamp(Instant t);
// {"id","code","code3","title"} for a 2-letter country code (any case).
bj::object country(const std::string& code);

}  // namespace lpsync::fakes::lightspeed
