// Puts a scenario's initial state into the fakes and turns its timeline events into
// actions on the world (shop and warehouse actions, merchant actions, engine crashes and
// downtime, fault rules).
#pragma once

#include <string>
#include <vector>

#include "tools/scenario/scenario.h"
#include "tools/sim/world.h"

namespace lpsync::scenario {

// Adds the initial state; each action the fakes refuse adds a message to `errors`.
void set_up_world(const Scenario& s, sim::World& world, std::vector<std::string>& errors);
// The same for two fakes outside a simulated world (lpsync serve-fakes).
void add_initial_state(const Scenario& s, fakes::lightspeed::LightspeedFake& lightspeed,
                       fakes::picqer::PicqerFake& picqer, std::vector<std::string>& errors);
// Turns on the scenario's quirk modes in the fakes' configurations (before they are made).
void apply_quirks(const std::vector<std::string>& quirks, fakes::lightspeed::LightspeedConfig& lightspeed,
                  fakes::picqer::PicqerConfig& picqer);
// The scenario's `picqer.vatgroups`, when given, replace the fake's default groups.
void apply_vatgroups(const PicqerState& state, fakes::picqer::PicqerConfig& picqer);
// Applies one timeline event now.
void apply_event(const Event& e, sim::World& world, std::vector<std::string>& errors);

}  // namespace lpsync::scenario
