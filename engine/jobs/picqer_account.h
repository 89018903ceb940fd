// Reads what the engine needs of the Picqer account once (warehouses, the VAT groups for new
// products) and refreshes it on demand.
#pragma once

#include "engine/jobs/step.h"

namespace lpsync {

Step load_picqer_account(Core& core, Backoff& backoff, Priority p);

// The warehouse that receives base stock of created products: the first stock warehouse.
std::optional<int64_t> base_stock_warehouse(const Core& core);

}  // namespace lpsync
