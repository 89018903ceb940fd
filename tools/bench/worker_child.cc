#include "tools/bench/worker_child.h"

#include <signal.h>

#include <boost/json.hpp>
#include <fstream>

namespace lpsync::bench {

namespace {

process::ChildOptions worker_options(const std::string& binary, const std::string& log_file) {
  process::ChildOptions o;
  o.binary = binary;
  o.err_file = log_file;
  return o;
}

std::vector<std::string> worker_args(const std::vector<std::string>& args) {
  std::vector<std::string> all{"worker"};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

}  // namespace

WorkerChild::WorkerChild(const std::string& binary, const std::vector<std::string>& args, std::string log_file)
    : log_file_(std::move(log_file)), child_(worker_options(binary, log_file_), worker_args(args)) {}

bool WorkerChild::stop(double seconds) {
  child_.signal(SIGTERM);
  return child_.wait(seconds).has_value();
}

void WorkerChild::read_log() {
  std::ifstream log(log_file_);
  log.seekg(offset_);
  std::string chunk((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  offset_ += static_cast<std::streamoff>(chunk.size());
  partial_ += chunk;
  size_t begin = 0;
  for (size_t end; (end = partial_.find('\n', begin)) != std::string::npos; begin = end + 1) {
    boost::system::error_code ec;
    boost::json::value line = boost::json::parse(std::string_view(partial_).substr(begin, end - begin), ec);
    if (ec || !line.is_object()) continue;
    const auto& o = line.as_object();
    const auto* event = o.if_contains("event");
    if (!event || !event->is_string()) continue;
    std::string name(event->as_string());
    ++events_[name];
    const auto* id = o.if_contains("connection");
    if (name == "connection_started" && id && id->is_int64()) started_.insert(id->as_int64());
  }
  partial_.erase(0, begin);
}

int64_t WorkerChild::count(const std::string& event) const {
  auto it = events_.find(event);
  return it == events_.end() ? 0 : it->second;
}

}  // namespace lpsync::bench
