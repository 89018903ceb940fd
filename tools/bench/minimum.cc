#include "tools/bench/minimum.h"

#include <algorithm>

namespace lpsync::bench {

MinimumRequests minimum_requests(const DayWork& w) {
  MinimumRequests m;
  m.orders = std::min(w.polls_due, w.order_lists) + 4 * w.orders_imported;
  m.stock = 2 * w.stock_pushes + std::min(w.reconciliations, w.reconciliations_made) * w.reconciliation_pages +
            w.days * std::min(w.products_pushed, w.product_list_pages);
  m.shipments = std::min(w.polls_due, w.shipment_lists) + 4 * w.shipments_pushed;
  return m;
}

}  // namespace lpsync::bench
