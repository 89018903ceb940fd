#include "tools/live/log.h"

#include <unistd.h>

#include <iostream>

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

LogLevel level_of_decision(std::string_view what) {
  if (what == "order_poll_failed") return LogLevel::error;
  if (what == "order_poll_interrupted" || what == "write_refused" || what == "engine_stopped") return LogLevel::warn;
  return LogLevel::info;
}

std::string human_value(const bj::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return json::serialize(v);
}

}  // namespace

std::string_view to_string(LogLevel level) {
  switch (level) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warn: return "warn";
    case LogLevel::error: return "error";
  }
  return "info";
}

bool is_terminal(const std::ostream& err) { return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1; }

void Log::write(LogLevel level, std::string_view event, bj::object fields) {
  if (level == LogLevel::debug && !verbose_) return;
  Instant t = wall_.now();
  std::string line;
  if (human_) {
    std::string when = format_iso8601(t);
    line = when.substr(0, std::min<size_t>(when.size(), 19)).replace(10, 1, " ") + " " +
           std::string(to_string(level)) + " " + std::string(event);
    for (const auto& kv : fields) line += " " + std::string(kv.key()) + "=" + human_value(kv.value());
  } else {
    bj::object o;
    o["time"] = format_iso8601(t);
    o["level"] = to_string(level);
    o["event"] = event;
    for (const auto& kv : fields) {
      // A field named like the line's own keys (a hook's "event") keeps its value under
      // another name.
      std::string key(kv.key());
      if (key == "time" || key == "level" || key == "event") key = key == "event" ? "hook_event" : "field_" + key;
      o[key] = kv.value();
    }
    line = json::serialize(o);
  }
  line = redactor_.text(line);
  std::lock_guard lock(mu_);
  out_ << line << '\n';
  out_.flush();
}

void Log::trace_line(const bj::object& line) {
  bj::object fields = line;
  fields.erase("t");
  if (auto d = line.if_contains("decision")) {
    std::string what(d->as_string());
    fields.erase("decision");
    write(level_of_decision(what), what, std::move(fields));
  } else if (verbose_) {
    write(LogLevel::debug, "http", std::move(fields));
  }
}

}  // namespace lpsync::live
