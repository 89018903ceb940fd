#include "engine/trace/trace.h"

#include "engine/env/random.h"

namespace lpsync {

void Trace::exchange(Instant at, std::string_view api, std::string_view method, std::string_view target,
                     int status, std::string_view error) {
  boost::json::object line;
  line["t"] = format_iso8601(at);
  line["http"] = api;
  line["method"] = method;
  line["target"] = target;
  if (error.empty()) {
    line["status"] = status;
  } else {
    line["error"] = error;
  }
  add(line);
}

void Trace::decision(Instant at, std::string_view what, boost::json::object fields) {
  boost::json::object line;
  line["t"] = format_iso8601(at);
  line["decision"] = what;
  for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
  add(line);
}

void Trace::add(const boost::json::object& line) {
  std::string text = boost::json::serialize(line);
  hash_ = stable_hash(text, hash_);
  hash_ = stable_hash("\n", hash_);
  ++count_;
  if (out_) *out_ << text << '\n';
  if (observer_) observer_(line);
  if (keep_) lines_.push_back(std::move(text));
}

}  // namespace lpsync
