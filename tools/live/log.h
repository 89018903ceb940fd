// lpsync's log on stderr: one JSON object per line ({"time","level","event", ids...}), or,
// when stderr is a terminal, one readable line per event. Times come from the wall clock the
// caller gives (the engine's own readings stay the engine's). Every line passes through the
// redactor, so a secret cannot reach the log even by mistake. Thread-safe.
#pragma once

#include <boost/json.hpp>

#include <mutex>
#include <ostream>
#include <string_view>

#include "engine/env/clock.h"
#include "tools/live/redactor.h"

namespace lpsync::live {

enum class LogLevel { debug, info, warn, error };
std::string_view to_string(LogLevel level);

class Log {
 public:
  Log(std::ostream& out, bool human, Clock& wall, const Redactor& redactor)
      : out_(out), human_(human), wall_(wall), redactor_(redactor) {}

  void write(LogLevel level, std::string_view event, boost::json::object fields = {});
  void info(std::string_view event, boost::json::object fields = {}) { write(LogLevel::info, event, std::move(fields)); }
  void warn(std::string_view event, boost::json::object fields = {}) { write(LogLevel::warn, event, std::move(fields)); }
  void error(std::string_view event, boost::json::object fields = {}) { write(LogLevel::error, event, std::move(fields)); }
  // A line of the engine's trace: decisions become events (HTTP exchanges only with `verbose`).
  void trace_line(const boost::json::object& line);
  void set_verbose(bool v) { verbose_ = v; }

 private:
  std::ostream& out_;
  bool human_;
  Clock& wall_;
  const Redactor& redactor_;
  bool verbose_ = false;
  std::mutex mu_;
};

// True when `err` is the process's stderr and that is a terminal.
bool is_terminal(const std::ostream& err);

}  // namespace lpsync::live
