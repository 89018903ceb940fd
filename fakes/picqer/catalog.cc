// Products and their images.
#include <algorithm>

#include "engine/env/crypto.h"
#include "fakes/picqer/account.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

bool known_type(const std::string& type) {
  return type == "normal" || type == "unlimited_stock" || type == "virtual_composition" ||
         type == "composition_with_stock";
}

std::string guess_contenttype(std::string_view bytes) {
  if (bytes.substr(0, 4) == "\x89PNG") return "image/png";
  if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (bytes.substr(0, 4) == "GIF8") return "image/gif";
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "image/webp";
  return "application/octet-stream";
}

}  // namespace

Status Account::check_product_input(const ProductInput& in, const Product* existing) const {
  if (!existing) {
    for (auto [present, name] : {std::pair{in.idvatgroup.has_value(), "idvatgroup"},
                                 std::pair{in.name.has_value(), "name"}, std::pair{in.price.has_value(), "price"},
                                 std::pair{in.productcode.has_value(), "productcode"}}) {
      if (!present) return bad_request(kMissingParameters, std::string("Missing parameter: ") + name);
    }
  }
  if (in.productcode) {
    if (in.productcode->empty()) return bad_request(kMissingParameters, "productcode cannot be empty");
    const Product* other = product_by_code(*in.productcode);
    if (other && other != existing) {
      return bad_request(kResourceFound, "Productcode \"" + *in.productcode + "\" is already used by product " +
                                             std::to_string(other->idproduct) + "; productcode needs to be unique");
    }
  }
  if (in.name && in.name->empty()) return bad_request(kMissingParameters, "name cannot be empty");
  if (in.idvatgroup) {
    bool known = std::any_of(config_.vatgroups.begin(), config_.vatgroups.end(),
                             [&](const VatGroup& v) { return v.idvatgroup == *in.idvatgroup; });
    if (!known) return bad_request(kUnknownVatgroup, "Unknown vatgroup " + std::to_string(*in.idvatgroup));
  }
  if (in.type && !known_type(*in.type)) {
    return bad_request(kMissingParameters, "type must be normal, unlimited_stock, virtual_composition or "
                                           "composition_with_stock, not \"" + *in.type + "\"");
  }
  return ok_status();
}

void Account::apply_product_input(Product& p, const ProductInput& in) {
  if (in.idvatgroup) p.idvatgroup = *in.idvatgroup;
  if (in.name) p.name = *in.name;
  if (in.productcode && *in.productcode != p.productcode) {
    by_code_.erase(p.productcode);
    p.productcode = *in.productcode;
    by_code_[p.productcode] = p.idproduct;
  }
  if (in.productcode_supplier) p.productcode_supplier = *in.productcode_supplier;
  if (in.description) p.description = *in.description;
  if (in.barcode) p.barcode = *in.barcode;
  if (in.type) p.type = *in.type;
  if (in.price) p.price = *in.price;
  if (in.fixedstockprice) p.fixedstockprice = *in.fixedstockprice;
  if (in.weight) p.weight = *in.weight;
  if (in.active) p.active = *in.active;
  p.updated = clock_.now();
}

Result<int64_t> Account::create_product(const ProductInput& in, int64_t idproduct) {
  if (auto s = check_product_input(in, nullptr); !s.ok()) return s.error();
  if (idproduct == 0) idproduct = next_id(products_);
  if (products_.count(idproduct)) {
    return bad_request(kResourceFound, "product " + std::to_string(idproduct) + " already exists");
  }
  Product& p = products_[idproduct];
  p.idproduct = idproduct;
  p.via_api = in.via_api;
  p.created = clock_.now();
  apply_product_input(p, in);
  emit("products.created", render_product(p, warehouses_));
  return idproduct;
}

Status Account::update_product(int64_t idproduct, const ProductInput& in) {
  auto it = products_.find(idproduct);
  if (it == products_.end()) return not_found("Product " + std::to_string(idproduct));
  if (auto s = check_product_input(in, &it->second); !s.ok()) return s;
  apply_product_input(it->second, in);
  emit("products.changed", render_product(it->second, warehouses_));
  return ok_status();
}

Status Account::set_active(int64_t idproduct, bool active) {
  ProductInput in;
  in.active = active;
  return update_product(idproduct, in);
}

Result<int64_t> Account::add_image(int64_t idproduct, std::string_view base64) {
  auto it = products_.find(idproduct);
  if (it == products_.end()) return not_found("Product " + std::to_string(idproduct));
  auto bytes = base64_decode(base64);
  if (!bytes) return bad_request(kMissingParameters, "image is not valid base64");
  if (bytes->empty()) return bad_request(kMissingParameters, "image is empty");
  Image image;
  image.idproduct_image = next_image_++;
  image.url = config_.origin + "/images/" + std::to_string(idproduct) + "/" +
              std::to_string(image.idproduct_image) + "/original";
  image.contenttype = guess_contenttype(*bytes);
  image.size = static_cast<int64_t>(bytes->size());
  if (config_.keep_image_bytes) image.bytes = std::move(*bytes);
  it->second.images.push_back(std::move(image));
  it->second.updated = clock_.now();
  emit("products.changed", render_product(it->second, warehouses_));
  return it->second.images.back().idproduct_image;
}

Status Account::delete_image(int64_t idproduct, int64_t idproduct_image) {
  auto it = products_.find(idproduct);
  if (it == products_.end()) return not_found("Product " + std::to_string(idproduct));
  auto& images = it->second.images;
  auto img = std::find_if(images.begin(), images.end(),
                          [&](const Image& i) { return i.idproduct_image == idproduct_image; });
  if (img == images.end()) return not_found("Image " + std::to_string(idproduct_image));
  images.erase(img);
  it->second.updated = clock_.now();
  emit("products.changed", render_product(it->second, warehouses_));
  return ok_status();
}

std::vector<const Product*> Account::find_products(const ProductFilter& f) const {
  std::vector<const Product*> out;
  if (f.productcode) {  // productcodes are unique: at most one candidate
    const Product* p = product_by_code(*f.productcode);
    bool wanted = p && (f.inactive ? (!p->active || config_.inactive_filter == InactiveFilter::active_and_inactive)
                                   : p->active);
    if (wanted && (!f.idproducts || f.idproducts->count(p->idproduct))) out.push_back(p);
    return out;
  }
  for (const auto& [id, p] : products_) {
    bool wanted_activity = f.inactive ? (!p.active || config_.inactive_filter == InactiveFilter::active_and_inactive)
                                      : p.active;
    if (!wanted_activity) continue;
    if (f.idproducts && !f.idproducts->count(id)) continue;
    out.push_back(&p);
  }
  return out;
}

const Product* Account::product(int64_t idproduct) const {
  auto it = products_.find(idproduct);
  return it == products_.end() ? nullptr : &it->second;
}

const Product* Account::product_by_code(std::string_view productcode) const {
  auto it = by_code_.find(productcode);
  return it == by_code_.end() ? nullptr : &products_.at(it->second);
}

}  // namespace lpsync::fakes::picqer
