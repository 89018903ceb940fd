// Which Picqer VAT group a product the engine creates gets (issue 14, item 9). Picqer lists
// VAT groups as {idvatgroup, name, percentage} and marks none as the default; the first one
// listed may well be 0 %. The group whose percentage is the Lightspeed tax rate wins; without
// a rate, or with no group for it, the account's standard group: the highest percentage
// (the standard rate is the highest in every EU VAT system), the first listed on a tie.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/picqer.h"

namespace lpsync {

enum class VatReason {
  matches_rate,      // a group has the shop's tax rate
  no_group_for_rate, // the shop's rate has no group: the standard group
  rate_unknown,      // the shop gave no rate: the standard group
};

struct VatChoice {
  pq::VatGroup group;
  VatReason reason = VatReason::rate_unknown;
  std::optional<double> percentage;  // the shop's rate in percent, when known
};

// The shop's tax rate in percent: Lightspeed writes 0.21 for 21 %; a value above 1 is
// taken as a percentage already. Nullopt for a negative or non-finite value.
std::optional<double> tax_rate_percent(double lightspeed_rate);

// Nullopt only when `groups` is empty. `percentage`: the shop's rate in percent.
std::optional<VatChoice> choose_vat_group(const std::vector<pq::VatGroup>& groups, std::optional<double> percentage);

// One line for `plan` and the decision trace: "21 % (Hoog): matches the shop's tax rate 21 %".
std::string explain(const VatChoice& choice);

}  // namespace lpsync
