// Crash injection for crash-point tests (tests/crash/): the engine's transport counts every
// HTTP exchange the engine makes and, armed for exchange k, kills the engine there:
//   before_response: the request reaches the API and is applied, then the engine dies
//                    without seeing the answer (SimulatedCrash thrown out of send());
//   after_response:  the engine gets the answer and applies it (stores what it learned),
//                    then dies before anything else reaches the world: at its next request
//                    (thrown out of send() before forwarding) or when the clock callback it
//                    runs in returns (World checks crash_due()), whichever comes first.
// World catches SimulatedCrash where it drives the clock, destroys the engine and starts a
// new one on the same durable state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

#include "engine/env/http.h"

namespace lpsync::sim {

enum class CrashMoment { before_response, after_response };
std::string_view to_string(CrashMoment m);

// Thrown through the engine's stack. Deliberately not a std::exception, so no handler in
// the engine can mistake it for an error it handles.
struct SimulatedCrash {
  int64_t request = 0;
  CrashMoment moment = CrashMoment::before_response;
};

class CrashInjector final : public Transport {
 public:
  explicit CrashInjector(Transport& inner) : inner_(inner) {}

  // Crashes the engine at its `request`-th exchange (counted from 1 over the whole run,
  // across restarts). Several crash points may be armed; one per exchange.
  void arm(int64_t request, CrashMoment moment);
  TransportResult send(const Request& request) override;

  // An after_response crash whose answer has been handed over: the engine must die now.
  bool crash_due() const { return due_.has_value(); }
  // Takes the due crash (World calls this when it performs it).
  SimulatedCrash take_due();

  int64_t requests() const { return requests_; }
  // Crashes performed so far.
  int64_t fired() const { return fired_; }

 private:
  Transport& inner_;
  int64_t requests_ = 0;
  std::map<int64_t, CrashMoment> armed_;  // by exchange
  std::optional<SimulatedCrash> due_;
  int64_t fired_ = 0;
};

}  // namespace lpsync::sim
