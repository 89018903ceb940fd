#include "tools/ops/alert_memory.h"

#include <boost/json.hpp>

#include "engine/env/json.h"

namespace lpsync::ops {

std::string alert_memory_json(const std::map<std::string, Instant>& sent) {
  boost::json::object o;
  for (const auto& [key, at] : sent) o[key] = format_iso8601(at);
  return json::serialize(o);
}

std::map<std::string, Instant> parse_alert_memory(const std::string& text) {
  std::map<std::string, Instant> out;
  try {
    boost::json::value v = json::parse(text);
    if (!v.is_object()) return out;
    for (const auto& [key, at] : v.as_object()) {
      if (!at.is_string()) continue;
      if (auto t = parse_iso8601(std::string(at.as_string()))) out[std::string(key)] = *t;
    }
  } catch (const std::exception&) {
    // Nothing remembered: the causes that still hold are alerted again.
  }
  return out;
}

}  // namespace lpsync::ops
