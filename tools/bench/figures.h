// The benchmark's figures: printed as a table for people and written as JSON for
// comparing commits.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace lpsync::bench {

struct Figure {
  std::string key;    // stable name in the JSON ("time_compression")
  std::string label;  // what it is, in words
  double value = 0;
  std::string unit;
  std::optional<double> goal;     // the number to beat, if the issue sets one
  bool at_most = false;           // the goal is an upper bound (else a lower bound)
  std::string detail;             // the figures behind it
  std::optional<bool> met() const {
    if (!goal) return std::nullopt;
    return at_most ? value <= *goal : value >= *goal;
  }
};

struct Figures {
  std::string date, machine, mode;
  std::vector<Figure> all;
  void add(Figure f) { all.push_back(std::move(f)); }
  void print(std::ostream& out) const;
  boost::json::object json() const;
};

}  // namespace lpsync::bench
