// The engine's state as JSON, without secrets, and back: a cassette starts with the state the
// recorded run started from, so its replay starts there too. copy_state() copies a store
// into another in one commit, every named value included (plan works on a copy in memory, so
// it writes nothing; migrate-state copies SQLite into PostgreSQL).
#pragma once

#include <boost/json.hpp>

#include "engine/state/state_store.h"

namespace lpsync::live {

// The named values the engine keeps that a snapshot mentions (by name only: they are secrets).
inline constexpr const char* kEngineSecretValues[] = {"picqer.hook_secret"};

boost::json::object state_snapshot(const StateStore& store);
// Into an empty store; a secret value named in the snapshot gets a stand-in value
// ("replay-stand-in:NAME"). Throws json::Error on a malformed snapshot.
void restore_state(const boost::json::object& snapshot, StateStore& into);
void copy_state(const StateStore& from, StateStore& into);

}  // namespace lpsync::live
