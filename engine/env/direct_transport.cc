#include "engine/env/direct_transport.h"

namespace lpsync {

TransportResult DirectTransport::send(const Request& request) {
  auto url = parse_url(request.url);
  if (!url) return TransportError{TransportErrorKind::refused, "not an http(s) URL"};
  auto it = routes_.find(url->origin);
  if (it == routes_.end()) return TransportError{TransportErrorKind::refused, "nothing listens at " + url->origin};
  return it->second(request);
}

}  // namespace lpsync
