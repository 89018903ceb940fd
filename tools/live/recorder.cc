#include "tools/live/recorder.h"

#include "tools/live/state_snapshot.h"

namespace lpsync::live {
namespace {

Connection without_secrets(Connection c) {
  c.lightspeed_key.clear();
  c.lightspeed_secret.clear();
  c.picqer_key.clear();
  c.webhook_token.clear();
  c.lightspeed_webhook_secret.clear();
  return c;
}

}  // namespace

Recorder::Recorder(const std::string& path, const Redactor& redactor, bool redact_personal, Transport& inner,
                   Clock& wall)
    : cassette_(path, redactor), transport_(inner, cassette_, wall), redact_personal_(redact_personal) {}

void Recorder::begin(const RecordedStart& start, const StateStore& store, LiveClock& clock) {
  if (!recording_) return;
  CassetteHeader h;
  h.start = start.start;
  h.seed = start.seed;
  h.mode = start.mode;
  h.connection = without_secrets(start.connection);
  h.settings = start.settings;
  h.redact_personal = redact_personal_;
  h.state = state_snapshot(store);
  cassette_.header(h);
  clock.record_readings([this](Instant t) { cassette_.reading(t); });
}

void Recorder::decision(const boost::json::object& trace_line) {
  if (recording_) cassette_.decision(trace_line);
}

void Recorder::inbound(const Request& r, int64_t callback, const std::string& picqer_signature, int status) {
  if (recording_) cassette_.inbound(r, callback, picqer_signature, status);
}

void Recorder::end(LiveClock& clock, const std::string& why, Log& log) {
  if (!recording_) return;
  clock.record_readings(nullptr);
  cassette_.end(clock.callbacks());
  recording_ = false;
  log.info("recording_ended", {{"cassette", cassette_.path()}, {"why", why}});
}

}  // namespace lpsync::live
