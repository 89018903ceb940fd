// Section 2 of sync-rules.md, steps 6 and "After import", as pure functions: what happens to an
// order right after it is created in Picqer, and what happens when the shop changes it later.
// No I/O: the order jobs call these with what they read and carry out the answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/lightspeed.h"
#include "engine/model/picqer.h"
#include "engine/rules/settings.h"

namespace lpsync {

// Why an imported order needs a person (nothing is written for it).
enum class NeedsPersonReason { cancelled_after_pick, on_hold_after_import, lines_changed_after_import };
std::string_view to_string(NeedsPersonReason r);
std::optional<NeedsPersonReason> parse_needs_person_reason(std::string_view text);
// One sentence for the merchant: what happened and what to do.
std::string_view explain(NeedsPersonReason r);

// Whether the warehouse may ship the order now: paid; or, under eligible_to_ship, cash on
// delivery or pay after delivery. An order that is not shippable is never picked.
bool order_shippable(const ls::Order& order, OrderFilter filter);

// Step 6: what follows the create.
enum class AfterCreate {
  process,        // POST /orders/{id}/process: picklist or backorder
  allocate,       // POST /orders/{id}/allocate: stock held, no picklist (Picqer's "expected")
  leave_concept,  // process_orders is off: the merchant processes it in Picqer
};
std::string_view to_string(AfterCreate a);
AfterCreate after_create(const ls::Order& order, OrderFilter filter, bool process_orders);

// How far the Picqer side of an imported order has come, as the engine last read it.
enum class PicqerStage {
  unprocessed,  // created, not processed: Picqer status concept or expected (allocated or not)
  processing,  // processed; no picklist closed and no shipment yet
  picked,      // a picklist was closed or a shipment made
  completed,   // every picklist done
  cancelled,   // cancelled in Picqer (by the engine or by a person)
};

// The stage of a Picqer order read with its picklists: a closed picklist means picked.
PicqerStage picqer_stage(const pq::Order& order, const std::vector<pq::Picklist>& picklists);

// A short fingerprint of an order's lines (variant and quantity, in any order): the lines of
// an imported order changed when their fingerprint did.
std::string order_lines_digest(const std::vector<ls::OrderLine>& lines);

// What the engine knows of an imported order besides the shop's current view of it.
struct OrderAsImported {
  PicqerStage stage = PicqerStage::unprocessed;
  bool allocated = false;      // the engine allocated it (unpaid under `all`)
  bool lines_changed = false;  // the shop's lines differ from the lines that were imported
};

// Step 6 and "After import": the one thing to do now for an imported order, right after its
// create and whenever the shop changed it since.
struct FollowUp {
  enum class Action {
    nothing,
    process,       // it became shippable: POST /orders/{id}/process
    allocate,      // unpaid and not yet allocated (step 6): POST /orders/{id}/allocate
    cancel,        // cancelled in the shop, concept in Picqer: DELETE /orders/{id}
    cancel_force,  // cancelled in the shop, processing in Picqer: DELETE /orders/{id}?force=true
    needs_person,  // report `reason`, write nothing
  };
  Action action = Action::nothing;
  std::optional<NeedsPersonReason> reason;  // set exactly when action == needs_person
  bool operator==(const FollowUp&) const = default;
};
std::string_view to_string(FollowUp::Action a);
FollowUp follow_up(const ls::Order& order, const OrderAsImported& imported, OrderFilter filter, bool process_orders);

}  // namespace lpsync
