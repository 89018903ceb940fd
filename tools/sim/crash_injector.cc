#include "tools/sim/crash_injector.h"

namespace lpsync::sim {

std::string_view to_string(CrashMoment m) {
  return m == CrashMoment::before_response ? "before_response" : "after_response";
}

void CrashInjector::arm(int64_t request, CrashMoment moment) { armed_[request] = moment; }

TransportResult CrashInjector::send(const Request& request) {
  if (due_) throw take_due();  // the answer was applied; nothing more reaches the world
  ++requests_;
  TransportResult result = inner_.send(request);
  if (auto it = armed_.find(requests_); it != armed_.end()) {
    SimulatedCrash crash{it->first, it->second};
    armed_.erase(it);
    if (crash.moment == CrashMoment::before_response) {
      ++fired_;
      throw crash;
    }
    due_ = crash;
  }
  return result;
}

SimulatedCrash CrashInjector::take_due() {
  SimulatedCrash crash = *due_;
  due_.reset();
  ++fired_;
  return crash;
}

}  // namespace lpsync::sim
