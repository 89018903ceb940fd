// The engine's trace: one JSON object per HTTP exchange and per decision, in order. It
// feeds `--trace FILE`, the determinism check (two runs must give the same lines) and the
// report. Lines never hold credentials: exchanges record method, target and status only.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/env/time.h"

namespace lpsync {

class Trace {
 public:
  // Keeps every line in memory when `keep` (for comparisons); otherwise only the hash.
  explicit Trace(bool keep = false) : keep_(keep) {}

  // Also write each line to `out` (nullptr: nowhere).
  void write_to(std::ostream* out) { out_ = out; }
  // Also hand each line, as JSON, to `observer` (e.g. the demo's narrator).
  void observe(std::function<void(const boost::json::object&)> observer) { observer_ = std::move(observer); }

  void exchange(Instant at, std::string_view api, std::string_view method, std::string_view target,
                int status, std::string_view error = "");
  void decision(Instant at, std::string_view what, boost::json::object fields);

  uint64_t hash() const { return hash_; }
  size_t size() const { return count_; }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  void add(const boost::json::object& line);

  bool keep_;
  std::ostream* out_ = nullptr;
  std::function<void(const boost::json::object&)> observer_;
  uint64_t hash_ = 14695981039346656037ULL;
  size_t count_ = 0;
  std::vector<std::string> lines_;
};

}  // namespace lpsync
