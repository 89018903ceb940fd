#include "tools/live/replay_run.h"

#include <limits>
#include <map>

#include "engine/core/engine.h"
#include "engine/env/crypto.h"
#include "engine/env/json.h"
#include "engine/env/replay_clock.h"
#include "tools/live/replay_transport.h"
#include "tools/live/state_snapshot.h"

namespace lpsync::live {
namespace {

// Stand-ins for the credentials a cassette never holds: what the redactor wrote in their place.
Connection with_stand_ins(Connection c) {
  c.lightspeed_key = "[redacted:lightspeed-key]";
  c.lightspeed_secret = "[redacted:lightspeed-secret]";
  c.picqer_key = "[redacted:picqer-key]";
  c.webhook_token = "[redacted:webhook-token]";
  return c;
}

std::string first_difference(const std::vector<std::string>& recorded, const std::vector<std::string>& replayed) {
  size_t n = std::min(recorded.size(), replayed.size());
  for (size_t i = 0; i < n; ++i) {
    if (recorded[i] != replayed[i]) {
      return "decision " + std::to_string(i + 1) + " differs:\n  recorded: " + recorded[i] + "\n  replayed: " +
             replayed[i];
    }
  }
  if (recorded.size() == replayed.size()) return "";
  const auto& longer = recorded.size() > replayed.size() ? recorded : replayed;
  return std::string(recorded.size() > replayed.size() ? "the recording" : "the replay") + " has " +
         std::to_string(longer.size() - n) + " more decisions, from: " + longer[n];
}

// Hands a recorded webhook to the engine (re-signed with the replay's own secret when the
// original signature was valid) and checks that the engine answers as it did.
void deliver_recorded(const RecordedInbound& i, Engine& engine, const StateStore& store, ReplayOutcome& out) {
  Request r = i.request;
  if (i.picqer_signature == "valid") {
    r.headers.set("X-Picqer-Signature", picqer_signature(r.body, store.value("picqer.hook_secret").value_or("")));
  } else if (i.picqer_signature == "invalid") {
    r.headers.set("X-Picqer-Signature", "invalid-signature");
  }
  TransportResult answer = engine.receive_webhook(r);
  int status = answer.ok() ? answer.value().status : 0;
  ++out.inbound;
  if (status != i.status && out.failure.empty()) {
    out.failure = "webhook " + std::to_string(i.n) + " (" + r.method + " " + r.url + ") was answered " +
                  std::to_string(status) + ", the recording says " + std::to_string(i.status);
  }
}

// After the run: the replay's trace into `out`, and the first way it differs from the
// recording (exchanges, then decisions, then clock readings), if any.
void judge(const Cassette& c, const ReplayTransport& transport, const ReplayClock& clock, const Trace& trace,
           const Redactor& redactor, ReplayOutcome& out) {
  out.exchanges = transport.used();
  std::vector<std::string> replayed;
  for (const auto& line : trace.lines()) {
    out.trace.push_back(line);
    auto parsed = json::parse(line);
    if (parsed.as_object().contains("decision")) replayed.push_back(redactor.text(line));
  }
  out.decisions = replayed.size();
  if (transport.failed()) {
    out.failure = transport.failure();
  } else if (out.failure.empty() && transport.used() < transport.recorded()) {
    const RecordedExchange& next = c.exchanges[transport.used()];
    out.failure = "the replay ended with " + std::to_string(transport.recorded() - transport.used()) +
                  " recorded exchanges not asked for; the next is exchange " + std::to_string(next.n) + ": " +
                  next.request.method + " " + next.request.url;
  }
  if (out.failure.empty()) {
    std::string diff = first_difference(c.decisions, replayed);
    if (!diff.empty()) out.failure = "the replay took other decisions than the recording: " + diff;
  }
  if (out.failure.empty() && clock.overrun()) {
    out.failure = "the engine read the clock more often than in the recording (" +
                  std::to_string(clock.readings_recorded()) + " readings recorded)";
  }
  out.same = out.failure.empty();
}

}  // namespace

ReplayOutcome replay_cassette(const Cassette& c, std::ostream* trace_out) {
  ReplayOutcome out;
  const CassetteHeader& h = c.header;
  Redactor redactor(h.redact_personal);
  MemoryStateStore store;
  try {
    restore_state(h.state, store);
  } catch (const std::exception& e) {
    out.failure = std::string("the cassette's starting state cannot be read: ") + e.what();
    return out;
  }
  ReplayClock clock(c.readings);
  ReplayTransport transport(c.exchanges, redactor);
  Trace trace(true);
  trace.write_to(trace_out);
  int secrets = 0;
  EngineEnv env{clock, transport, store, trace, h.seed, {},
                [&secrets] { return "replay-secret-" + std::to_string(++secrets); }};
  Engine engine(std::move(env), with_stand_ins(h.connection), h.settings);
  engine.start();
  if (h.mode == "import-products") engine.import_products();

  std::map<int64_t, const RecordedInbound*> inbound;
  int64_t last_inbound = 0;
  for (const auto& i : c.inbound) {
    inbound[i.callback] = &i;
    last_inbound = std::max(last_inbound, i.callback);
  }
  auto deliver = [&](int64_t callback) {
    auto it = inbound.find(callback);
    if (it == inbound.end()) return false;
    deliver_recorded(*it->second, engine, store, out);
    return true;
  };
  // Run the recorded number of callbacks; a cassette cut short runs until its exchanges and
  // webhooks are used.
  int64_t limit = c.callbacks.value_or(std::numeric_limits<int64_t>::max());
  while (clock.callbacks() < limit && !transport.failed() && out.failure.empty()) {
    if (!c.callbacks && transport.used() >= transport.recorded() && clock.callbacks() >= last_inbound) break;
    if (!clock.run_next(deliver)) break;
  }
  engine.stop();
  judge(c, transport, clock, trace, redactor, out);
  return out;
}

}  // namespace lpsync::live
