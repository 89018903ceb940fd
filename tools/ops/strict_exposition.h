// Test equipment: a strict reader of the Prometheus text exposition format 0.0.4, for the
// tests of /metrics. Every line is a HELP, a TYPE or a sample; names and labels follow the
// format's grammar, label values its escaping; a family's HELP and TYPE come once and before
// its samples; no series appears twice; counters, and only counters, end in _total. Throws
// std::runtime_error naming the line on anything else.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace lpsync::ops::testing {

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> help, type;
  std::vector<Sample> samples;
};

Exposition parse_strictly(const std::string& text);
// The value of one series; throws when there is none.
double value_of(const Exposition& e, const std::string& name, std::map<std::string, std::string> labels = {});

}  // namespace lpsync::ops::testing
