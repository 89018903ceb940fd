// What `lpsync plan` prints: the engine's decisions of one pass over both live systems, in
// the merchant's words (orders to import and why the others are held, products to link or
// create, stock levels, shipments), then every write the guard stopped, in order.
#pragma once

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "engine/core/report.h"
#include "engine/rules/settings.h"
#include "tools/live/redactor.h"
#include "tools/live/write_guard.h"

namespace lpsync::live {

struct PlanFacts {
  std::vector<boost::json::object> decisions;  // trace decision lines, in order
  Report report;
  std::vector<IntendedWrite> writes;
  int64_t reads = 0;
  Settings settings;        // as configured (plan runs them as if active)
  bool was_active = false;  // settings.active in the config
  Instant now;              // when the plan was made: the age of held orders
};

std::string plan_text(const PlanFacts& facts, const Redactor& redactor);

}  // namespace lpsync::live
