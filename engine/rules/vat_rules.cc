#include "engine/rules/vat_rules.h"

#include <cmath>
#include <sstream>

namespace lpsync {
namespace {

constexpr double kSamePercentage = 0.005;  // percentages closer than this are the same rate

std::string percent(double p) {
  std::ostringstream out;
  out << p << " %";
  return out.str();
}

}  // namespace

std::optional<double> tax_rate_percent(double lightspeed_rate) {
  if (!std::isfinite(lightspeed_rate) || lightspeed_rate < 0) return std::nullopt;
  return lightspeed_rate <= 1 ? lightspeed_rate * 100 : lightspeed_rate;
}

std::optional<VatChoice> choose_vat_group(const std::vector<pq::VatGroup>& groups, std::optional<double> percentage) {
  if (groups.empty()) return std::nullopt;
  if (percentage) {
    for (const auto& g : groups) {
      if (std::abs(g.percentage - *percentage) < kSamePercentage) return VatChoice{g, VatReason::matches_rate, percentage};
    }
  }
  const pq::VatGroup* standard = &groups.front();
  for (const auto& g : groups) {
    if (g.percentage > standard->percentage) standard = &g;
  }
  return VatChoice{*standard, percentage ? VatReason::no_group_for_rate : VatReason::rate_unknown, percentage};
}

std::string explain(const VatChoice& c) {
  std::string group = percent(c.group.percentage) + " (" + c.group.name + ", idvatgroup " +
                      std::to_string(c.group.id) + ")";
  switch (c.reason) {
    case VatReason::matches_rate:
      return group + ": matches the shop's tax rate " + percent(*c.percentage);
    case VatReason::no_group_for_rate:
      return group + ": no Picqer VAT group has the shop's tax rate " + percent(*c.percentage) +
             ", so the standard (highest) group";
    case VatReason::rate_unknown:
      break;
  }
  return group + ": the shop gave no tax rate for it, so the standard (highest) group";
}

}  // namespace lpsync
