#include "tools/scenario/scenario.h"

#include <algorithm>
#include <numeric>

namespace lpsync::scenario {

std::string_view to_string(System s) { return s == System::lightspeed ? "lightspeed" : "picqer"; }

Settings Scenario::start_settings() const {
  Settings s = scenario_default_settings();
  apply(settings, s);
  return s;
}

std::vector<size_t> time_order(const std::vector<Event>& timeline) {
  std::vector<size_t> order(timeline.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return timeline[a].at < timeline[b].at; });
  return order;
}

std::vector<Event> in_time_order(const std::vector<Event>& timeline) {
  std::vector<Event> out;
  out.reserve(timeline.size());
  for (size_t i : time_order(timeline)) out.push_back(timeline[i]);
  return out;
}

}  // namespace lpsync::scenario
