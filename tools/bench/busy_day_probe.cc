#include <fstream>
#include <iostream>

#include "tools/bench/busy_day.h"
#include "tools/scenario/runner.h"

int main(int argc, char** argv) {
  lpsync::bench::BusyDaySize size;
  if (argc > 1) size.orders = std::atoi(argv[1]);
  if (argc > 2) size.stock_changes = std::atoi(argv[2]);
  if (argc > 3) size.products = std::atoi(argv[3]);
  auto s = lpsync::bench::busy_day(size);
  lpsync::scenario::RunOptions o;
  std::ofstream trace;
  if (argc > 4) {
    trace.open(argv[4]);
    o.trace_out = &trace;
  }
  auto r = lpsync::scenario::run_scenario(s, o);
  std::cout << r.summary() << "\n";
  for (auto& e : r.errors) std::cout << e << "\n";
}
