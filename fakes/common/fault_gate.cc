#include "fakes/common/fault_gate.h"

namespace lpsync::fakes {

TransportResult run_through_faults(FaultPlan& faults, Journal& journal, const GateRequest& in,
                                   const std::function<Response()>& apply,
                                   const std::function<Response(FaultKind)>& fault_response) {
  JournalEntry entry{in.now, in.method, in.path, in.query, in.request->body, 0, std::nullopt, true};
  auto fault = faults.for_request(in.method, in.path, in.now);
  entry.fault = fault;
  if (!fault) {
    Response r = apply();
    entry.status = r.status;
    journal.add(std::move(entry));
    return r;
  }
  switch (*fault) {
    case FaultKind::http_429:
    case FaultKind::http_500:
    case FaultKind::http_503: {
      Response r = fault_response(*fault);
      entry.status = r.status;
      entry.applied = false;
      journal.add(std::move(entry));
      return r;
    }
    case FaultKind::timeout:
      entry.applied = false;
      journal.add(std::move(entry));
      return TransportError{TransportErrorKind::timeout, "injected fault: timeout"};
    case FaultKind::reset:
      entry.applied = false;
      journal.add(std::move(entry));
      return TransportError{TransportErrorKind::reset, "injected fault: connection reset"};
    case FaultKind::indeterminate: {
      Response r = apply();
      entry.status = 0;
      entry.applied = r.status < 400;
      journal.add(std::move(entry));
      return TransportError{TransportErrorKind::reset, "injected fault: connection dropped after the request"};
    }
    case FaultKind::webhook_drop:
    case FaultKind::webhook_duplicate:
      break;
  }
  Response r = apply();
  entry.status = r.status;
  journal.add(std::move(entry));
  return r;
}

}  // namespace lpsync::fakes
