#include "engine/rules/order_by_hand.h"

#include <utility>

#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

constexpr std::pair<ByHandResult, std::string_view> kResults[] = {
    {ByHandResult::imported, "imported"},     {ByHandResult::already_imported, "already_imported"},
    {ByHandResult::held, "held"},             {ByHandResult::not_found, "not_found"},
    {ByHandResult::not_active, "not_active"}, {ByHandResult::failed, "failed"},
};

}  // namespace

std::string_view to_string(ByHandResult r) {
  for (const auto& [k, name] : kResults) {
    if (k == r) return name;
  }
  return "unknown";
}

std::optional<ByHandResult> parse_by_hand_result(std::string_view text) {
  for (const auto& [k, name] : kResults) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::optional<ByHandVerdict> by_hand_decision(const std::vector<ls::Order>& listed, bool linked, bool active,
                                              OrderFilter filter) {
  if (listed.empty()) return ByHandVerdict{ByHandResult::not_found, std::nullopt};
  // Step 1 first: an imported order is never created twice, active or not.
  if (linked) return ByHandVerdict{ByHandResult::already_imported, std::nullopt};
  if (auto reason = order_decision(listed.front(), filter)) return ByHandVerdict{ByHandResult::held, reason};
  // Reads are allowed while inactive; the import writes, so it waits for activation.
  if (!active) return ByHandVerdict{ByHandResult::not_active, std::nullopt};
  return std::nullopt;
}

}  // namespace lpsync
