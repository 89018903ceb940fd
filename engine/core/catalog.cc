#include "engine/core/catalog.h"

#include <algorithm>

namespace lpsync {

void ShopCatalog::put_variant(const ls::Variant& v) {
  auto it = variants_.find(v.id);
  if (it != variants_.end() && it->second.product_id != v.product_id) --per_product_[it->second.product_id];
  if (it == variants_.end() || it->second.product_id != v.product_id) ++per_product_[v.product_id];
  variants_[v.id] = v;
  skus_.put(v.id, v.sku);
}

void ShopCatalog::remove_variant(int64_t id) {
  auto it = variants_.find(id);
  if (it == variants_.end()) return;
  --per_product_[it->second.product_id];
  variants_.erase(it);
  skus_.remove(id);
}

const ls::Variant* ShopCatalog::variant(int64_t id) const {
  auto it = variants_.find(id);
  return it == variants_.end() ? nullptr : &it->second;
}

size_t ShopCatalog::variants_of_product(int64_t product_id) const {
  auto it = per_product_.find(product_id);
  return it == per_product_.end() ? 0 : static_cast<size_t>(std::max<int64_t>(0, it->second));
}

const ls::Product* ShopCatalog::product(int64_t id) const {
  auto it = products_.find(id);
  return it == products_.end() ? nullptr : &it->second;
}

void ShopCatalog::put_images(int64_t product_id, std::vector<ls::Image> images) {
  std::stable_sort(images.begin(), images.end(),
                   [](const ls::Image& a, const ls::Image& b) { return a.sort_order < b.sort_order; });
  images_[product_id] = std::move(images);
}

const std::vector<ls::Image>* ShopCatalog::images(int64_t product_id) const {
  auto it = images_.find(product_id);
  return it == images_.end() ? nullptr : &it->second;
}

void ShopCatalog::begin_scan(Instant at) {
  scanning_ = true;
  next_scan_page_ = 1;
  scan_started_ = at;
  seen_in_scan_.clear();
}

void ShopCatalog::scanned_page(const std::vector<ls::Variant>& page) {
  for (const auto& v : page) {
    put_variant(v);
    seen_in_scan_.insert(v.id);
  }
  ++next_scan_page_;
}

void ShopCatalog::finish_scan() {
  std::vector<int64_t> gone;
  for (const auto& [id, v] : variants_) {
    if (!seen_in_scan_.count(id)) gone.push_back(id);
  }
  for (int64_t id : gone) remove_variant(id);
  seen_in_scan_.clear();
  scanning_ = false;
  complete_ = true;
  known_until_ = scan_started_;
  refresh_.reset();
}

}  // namespace lpsync
