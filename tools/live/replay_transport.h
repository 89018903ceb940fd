// The transport of a replay: it answers each request of the engine with the recorded answer
// of the next recorded exchange, strictly. The request must be that exchange's request
// (method, URL and body, after the same redaction as the recording); anything else stops the
// replay with the closest recorded request and a diff, and the engine gets a refused
// connection, so nothing it does after that counts.
#pragma once

#include <string>
#include <vector>

#include "engine/env/http.h"
#include "tools/live/cassette.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

class ReplayTransport final : public Transport {
 public:
  ReplayTransport(const std::vector<RecordedExchange>& exchanges, const Redactor& redactor)
      : exchanges_(exchanges), redactor_(redactor) {}

  TransportResult send(const Request& request) override;

  bool failed() const { return !failure_.empty(); }
  // What went wrong, for a person: the request, what was expected, the closest, the diff.
  const std::string& failure() const { return failure_; }
  size_t used() const { return next_; }
  size_t recorded() const { return exchanges_.size(); }

 private:
  void fail(const Request& sent);

  const std::vector<RecordedExchange>& exchanges_;
  const Redactor& redactor_;
  size_t next_ = 0;
  std::string failure_;
};

}  // namespace lpsync::live
