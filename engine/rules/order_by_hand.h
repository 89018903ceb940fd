// Section 2, "Importing one order by hand": a person asks for one order by number. The
// engine reads it now and decides it with the same gate, filter and line rules as the poll,
// ignoring the 12-hour window. This file holds the decision up to the lines (which the
// importer decides) and the words of each answer.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/model/lightspeed.h"
#include "engine/rules/reasons.h"
#include "engine/rules/settings.h"

namespace lpsync {

// The answer to "import order NUMBER now".
enum class ByHandResult {
  imported,          // created (or adopted) in Picqer now
  already_imported,  // a link exists: nothing is created twice
  held,              // not imported, with a HeldReason (what to fix)
  not_found,         // the shop has no order with that number
  not_active,        // the connection is not active: nothing is written
  failed,            // a call was refused outright (a wrong key, a missing permission)
};
std::string_view to_string(ByHandResult r);
std::optional<ByHandResult> parse_by_hand_result(std::string_view text);

struct ByHandVerdict {
  ByHandResult result;
  std::optional<HeldReason> reason;  // when held
  bool operator==(const ByHandVerdict&) const = default;
};

// What the orders the shop lists under the number say, before the lines are read: an answer,
// or nullopt when the order is to be imported now (its lines decide the rest). `linked`: the
// first listed order is already imported. The 12-hour window plays no part.
std::optional<ByHandVerdict> by_hand_decision(const std::vector<ls::Order>& listed, bool linked, bool active,
                                              OrderFilter filter);

}  // namespace lpsync
