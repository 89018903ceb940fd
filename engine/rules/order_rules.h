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

// Decisions on the shop's SKUs (an order's lines, a product to create) are made on a read of
// the catalogue at most this old: the merchant may be fixing SKUs meanwhile.
inline constexpr Duration kCatalogFreshness = Duration::minutes(1);
// How far the shop's clock (its updated_at) is allowed to run behind the engine's.
inline constexpr Duration kShopClockAllowance = Duration::minutes(1);
// Whether a read of the catalogue that began at `read_began` may decide, at `now`, on an order
// the shop last changed at `changed`: it is fresh, and began after the order took its state
// (the clock allowance to spare), so the order and the SKUs read were both so at one instant.
inline bool catalog_read_serves(Instant read_began, Instant now, Instant changed) {
  return read_began >= now - kCatalogFreshness && read_began >= changed + kShopClockAllowance;
}

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
