// The closed sets of words a scenario file may use (statuses, reasons, fault kinds), and
// helpers to say so in an error message: "known: a, b, c", "did you mean ...?".
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lpsync::scenario {

using Words = std::span<const std::string_view>;

// Lightspeed order `status`: the current nine values and the older SEOshop-era ones
// (reference/lightspeed-api.md section 5.3).
inline constexpr std::array<std::string_view, 15> kOrderStatuses = {
    "on_hold", "processing_awaiting_payment", "processing_awaiting_shipment", "processing_awaiting_pickup",
    "processing_ready_for_pickup", "completed", "completed_shipped", "completed_picked_up", "cancelled",
    "new", "offer", "processing", "processing_partially_paid", "processing_partially_shipped",
    "processing_partially_picked_up"};
inline constexpr std::array<std::string_view, 4> kPaymentStatuses = {"not_paid", "partially_paid", "paid",
                                                                     "cancelled"};
inline constexpr std::array<std::string_view, 4> kShipmentStatuses = {"not_shipped", "partially_shipped",
                                                                      "shipped", "cancelled"};
inline constexpr std::array<std::string_view, 3> kStockTrackings = {"disabled", "enabled", "indicator"};
// Picqer order `status` (reference/picqer-api.md section 5.2).
inline constexpr std::array<std::string_view, 6> kPicqerOrderStatuses = {"concept", "expected", "processing",
                                                                         "paused", "completed", "cancelled"};
// Reasons of sync-rules.md: why an order is held, why the bulk import skipped a variant.
inline constexpr std::array<std::string_view, 10> kHeldReasons = {
    "cancelled", "shipped", "on_hold", "unknown_status", "not_paid", "not_eligible_to_ship",
    "missing_variant", "missing_sku", "duplicate_sku", "product_not_in_picqer"};
inline constexpr std::array<std::string_view, 2> kSkippedReasons = {"missing_sku", "duplicate_sku"};
// Why an imported order needs a person (sync-rules.md section 2, "After import").
inline constexpr std::array<std::string_view, 3> kNeedsPersonReasons = {
    "cancelled_after_pick", "on_hold_after_import", "lines_changed_after_import"};
// The answers to engine.import_order (`by_hand`): what happened, or the held reason.
inline constexpr std::array<std::string_view, 15> kByHandAnswers = {
    "imported", "already_imported", "not_found", "not_active", "failed", "cancelled", "shipped", "on_hold",
    "unknown_status", "not_paid", "not_eligible_to_ship", "missing_variant", "missing_sku", "duplicate_sku",
    "product_not_in_picqer"};
// The names of fakes::FaultKind (fault_plan.h), for messages.
inline constexpr std::array<std::string_view, 8> kFaultKinds = {
    "http_429", "http_500", "http_503", "timeout", "reset", "indeterminate", "webhook_drop", "webhook_duplicate"};
inline constexpr std::array<std::string_view, 3> kOrderFilters = {"paid", "all", "eligible_to_ship"};
inline constexpr std::array<std::string_view, 2> kSystems = {"lightspeed", "picqer"};
// The shop languages the Lightspeed fake serves (fakes/lightspeed/serialize.cc) and the clusters.
inline constexpr std::array<std::string_view, 7> kShopLanguages = {"en", "us", "nl", "de", "fr", "es", "it"};
inline constexpr std::array<std::string_view, 2> kClusters = {"eu1", "us1"};

bool contains(Words words, std::string_view word);
// "a, b, c"
std::string join(Words words);
// The closest word within a small edit distance, for "did you mean" hints.
std::optional<std::string_view> closest(Words words, std::string_view word);
// `unknown <what> "x" (did you mean "y"?); known: a, b, c`
std::string unknown_word_message(std::string_view what, std::string_view word, Words known,
                                 std::string_view known_label = "known");

}  // namespace lpsync::scenario
