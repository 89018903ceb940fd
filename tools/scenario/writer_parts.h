// The pieces scenario_writer.cc assembles: each part of the model as a Boost.JSON value in
// the file's own key order. Times other than `start` are written as offsets from start.
#pragma once

#include <boost/json.hpp>

#include "tools/scenario/scenario.h"

namespace lpsync::scenario {

namespace bj = boost::json;

// "+90s", "-13h", "+0s": t relative to start, in the shortest exact unit.
bj::value time_value(Instant t, Instant start);

bj::object variant_patch_value(const VariantPatch& p);
bj::object order_patch_value(const OrderPatch& p, Instant start);
bj::object lightspeed_product_value(const LightspeedProduct& p);
bj::object lightspeed_order_value(const LightspeedOrder& o, Instant start);
bj::object lightspeed_state_value(const LightspeedState& s, Instant start);

bj::object stock_value(const StockMap& stock);
bj::array picqer_lines_value(const std::vector<PicqerOrderLine>& lines);
bj::object picqer_product_value(const PicqerProduct& p);
bj::object picqer_state_value(const PicqerState& s);

bj::object settings_value(const SettingsPatch& p);
bj::object event_value(const Event& e, Instant start);
bj::object expectations_value(const Expectations& e, Instant start);

}  // namespace lpsync::scenario
