// The commands of the stateful property test (RapidCheck rc::state): each one is
// something that happens in the world (a customer orders, the shop changes an order, a
// SKU is fixed, stock is counted, time passes, the merchant changes settings, the engine
// crashes or is down, an API misbehaves). Each appends its event to the history's
// timeline; the history is run as a scenario afterwards.
#pragma once

#include <rapidcheck/state.h>

#include "tools/properties/history.h"

namespace lpsync::properties {

struct NoSut {};
using Command = rc::state::Command<History, NoSut>;

struct PlaceOrder;
struct UpdateOrder;
struct FixSku;
struct SetStock;
struct ShipOrder;
struct PassTime;
struct ChangeSettings;
struct CrashEngine;
struct EngineDown;
struct InjectFault;
struct LoseAnswer;
struct ImportProducts;


// Command sequences valid for the history; `with_faults` adds API faults to the mix.
rc::Gen<rc::state::Commands<Command>> gen_commands(const History& start, bool with_faults);

}  // namespace lpsync::properties
