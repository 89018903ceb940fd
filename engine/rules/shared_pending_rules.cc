#include "engine/rules/shared_pending_rules.h"

#include "engine/rules/stock_rules.h"

namespace lpsync {
namespace {

int64_t quantity(const std::map<int64_t, int64_t>& m, int64_t key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

}  // namespace

std::optional<std::string> pending_productcode(const std::optional<std::string>& link_productcode, const SkuIndex& skus,
                                               int64_t variant_id) {
  if (link_productcode) return link_productcode;
  if (!skus.knows(variant_id)) return std::nullopt;
  SkuStatus st = skus.status(variant_id);
  if (st.problem) return std::nullopt;
  return st.sku;
}

PendingByCode pending_by_productcode(const std::map<int64_t, int64_t>& by_variant,
                                     const std::map<int64_t, std::string>& productcode_of) {
  PendingByCode out;
  for (const auto& [variant, q] : by_variant) {
    auto code = productcode_of.find(variant);
    if (code == productcode_of.end() || q <= 0) continue;
    out[code->second] += q;
  }
  return out;
}

std::set<std::string> productcodes_of(const std::map<int64_t, std::string>& linked) {
  std::set<std::string> out;
  for (const auto& [variant, code] : linked) out.insert(code);
  return out;
}

std::map<int64_t, int64_t> others_pending_by_variant(const std::map<int64_t, std::string>& linked,
                                                     const PendingByCode& others) {
  std::map<int64_t, int64_t> out;
  for (const auto& [variant, code] : linked) {
    auto it = others.find(code);
    if (it != others.end() && it->second > 0) out[variant] = it->second;
  }
  return out;
}

int64_t desired_stock_shared(int64_t free, int64_t own_pending, int64_t others_pending) {
  return desired_stock(free, own_pending + others_pending);
}

std::set<int64_t> quantities_changed(const std::map<int64_t, int64_t>& before, const std::map<int64_t, int64_t>& after) {
  std::set<int64_t> out;
  for (const auto& [v, q] : after) {
    if (quantity(before, v) != q) out.insert(v);
  }
  for (const auto& [v, q] : before) {
    if (quantity(after, v) != q) out.insert(v);
  }
  return out;
}

}  // namespace lpsync
