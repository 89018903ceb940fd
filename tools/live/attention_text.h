// What needs a person, in the merchant's words (sync-rules section 12): held orders with
// their reason, their age and what to fix; imported orders that need a person and why; and
// the answer to `lpsync import-order`. Pure text building: the caller gives the time. Used by
// the report of a run, `lpsync plan` and `lpsync status`.
#pragma once

#include <string>
#include <vector>

#include "engine/core/report.h"
#include "engine/rules/settings.h"

namespace lpsync::live {

// "not paid yet", "cancelled in the shop", ... for a held reason.
std::string explain(HeldReason reason);
// What a person can do about it, e.g. "give each variant its own SKU in the shop".
std::string fix_for(HeldReason reason);
// "45 s", "12 min", "3 h 12 min", "2 d 5 h" (a negative duration counts as 0).
std::string age_text(Duration d);

// "ORD1: held 3 h 12 min: duplicate_sku - <explain>; fix: <fix>, then lpsync import-order ORD1"
std::string held_line(const HeldOrder& held, Instant now);
// "ORD5: needs a person for 2 h 5 min: cancelled_after_pick - <message>"
std::string needs_person_line(const OrderNeedingPerson& order, Instant now);

// The two lists, each under its heading with its count and at most `listed` lines
// ("... and N more"): "Orders held ..." and "Orders needing a person ...".
std::string held_text(const std::vector<HeldOrder>& held, Instant now, size_t listed = 20);
std::string needs_person_text(const std::vector<OrderNeedingPerson>& orders, Instant now, size_t listed = 20);

// The answer to `lpsync import-order NUMBER`: what happened, and when not imported, why and
// what to fix.
std::string by_hand_text(const ByHandAnswer& answer, const Settings& settings);

}  // namespace lpsync::live
