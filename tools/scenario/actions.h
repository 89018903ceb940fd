// Timeline events: an instant and exactly one action with typed arguments. Times are
// absolute here; the parser resolves offsets such as "+90s" against the scenario's start.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "engine/env/time.h"
#include "fakes/common/fault_plan.h"
#include "tools/scenario/lightspeed_objects.h"
#include "tools/scenario/picqer_objects.h"
#include "tools/scenario/settings_patch.h"

namespace lpsync::scenario {

// lightspeed.order.create: a customer places an order.
struct CreateLightspeedOrder { LightspeedOrder order; bool operator==(const CreateLightspeedOrder&) const = default; };
// lightspeed.order.update: the shop changes an order (the runner sets updatedAt to now).
struct UpdateLightspeedOrder { OrderPatch changes; bool operator==(const UpdateLightspeedOrder&) const = default; };
// lightspeed.variant.update: e.g. a SKU is corrected.
struct UpdateLightspeedVariant { VariantPatch changes; bool operator==(const UpdateLightspeedVariant&) const = default; };
// lightspeed.product.create
struct CreateLightspeedProduct { LightspeedProduct product; bool operator==(const CreateLightspeedProduct&) const = default; };

// picqer.stock.set: stock counted or delivered.
struct SetPicqerStock {
  std::string productcode;
  int64_t idwarehouse = 0;
  int64_t amount = 0;
  bool operator==(const SetPicqerStock&) const = default;
};
// picqer.product.create
struct CreatePicqerProduct { PicqerProduct product; bool operator==(const CreatePicqerProduct&) const = default; };
// picqer.order.ship: picklist closed, shipment created, webhooks sent.
struct ShipPicqerOrder {
  std::string reference, trackingcode;
  std::optional<std::string> carrier;
  bool operator==(const ShipPicqerOrder&) const = default;
};
// picqer.shipment.cancel: the warehouse cancels the order's latest shipment.
struct CancelPicqerShipment {
  std::string reference;
  bool operator==(const CancelPicqerShipment&) const = default;
};
// picqer.order.pick: the order's open picklists are closed (picked), no shipment yet.
struct PickPicqerOrder {
  std::string reference;
  bool operator==(const PickPicqerOrder&) const = default;
};

// engine.settings: the merchant changes some settings.
struct ChangeSettings { SettingsPatch changes; bool operator==(const ChangeSettings&) const = default; };
struct Activate { bool operator==(const Activate&) const = default; };            // engine.activate
struct ImportProducts { bool operator==(const ImportProducts&) const = default; };  // engine.import_products
// engine.import_order: a person asks for one order (by its number) to be imported now.
struct ImportOrder {
  std::string number;
  bool operator==(const ImportOrder&) const = default;
};
struct Crash { bool operator==(const Crash&) const = default; };                  // engine.crash
// engine.down: not running for `duration`, then starts.
struct GoDown { Duration duration; bool operator==(const GoDown&) const = default; };

enum class System { lightspeed, picqer };
std::string_view to_string(System s);

// fault: the next `count` matching requests, or every matching one for `duration`. `match` is
// a request pattern ("PUT /variants/*"), or for webhook kinds an event-name glob
// ("orders/*"); "" matches everything.
struct InjectFault {
  System target = System::lightspeed;
  fakes::FaultKind kind = fakes::FaultKind::http_500;
  std::optional<int64_t> count;
  std::optional<Duration> duration;
  std::string match;
  bool operator==(const InjectFault&) const = default;
};

using Action = std::variant<CreateLightspeedOrder, UpdateLightspeedOrder, UpdateLightspeedVariant,
                            CreateLightspeedProduct, SetPicqerStock, CreatePicqerProduct, ShipPicqerOrder,
                            CancelPicqerShipment, PickPicqerOrder, ChangeSettings, Activate, ImportProducts,
                            ImportOrder, Crash, GoDown, InjectFault>;

// The action keys of the file format, in the order of the Action alternatives.
inline constexpr std::array<std::string_view, std::variant_size_v<Action>> kActionNames = {
    "lightspeed.order.create", "lightspeed.order.update", "lightspeed.variant.update",
    "lightspeed.product.create", "picqer.stock.set",       "picqer.product.create",
    "picqer.order.ship",       "picqer.shipment.cancel",  "picqer.order.pick",
    "engine.settings",         "engine.activate",         "engine.import_products",
    "engine.import_order",     "engine.crash",            "engine.down",
    "fault"};

inline std::string_view action_name(const Action& a) { return kActionNames[a.index()]; }

struct Event {
  Instant at;
  Action action;
  bool operator==(const Event&) const = default;
};

}  // namespace lpsync::scenario
