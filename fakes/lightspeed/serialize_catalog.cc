// Products, images, variants and movements.
#include "fakes/lightspeed/images.h"
#include "fakes/lightspeed/serialize.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::string slug(const std::string& title, int64_t id) {
  std::string out;
  for (char c : title) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "product-" + std::to_string(id) : out;
}

}  // namespace

bj::object Serializer::image(const Image& i) const {
  return bj::object({{"id", i.id},
          {"createdAt", timestamp(i.created_at)},
          {"updatedAt", timestamp(i.updated_at)},
          {"sortOrder", i.sort_order},
          {"extension", image_extension(i.name)},
          {"size", i.size},
          {"title", image_title(i.name)},
          {"thumb", image_url(config_.origin, config_.shop_id, i.id, i.name, true)},
          {"src", image_url(config_.origin, config_.shop_id, i.id, i.name, false)}},
                    sp_);
}

bj::object Serializer::product(const Product& p) const {
  std::string self = "products/" + std::to_string(p.id);
  bj::object o(sp_);
  o.reserve(32);
  o["id"] = p.id;
  o["createdAt"] = timestamp(p.created_at);
  o["updatedAt"] = timestamp(p.updated_at);
  o["isVisible"] = true;
  o["visibility"] = "visible";
  o["hasMatrix"] = false;
  o["data01"] = "";
  o["data02"] = "";
  o["data03"] = "";
  o["url"] = slug(p.title, p.id);
  o["title"] = p.title;
  o["fulltitle"] = p.title;
  o["description"] = "";
  o["content"] = "";
  o["set"] = false;
  o["brand"] = false;
  o["deliverydate"] = false;
  if (p.image_ids.empty()) {
    o["image"] = false;
  } else {
    o["image"] = image(shop_.images().at(p.image_ids.front()));
  }
  o["type"] = false;
  o["supplier"] = false;
  o["images"] = ref(self + "/images", std::nullopt);
  o["variants"] = ref("variants?product=" + std::to_string(p.id), std::nullopt);
  o["metafields"] = ref(self + "/metafields", std::nullopt);
  return o;
}

bj::object Serializer::variant(const Variant& v) const {
  std::string self = "variants/" + std::to_string(v.id);
  bj::object o(sp_);
  o.reserve(56);
  o["id"] = v.id;
  o["createdAt"] = timestamp(v.created_at);
  o["updatedAt"] = timestamp(v.updated_at);
  o["isDefault"] = v.is_default;
  o["sortOrder"] = v.sort_order;
  o["articleCode"] = v.article_code;
  o["ean"] = v.ean;
  o["sku"] = v.sku;
  o["hs"] = nullptr;
  o["unitPrice"] = false;
  o["unitUnit"] = false;
  o["priceExcl"] = v.price_excl;
  o["priceIncl"] = v.price_incl;
  o["priceCost"] = v.price_cost;
  o["oldPriceExcl"] = v.old_price_excl;
  o["oldPriceIncl"] = v.old_price_incl;
  o["stockTracking"] = v.stock_tracking;
  o["stockLevel"] = v.stock_level;
  o["stockAlert"] = v.stock_alert;
  o["stockMinimum"] = v.stock_minimum;
  o["stockSold"] = v.stock_sold;
  o["stockBuyMinimum"] = v.stock_buy_minimum;
  o["stockBuyMininum"] = v.stock_buy_minimum;  // the live API's misspelt twin
  o["stockBuyMaximum"] = v.stock_buy_maximum;
  o["weight"] = weight(v.weight);
  o["weightValue"] = weight(v.weight);
  o["weightUnit"] = "g";
  o["volume"] = 0;
  o["colli"] = 1;
  o["sizeX"] = 0;
  o["sizeY"] = 0;
  o["sizeZ"] = 0;
  o["title"] = v.title;
  o["image"] = false;
  o["matrix"] = false;
  o["additionalcost"] = false;
  o["options"] = bj::array(sp_);
  o["product"] = ref("products/" + std::to_string(v.product_id), v.product_id);
  o["movements"] = ref("variants/movements?variant=" + std::to_string(v.id), std::nullopt);
  o["metafields"] = ref(self + "/metafields", std::nullopt);
  return o;
}

bj::object Serializer::variant_embedded(const Variant& v) const {
  bj::object o = variant(v);
  const Product* p = Shop::find(shop_.products(), v.product_id);
  if (p) o["product"].as_object()["resource"].as_object()["embedded"] = product(*p);
  return o;
}

bj::object Serializer::movement(const Movement& m) const {
  return bj::object({{"id", m.id},
          {"createdAt", timestamp(m.created_at)},
          {"channel", m.channel},
          {"stockLevelChange", m.stock_level_change},
          {"product", ref("products/" + std::to_string(m.product_id), m.product_id)},
          {"variant", ref("variants/" + std::to_string(m.variant_id), m.variant_id)}},
                    sp_);
}

}  // namespace lpsync::fakes::lightspeed
