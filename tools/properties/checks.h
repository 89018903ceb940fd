// The properties of issue 8, each a check of one run against the model. A check returns
// the violations it found, in words; empty means the property held.
#pragma once

#include <string>
#include <vector>

#include "tools/properties/model.h"
#include "tools/properties/outcome.h"

namespace lpsync::properties {

using Violations = std::vector<std::string>;

// 1. 12-hour window: nothing imported that was never eligible in a poll the engine could
// have made; everything imported that was eligible long enough.
Violations check_window(const Model& m, const Outcome& o);
// 2. Duplicate SKUs: no product created or order imported for a SKU that was not unique
// (trimmed) when the engine last read the shop's variants, and that read was at most a
// minute old (the merchant may edit SKUs at any time; the engine must decide on fresh
// data); the last poll held exactly the orders the rules hold.
Violations check_unique_skus(const Model& m, const Outcome& o);
// 3. Read-only (and inactive): no request other than GET reached the shop while read-only
// was on, and no write reached either system while the connection was inactive.
Violations check_read_only(const scenario::Scenario& s, const Outcome& o);
// 4. At most once: one Picqer order per Lightspeed order, one Picqer product per SKU, one
// shop update per Picqer shipment.
Violations check_at_most_once(const Outcome& o);
// 5. Nothing lost: after the faults stopped and a quiet period, every order the model
// says must be imported is.
Violations check_nothing_lost(const Model& m, const Outcome& o);
// The writes behind a read-only violation, by API ("lightspeed", "picqer").
struct Breach {
  std::string api;
  std::string message;
};
std::vector<Breach> read_only_breaches(const scenario::Scenario& s, const Outcome& o);
// desired(v) for every linked variant whose shop level differs from it.
std::vector<scenario::VariantPatch> desired_levels(const Model& m, const Outcome& o);

// 6. Stock convergence: with send_stock on at the end, every linked variant shows
// desired(v) in the shop.
Violations check_stock_converged(const Model& m, const Outcome& o);
// 7. Base stock (issue 17, sync-rules §3): every product the engine created got as base stock
// the shop's count of its variant (as the engine read it, negative as 0) plus the quantity on
// that variant's open orders not in Picqer yet, counted by the model at that moment. A write
// whose open quantity changed since the engine's last order listing is not judged.
Violations check_base_stock(const Model& m, const Outcome& o);

// 8. Nothing unpaid is processed (issue 17, sync-rules §2 step 6): every order the engine
// processed in Picqer was shippable in the shop within the poll interval before.
Violations check_nothing_unpaid_processed(const Model& m, const Outcome& o);
// 9. Cancelled before pick (§2 After import): an imported order that stayed cancelled in the
// shop, in the window, long enough while nothing of it was picked ends cancelled in Picqer.
Violations check_cancelled_before_pick(const Model& m, const Outcome& o);
// 10. The report's needs-a-person list at the end is exactly the imported orders the model
// says need one (cancelled after pick, on hold after import), for every order whose reason
// has stood still long enough to be judged.
Violations check_needs_person(const Model& m, const Outcome& o);
// 11. Shipment delay (§5): every shop shipment write comes at least shipment_delay after a
// Picqer shipment of that order was made, and while that shipment was not cancelled.
Violations check_shipment_delay(const Model& m, const Outcome& o);

}  // namespace lpsync::properties
