#include "tools/bench/figures.h"

#include <algorithm>

#include <cstdio>

namespace lpsync::bench {
namespace {

std::string number(double v) {
  char buf[64];
  if (v >= 1000) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string s = buf;
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
  }
  // Ratios (near their goals of 1.05 or 1.1) show three decimals; smaller values three digits.
  std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.3f" : "%.3g", v);
  return buf;
}

// `s` in a column of `n`; one longer than that still gets a space after it.
std::string pad(std::string s, size_t n) {
  s.resize(std::max(s.size() + 1, n), ' ');
  return s;
}

}  // namespace

void Figures::print(std::ostream& out) const {
  out << "lpsync bench (" << mode << "), " << date << ", " << machine << "\n\n";
  out << pad("figure", 52) << pad("value", 20) << "goal\n";
  for (const auto& f : all) {
    std::string goal;
    if (f.goal) {
      goal = std::string(f.at_most ? "<= " : ">= ") + number(*f.goal) + " " + f.unit;
      goal += *f.met() ? "  met" : "  MISSED";
    }
    out << pad(f.label, 52) << pad(number(f.value) + " " + f.unit, 20) << goal << "\n";
    if (!f.detail.empty()) out << "    " << f.detail << "\n";
  }
}

boost::json::object Figures::json() const {
  boost::json::array list;
  for (const auto& f : all) {
    boost::json::object o{{"key", f.key}, {"label", f.label}, {"value", f.value}, {"unit", f.unit}, {"detail", f.detail}};
    if (f.goal) {
      o["goal"] = *f.goal;
      o["goal_is"] = f.at_most ? "at_most" : "at_least";
      o["met"] = *f.met();
    }
    list.push_back(std::move(o));
  }
  return {{"date", date}, {"machine", machine}, {"mode", mode}, {"figures", std::move(list)}};
}

}  // namespace lpsync::bench
