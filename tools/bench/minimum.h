// The least requests a day's work needs (issue 21, goal 4): per unit only what no request
// plan can avoid, so the engine's ratio to it is at least 1 whatever it does.
#pragma once

#include <cstdint>

namespace lpsync::bench {

// What the day asked for and what the engine did that the minimum depends on.
struct DayWork {
  int64_t polls_due = 0;            // the simulated time / poll_interval
  int64_t order_lists = 0;          // the engine's reads of the shop's order list
  int64_t shipment_lists = 0;       // the engine's reads of Picqer's completed orders
  int64_t orders_imported = 0;
  int64_t stock_pushes = 0;         // stock levels the shop applied
  int64_t reconciliations = 0;      // hourly stock reconciliations due
  int64_t reconciliations_made = 0; // of them, the ones the engine made (the budget allowed)
  int64_t reconciliation_pages = 0; // pages one reconciliation reads (variants, stock, warehouses)
  int64_t shipments_pushed = 0;
  int64_t days = 0;                 // days begun (the product types are known at most a day old)
  int64_t products_pushed = 0;      // distinct Picqer products whose stock was pushed
  int64_t product_list_pages = 0;   // pages of a listing of every Picqer product
};

struct MinimumRequests {
  int64_t orders = 0, stock = 0, shipments = 0;
};

// Orders: per imported order its lines, the lookup by reference, the create and the process
// (or allocate) call, plus one read of the order list per poll. Stock: per push one read of
// the free stock and the write, the pages of each reconciliation the engine made, and per
// day the types of the pushed products (section 4: unlimited stock is never pushed), by a
// lookup each or by one listing, whichever is fewer. Shipments: per pushed
// shipment its picklists, their shipments, the shop's shipment and the write, plus one
// list per poll. A poll counts as due only if the engine made it (a poll the rate limit did
// not allow is no request it had to make), and so does a reconciliation, so the minimum
// never exceeds what it sent.
MinimumRequests minimum_requests(const DayWork& w);

}  // namespace lpsync::bench
