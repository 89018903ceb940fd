// The common front of both fakes: consult the fault plan for a request, apply it (or not)
// as the fault kind says, and journal what happened.
#pragma once

#include <functional>

#include "engine/env/http.h"
#include "fakes/common/fault_plan.h"
#include "fakes/common/journal.h"

namespace lpsync::fakes {

struct GateRequest {
  const Request* request;
  std::string method;
  std::string path;   // API-neutral resource path
  std::string query;
  Instant now;
};

// Calls `apply` unless a fault says the request never arrives; `fault_response` builds the
// API's own answer for http_429 / http_500 / http_503. Every request is journaled.
TransportResult run_through_faults(FaultPlan& faults, Journal& journal, const GateRequest& in,
                                   const std::function<Response()>& apply,
                                   const std::function<Response(FaultKind)>& fault_response);

}  // namespace lpsync::fakes
