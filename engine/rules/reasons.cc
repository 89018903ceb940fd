#include "engine/rules/reasons.h"

#include <utility>

namespace lpsync {
namespace {

constexpr std::pair<HeldReason, std::string_view> kHeld[] = {
    {HeldReason::cancelled, "cancelled"},
    {HeldReason::shipped, "shipped"},
    {HeldReason::on_hold, "on_hold"},
    {HeldReason::unknown_status, "unknown_status"},
    {HeldReason::not_paid, "not_paid"},
    {HeldReason::not_eligible_to_ship, "not_eligible_to_ship"},
    {HeldReason::missing_variant, "missing_variant"},
    {HeldReason::missing_sku, "missing_sku"},
    {HeldReason::duplicate_sku, "duplicate_sku"},
    {HeldReason::product_not_in_picqer, "product_not_in_picqer"},
};

}  // namespace

std::string_view to_string(HeldReason r) {
  for (const auto& [k, name] : kHeld) {
    if (k == r) return name;
  }
  return "unknown";
}

std::optional<HeldReason> parse_held_reason(std::string_view text) {
  for (const auto& [k, name] : kHeld) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::string_view to_string(SkuProblem p) { return p == SkuProblem::missing_sku ? "missing_sku" : "duplicate_sku"; }

std::optional<SkuProblem> parse_sku_problem(std::string_view text) {
  if (text == "missing_sku") return SkuProblem::missing_sku;
  if (text == "duplicate_sku") return SkuProblem::duplicate_sku;
  return std::nullopt;
}

HeldReason held_reason_for(SkuProblem p) {
  return p == SkuProblem::missing_sku ? HeldReason::missing_sku : HeldReason::duplicate_sku;
}

}  // namespace lpsync
