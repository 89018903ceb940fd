#include "tools/bench/worker_child.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "engine/env/stopwatch.h"

extern char** environ;

namespace lpsync::bench {

std::string self_binary() {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) throw std::runtime_error("cannot read /proc/self/exe");
  return std::string(path, static_cast<size_t>(n));
}

WorkerChild::WorkerChild(const std::string& binary, const std::vector<std::string>& args, std::string log_file)
    : log_file_(std::move(log_file)) {
  std::vector<std::string> all = {binary, "worker"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, log_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + binary + " worker");
}

WorkerChild::~WorkerChild() {
  if (!reaped_) kill_now();
}

bool WorkerChild::running() {
  if (reaped_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

void WorkerChild::kill_now() {
  if (reaped_) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  reaped_ = true;
}

bool WorkerChild::stop(double seconds) {
  if (!reaped_) kill(pid_, SIGTERM);
  return wait_until([this] { return !running(); }, seconds);
}

double WorkerChild::cpu_seconds() const {
  if (reaped_) return 0;
  std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The fields after the command name (in parentheses, which may hold spaces): utime and
  // stime are the 12th and 13th of them.
  size_t close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 1; i <= 13 && fields >> field; ++i) {
    if (i >= 12) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
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

bool wait_until(const std::function<bool()>& done, double seconds) {
  Stopwatch watch;
  while (watch.seconds() < seconds) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

}  // namespace lpsync::bench
