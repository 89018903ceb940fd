// Records every HTTP exchange the engine makes, in order, into a cassette (redacted there),
// and passes it on unchanged.
#pragma once

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "tools/live/cassette.h"

namespace lpsync::live {

class RecordingTransport final : public Transport {
 public:
  // `wall` stamps each exchange; it is not the engine's clock, so stamping reads nothing
  // the replay would have to reproduce.
  RecordingTransport(Transport& inner, CassetteWriter& cassette, Clock& wall)
      : inner_(inner), cassette_(cassette), wall_(wall) {}

  TransportResult send(const Request& request) override {
    Instant at = wall_.now();
    TransportResult result = inner_.send(request);
    cassette_.exchange(request, result, at);
    return result;
  }

 private:
  Transport& inner_;
  CassetteWriter& cassette_;
  Clock& wall_;
};

}  // namespace lpsync::live
