// A cassette: everything a live run exchanged with the world, enough to run the same engine
// again and get the same decisions (docs/live.md, "Record and replay"). JSON Lines, one
// object per line, in the order things happened:
//   {"cassette":1, "start_ms", "seed", "connection", "settings", "state", ...}   the header
//   {"exchange":N, "at_ms", "request", "response"|"error", "clock"}             an HTTP exchange
//   {"inbound":N, "callback", "request", "picqer_signature", "status", "clock"}  a webhook received
//   {"decision":{...}, "clock"}                                                 a trace decision
//   {"end":true, "callbacks", "clock"}                                          a clean end
// "clock" holds the engine's clock readings (ms after start_ms) taken since the line before:
// together, every reading of the live run in order, which is what makes the replay take the
// same decisions at the same instants. Everything is redacted (redactor.h) before it is
// written; bodies that are not UTF-8 text are stored as "body_base64".
#pragma once

#include <boost/json.hpp>

#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/connection.h"
#include "engine/env/http.h"
#include "engine/env/recording_transport.h"
#include "engine/env/result.h"
#include "engine/env/time.h"
#include "engine/rules/settings.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

struct CassetteHeader {
  Instant start;
  uint64_t seed = 0;
  std::string mode;  // "once", "run", "import-products"
  // The connection without credentials: URLs, language, shop id, webhook address.
  Connection connection;
  Settings settings;
  bool redact_personal = false;
  // The state the engine started from (state_snapshot.h), without secrets.
  boost::json::object state;
};

struct RecordedExchange {
  int64_t n = 0;
  Instant at;
  Request request;                     // redacted
  std::optional<Response> response;    // redacted
  std::optional<TransportError> error;
};

struct RecordedInbound {
  int64_t n = 0;
  int64_t callback = 0;  // the engine callback (LiveClock) in which it was handled
  Request request;       // redacted; the Picqer signature removed
  std::string picqer_signature;  // "valid", "invalid", "missing" (Picqer deliveries only)
  int status = 0;        // what the engine answered
};

struct Cassette {
  CassetteHeader header;
  std::vector<RecordedExchange> exchanges;
  std::vector<RecordedInbound> inbound;
  std::vector<std::string> decisions;  // serialized trace decision lines, in order
  std::vector<Instant> readings;       // every clock reading of the engine, in order
  std::optional<int64_t> callbacks;    // set when the recording ended cleanly
};

// Writes a cassette as the run goes (each line flushed, so a killed run keeps what it had).
// Thread-safe.
class CassetteWriter final : public ExchangeRecorder {
 public:
  CassetteWriter(const std::string& path, const Redactor& redactor);
  // False once any write or flush failed (a full disk, /dev/full): the cassette is then
  // incomplete and the run must say so and fail.
  bool ok() const {
    std::lock_guard lock(mu_);
    return out_.good();
  }
  const std::string& path() const { return path_; }

  void header(const CassetteHeader& h);
  void reading(Instant t);  // a clock reading of the engine (written with the next line)
  void exchange(const Request& request, const TransportResult& result, Instant at) override;
  void inbound(const Request& request, int64_t callback, const std::string& picqer_signature, int status);
  void decision(const boost::json::object& trace_line);
  void end(int64_t callbacks);

 private:
  void write(boost::json::object line);  // adds "clock"; under mu_

  std::string path_;
  const Redactor& redactor_;
  mutable std::mutex mu_;
  std::ofstream out_;
  Instant start_;
  std::vector<int64_t> pending_readings_;
  int64_t exchanges_ = 0, inbound_ = 0;
};

enum class CassetteProblem {
  unreadable,  // the file cannot be read
  malformed,   // a line is not what a cassette holds, or there is no header
};
// The cassette, or an error whose message is "FILE[:LINE]: what is wrong".
Result<Cassette, CassetteProblem> load_cassette(const std::string& path);

// Request / response as cassette JSON and back (shared by the writer, the reader and tests).
boost::json::object request_json(const Request& r);
boost::json::object response_json(const Response& r);
Request request_from_json(const boost::json::object& o);
Response response_from_json(const boost::json::object& o);

// The connection and settings as the header stores them.
boost::json::object connection_json(const Connection& c);
Connection connection_from_json(const boost::json::object& o);
boost::json::object settings_json(const Settings& s);
Settings settings_from_json(const boost::json::object& o);

}  // namespace lpsync::live
