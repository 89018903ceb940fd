// A scenario file of format 1 (spec/scenario-format.md) as plain values: the starting state
// of a shop and a Picqer account, settings, a timeline, when to stop and what must hold.
// Every time is an absolute Instant; parse_scenario (scenario_parser.h) builds one from a
// file and write_scenario (scenario_writer.h) turns one back into a file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/time.h"
#include "engine/rules/settings.h"
#include "tools/scenario/actions.h"
#include "tools/scenario/expectations.h"
#include "tools/scenario/lightspeed_objects.h"
#include "tools/scenario/picqer_objects.h"
#include "tools/scenario/settings_patch.h"

namespace lpsync::scenario {

inline constexpr std::string_view kFormat = "lpsync-scenario/1";

struct LightspeedState {
  std::string language;  // the shop's language; empty: "en"
  std::string cluster;   // "eu1" or "us1"; empty: "eu1"
  std::vector<LightspeedProduct> products;
  std::vector<LightspeedOrder> orders;
  bool operator==(const LightspeedState&) const = default;
};

struct PicqerState {
  std::vector<PicqerWarehouse> warehouses = default_warehouses();
  std::vector<PicqerProduct> products;
  std::vector<PicqerOrder> orders;
  std::vector<PicqerVatGroup> vatgroups;  // empty: the fake's default groups
  bool operator==(const PicqerState&) const = default;
};

struct Scenario {
  std::string name;  // a slug: lower-case letters, digits, '-' and '_'
  std::string description;
  uint64_t seed = 0;
  Instant start;
  SettingsPatch settings;  // the keys the file gives; see start_settings()
  std::vector<std::string> quirks;  // quirk modes of the fakes (fakes/common/quirks.h), file order
  LightspeedState lightspeed;
  PicqerState picqer;
  std::vector<Event> timeline;  // in file order; see in_time_order()
  Instant run_until;
  Expectations expect;

  // The settings the engine starts with: scenario_default_settings() plus `settings`.
  Settings start_settings() const;

  bool operator==(const Scenario&) const = default;
};

// The positions of `timeline`'s events in the order they apply: by time, ties in file order.
std::vector<size_t> time_order(const std::vector<Event>& timeline);
// The events themselves in that order.
std::vector<Event> in_time_order(const std::vector<Event>& timeline);

}  // namespace lpsync::scenario
