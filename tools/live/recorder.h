// The recording of a live run (--record FILE, docs/live.md "Record and replay"): the cassette
// and what feeds it. The engine's transport records every exchange; begin() writes the header
// of the engine it is given and from then on every reading of its clock; decisions and inbound
// webhooks are written while it records. end() closes the recording for good: an engine
// started later (a reinstalled app) is not recorded, because a cassette holds one engine.
#pragma once

#include <boost/json.hpp>

#include <memory>
#include <string>

#include "engine/core/connection.h"
#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "engine/rules/settings.h"
#include "engine/state/state_store.h"
#include "tools/live/cassette.h"
#include "engine/env/live_clock.h"
#include "tools/live/log.h"
#include "engine/env/recording_transport.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

// The engine a cassette starts from.
struct RecordedStart {
  uint64_t seed = 0;
  std::string mode;  // "once", "run", "import-products"
  Connection connection;  // the secrets are left out
  Settings settings;
  Instant start;
};

class Recorder {
 public:
  // Opens `path` for writing (check ok()). Exchanges through transport() go to `inner`,
  // stamped by `wall`.
  Recorder(const std::string& path, const Redactor& redactor, bool redact_personal, Transport& inner, Clock& wall);

  bool ok() const { return cassette_.ok(); }
  const std::string& path() const { return cassette_.path(); }
  // The engine's transport while recording.
  Transport& transport() { return transport_; }
  bool recording() const { return recording_; }

  // The header (with a snapshot of `store`), and from now on the readings of `clock`.
  void begin(const RecordedStart& start, const StateStore& store, LiveClock& clock);
  void decision(const boost::json::object& trace_line);
  void inbound(const Request& r, int64_t callback, const std::string& picqer_signature, int status);
  // The end line, once; logs why the recording ended.
  void end(LiveClock& clock, const std::string& why, Log& log);

 private:
  CassetteWriter cassette_;
  RecordingTransport transport_;
  bool redact_personal_;
  bool recording_ = true;
};

}  // namespace lpsync::live
