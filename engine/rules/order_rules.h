// Section 2 of sync-rules.md as pure functions: the 12-hour window, the status gate and
// the order filter. No I/O: the order poll calls these with what it read.
#pragma once

#include <optional>

#include "engine/env/time.h"
#include "engine/model/lightspeed.h"
#include "engine/rules/reasons.h"
#include "engine/rules/settings.h"

namespace lpsync {

inline constexpr Duration kOrderWindow = Duration::hours(12);

// The `updated_at_min` of an order poll at `now`.
inline Instant order_window_start(Instant now) { return now - kOrderWindow; }
// Whether an order last changed at `updated_at` is listed by a poll at `now` (the bound is
// included, as Lightspeed's updated_at_min is).
inline bool in_order_window(Instant updated_at, Instant now) { return updated_at >= order_window_start(now); }

// The status gate (step 2): the reason an order may not be imported whatever the filter.
std::optional<HeldReason> status_gate(const ls::Order& order);
// The order filter (step 3) for an order that passed the gate.
std::optional<HeldReason> order_filter(const ls::Order& order, OrderFilter filter);
// Gate, then filter: nullopt when the order may be imported (its lines permitting).
std::optional<HeldReason> order_decision(const ls::Order& order, OrderFilter filter);

// Whether an order that is not imported still holds stock that Picqer has not reserved:
// neither cancelled nor shipped (section 4, pending(v)).
bool order_holds_unreserved_stock(const ls::Order& order);

}  // namespace lpsync
