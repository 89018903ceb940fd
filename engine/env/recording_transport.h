// Records every HTTP exchange the engine makes, in order, and passes it on unchanged. Where
// the exchanges go is the ExchangeRecorder's business (live mode: a cassette, which redacts
// them; tools/live/cassette.h).
#pragma once

#include "engine/env/clock.h"
#include "engine/env/http.h"

namespace lpsync {

class ExchangeRecorder {
 public:
  virtual ~ExchangeRecorder() = default;
  // One exchange: what was sent, what came back (a response or an error), and when it was sent.
  virtual void exchange(const Request& request, const TransportResult& result, Instant at) = 0;
};

class RecordingTransport final : public Transport {
 public:
  // `wall` stamps each exchange; it is not the engine's clock, so stamping reads nothing
  // a replay would have to reproduce.
  RecordingTransport(Transport& inner, ExchangeRecorder& recorder, Clock& wall)
      : inner_(inner), recorder_(recorder), wall_(wall) {}

  TransportResult send(const Request& request) override {
    Instant at = wall_.now();
    TransportResult result = inner_.send(request);
    recorder_.exchange(request, result, at);
    return result;
  }

 private:
  Transport& inner_;
  ExchangeRecorder& recorder_;
  Clock& wall_;
};

}  // namespace lpsync
