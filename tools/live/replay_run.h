// Replays a cassette: the engine of the recorded run, with the recorded settings, seed and
// starting state, on a ReplayClock (the recorded clock readings) and a ReplayTransport (the
// recorded answers, strictly), with the recorded webhooks delivered at the callbacks where
// they arrived. The replay passes when every recorded exchange was asked for, in order, and
// the engine's decisions (its trace's decision lines) are the recorded ones.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tools/live/cassette.h"

namespace lpsync::live {

struct ReplayOutcome {
  bool same = false;
  std::string failure;  // what differs, for a person
  size_t exchanges = 0, decisions = 0, inbound = 0;
  std::vector<std::string> trace;  // the replay's trace lines
};

ReplayOutcome replay_cassette(const Cassette& cassette, std::ostream* trace_out = nullptr);

}  // namespace lpsync::live
