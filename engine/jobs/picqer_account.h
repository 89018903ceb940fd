// Reads what the engine needs of the Picqer account once (warehouses, the VAT groups for new
// products) and refreshes it on demand.
#pragma once

#include "engine/jobs/step.h"

namespace lpsync {

// What loading the account touches: the Picqer client and the account facts.
struct AccountParts {
  PicqerClient& picqer;
  PicqerAccount& account;
};

Step load_picqer_account(const JobBasics& basics, const AccountParts& parts, Backoff& backoff, Priority p);

// The warehouse that receives base stock of created products: the first stock warehouse.
std::optional<int64_t> base_stock_warehouse(const Settings& settings, const PicqerAccount& account);

}  // namespace lpsync
