// The check the crash-point tests share: every crash point of a crash scenario, on the stores
// `make` gives, ends like the crash-free run with nothing done twice.
#pragma once

#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "tests/crash/crash_run.h"

namespace lpsync::crash {

inline void expect_every_crash_point_recovers(const std::string& name, const StoreMaker& make,
                                              const std::string& store_name) {
  scenario::Scenario s = load_crash_scenario(name);
  SweepResult r = sweep_on(s, make);
  EXPECT_GT(r.steps, 20) << "the scenario should exercise the engine";
  EXPECT_EQ(r.points_checked, 2 * r.steps);
  for (const auto& f : r.failures) ADD_FAILURE() << f;
  std::cout << name << " on " << store_name << ": " << r.points_checked << " crash points checked (" << r.steps
            << " steps x 2 moments)\n";
  ::testing::Test::RecordProperty(name + "_" + store_name + "_crash_points", static_cast<int>(r.points_checked));
}

}  // namespace lpsync::crash
