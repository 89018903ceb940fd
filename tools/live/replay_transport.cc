#include "tools/live/replay_transport.h"

#include "tools/live/request_diff.h"

namespace lpsync::live {

TransportResult ReplayTransport::send(const Request& request) {
  if (failed()) return TransportError{TransportErrorKind::refused, "the replay already failed"};
  Request sent = redactor_.request(request);
  if (next_ < exchanges_.size() && same_request(exchanges_[next_].request, sent)) {
    const RecordedExchange& e = exchanges_[next_++];
    if (e.response) return *e.response;
    return *e.error;
  }
  fail(sent);
  return TransportError{TransportErrorKind::refused, "the replay stopped: an unexpected request"};
}

void ReplayTransport::fail(const Request& sent) {
  std::string out = "the engine sent a request the recording does not have next:\n  sent:     " + sent.method +
                    " " + sent.url + "\n";
  if (next_ < exchanges_.size()) {
    const RecordedExchange& expected = exchanges_[next_];
    out += "  expected: " + expected.request.method + " " + expected.request.url + "  (exchange " +
           std::to_string(expected.n) + ")\n";
  } else {
    out += "  expected: nothing (all " + std::to_string(exchanges_.size()) + " recorded exchanges were used)\n";
  }
  const RecordedExchange* closest = nullptr;
  size_t best = 0;
  for (const auto& e : exchanges_) {
    size_t d = request_distance(e.request, sent);
    if (!closest || d < best) closest = &e, best = d;
  }
  if (closest) {
    out += "closest recorded request: exchange " + std::to_string(closest->n) + ", " + closest->request.method + " " +
           closest->request.url + "\ndiff (- recorded, + sent):\n" + describe_difference(closest->request, sent);
  }
  failure_ = out;
}

}  // namespace lpsync::live
