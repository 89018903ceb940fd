#include "engine/rules/sku_index.h"

namespace lpsync {

std::string trim_sku(std::string_view raw) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  size_t b = 0, e = raw.size();
  while (b < e && is_space(raw[b])) ++b;
  while (e > b && is_space(raw[e - 1])) --e;
  return std::string(raw.substr(b, e - b));
}

void SkuIndex::put(int64_t variant_id, std::string_view raw_sku) {
  remove(variant_id);
  std::string sku = trim_sku(raw_sku);
  holders_[sku].insert(variant_id);
  sku_of_.emplace(variant_id, std::move(sku));
}

void SkuIndex::remove(int64_t variant_id) {
  auto it = sku_of_.find(variant_id);
  if (it == sku_of_.end()) return;
  auto h = holders_.find(it->second);
  h->second.erase(variant_id);
  if (h->second.empty()) holders_.erase(h);
  sku_of_.erase(it);
}

void SkuIndex::clear() {
  sku_of_.clear();
  holders_.clear();
}

SkuStatus SkuIndex::status(int64_t variant_id) const {
  const std::string& sku = sku_of_.at(variant_id);
  if (sku.empty()) return {SkuProblem::missing_sku, sku};
  if (holders_.find(sku)->second.size() > 1) return {SkuProblem::duplicate_sku, sku};
  return {std::nullopt, sku};
}

std::optional<int64_t> SkuIndex::unique_variant(std::string_view sku) const {
  if (sku.empty()) return std::nullopt;
  auto h = holders_.find(sku);
  if (h == holders_.end() || h->second.size() != 1) return std::nullopt;
  return *h->second.begin();
}

std::vector<int64_t> SkuIndex::variants_with(std::string_view sku) const {
  auto h = holders_.find(sku);
  if (h == holders_.end()) return {};
  return {h->second.begin(), h->second.end()};
}

std::vector<int64_t> SkuIndex::variant_ids() const {
  std::vector<int64_t> out;
  out.reserve(sku_of_.size());
  for (const auto& [id, sku] : sku_of_) out.push_back(id);
  return out;
}

}  // namespace lpsync
