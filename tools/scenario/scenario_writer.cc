#include "tools/scenario/scenario_writer.h"

#include "tools/scenario/json_layout.h"
#include "tools/scenario/writer_parts.h"

namespace lpsync::scenario {

std::string write_scenario(const Scenario& s) {
  bj::object o;
  o["format"] = kFormat;
  o["name"] = s.name;
  if (!s.description.empty()) o["description"] = s.description;
  if (s.seed != 0) o["seed"] = s.seed;
  o["start"] = format_iso8601(s.start);
  if (s.settings != SettingsPatch{}) o["settings"] = settings_value(s.settings);
  if (!s.quirks.empty()) {
    bj::array quirks;
    for (const auto& q : s.quirks) quirks.emplace_back(q);
    o["quirks"] = std::move(quirks);
  }
  if (bj::object shop = lightspeed_state_value(s.lightspeed, s.start); !shop.empty()) o["lightspeed"] = std::move(shop);
  if (bj::object account = picqer_state_value(s.picqer); !account.empty()) o["picqer"] = std::move(account);
  if (!s.timeline.empty()) {
    bj::array timeline;
    for (const Event& e : s.timeline) timeline.push_back(event_value(e, s.start));
    o["timeline"] = std::move(timeline);
  }
  o["run_until"] = time_value(s.run_until, s.start);
  o["expect"] = expectations_value(s.expect, s.start);
  return layout_json(o);
}

}  // namespace lpsync::scenario
