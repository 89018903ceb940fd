#include "tools/fleet/lease_guard.h"

#include "engine/rules/fleet_rules.h"

namespace lpsync::fleet {

TransportResult LeaseGuard::send(const Request& request) {
  if (request.method == "GET") return inner_.send(request);
  Instant now = clock_.now();
  Instant ends = window_.end();
  if (!may_start_write(ends, now, margin_)) {
    ++held_back_;
    std::string left = ends > now ? format_duration(ends - now) + " left" : "ended";
    return TransportError{TransportErrorKind::refused,
                          "not sent: this worker's lease of the connection has " + left + ", less than the " +
                              format_duration(margin_) +
                              " a write may take; it is sent again once the lease is renewed (or by the worker "
                              "that takes the connection over)"};
  }
  return inner_.send(request);
}

}  // namespace lpsync::fleet
