#include "engine/env/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <map>

namespace lpsync::detail {
namespace {

thread_local Connection* current_connection = nullptr;

int ms_until(Steady::time_point t) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(t - Steady::now()).count();
  return static_cast<int>(std::clamp<int64_t>(left, 0, 1 << 30));
}

// A socket read through a small buffer (httplib reads the head a byte at a time), every
// read bounded by the connection's request deadline, every write by the write timeout.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(Connection& c, std::chrono::milliseconds write_timeout) : c_(c), write_timeout_(write_timeout) {}
  void set_deadline(Steady::time_point t) { deadline_ = t; }
  // Whether a byte (or EOF) is there before the deadline.
  bool wait_readable() const {
    if (pos_ < end_) return true;
    pollfd p{c_.fd, POLLIN, 0};
    int n;
    do n = ::poll(&p, 1, ms_until(deadline_));
    while (n < 0 && errno == EINTR);
    if (n == 0) c_.timed_out = true;
    return n > 0;
  }
  bool is_readable() const override { return wait_readable(); }
  bool is_writable() const override {
    pollfd p{c_.fd, POLLOUT, 0};
    int n;
    do n = ::poll(&p, 1, static_cast<int>(write_timeout_.count()));
    while (n < 0 && errno == EINTR);
    return n > 0 && !(p.revents & (POLLERR | POLLHUP));
  }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == end_) {
      if (!wait_readable()) return -1;
      ssize_t n;
      do n = ::recv(c_.fd, buf_, sizeof buf_, 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      pos_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t take = std::min(size, end_ - pos_);
    std::copy(buf_ + pos_, buf_ + pos_ + take, ptr);
    pos_ += take;
    return static_cast<ssize_t>(take);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(c_.fd, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(false, ip, port); }
  socket_t socket() const override { return c_.fd; }

  static void address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(fd, sa, &len) : ::getsockname(fd, sa, &len)) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* in = reinterpret_cast<sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
      port = ntohs(in->sin6_port);
    }
    ip = text;
  }

 private:
  void address_of(bool peer, std::string& ip, int& port) const { address_of(c_.fd, peer, ip, port); }

  Connection& c_;
  std::chrono::milliseconds write_timeout_;
  Steady::time_point deadline_ = Steady::now();
  char buf_[4096];
  size_t pos_ = 0, end_ = 0;
};

constexpr int kMaxRequestsPerConnection = 100;

}  // namespace

bool ConnectionTable::admit(Connection& c) {
  std::lock_guard lock(mu_);
  if (stopping_) return false;
  size_t of_client = std::count_if(open_.begin(), open_.end(), [&](Connection* o) { return o->client == c.client; });
  if (of_client >= static_cast<size_t>(limits_.max_per_client)) {
    Connection* victim = oldest_idle(c.client);
    if (!victim) return false;
    evict(*victim);
  }
  if (open_.size() >= static_cast<size_t>(limits_.max_connections)) {
    Connection* victim = oldest_idle("");
    if (!victim) return false;
    evict(*victim);
  }
  open_.push_back(&c);
  return true;
}

Connection* ConnectionTable::oldest_idle(const std::string& client) {
  Connection* oldest = nullptr;
  for (Connection* o : open_) {
    if (o->busy || (!client.empty() && o->client != client)) continue;
    if (!oldest || o->since < oldest->since) oldest = o;
  }
  return oldest;
}

void ConnectionTable::evict(Connection& c) {
  // Its own thread sees the end of its stream at once, closes the socket and releases it.
  ::shutdown(c.fd, SHUT_RDWR);
  open_.remove(&c);
}

void ConnectionTable::release(Connection& c) {
  std::lock_guard lock(mu_);
  open_.remove(&c);
}

void ConnectionTable::set_busy(Connection& c, bool busy) {
  std::lock_guard lock(mu_);
  c.busy = busy;
  if (!busy) c.since = Steady::now();
}

void ConnectionTable::stop_all() {
  std::lock_guard lock(mu_);
  stopping_ = true;
  for (Connection* c : open_) ::shutdown(c->fd, SHUT_RDWR);
}

bool ConnectionTable::stopping() const {
  std::lock_guard lock(mu_);
  return stopping_;
}

void ConnectionThreads::enqueue(std::function<void()> fn) {
  std::lock_guard lock(mu_);
  reap_finished();
  if (running_ >= max_threads_) {
    queue_.push_back(std::move(fn));
    return;
  }
  ++running_;
  threads_.emplace_back([this, fn = std::move(fn)]() mutable { work(std::move(fn)); });
}

void ConnectionThreads::work(std::function<void()> fn) {
  while (true) {
    fn();
    std::lock_guard lock(mu_);
    if (queue_.empty()) {
      --running_;
      finished_.push_back(std::this_thread::get_id());
      idle_.notify_all();
      return;
    }
    fn = std::move(queue_.front());
    queue_.pop_front();
  }
}

void ConnectionThreads::reap_finished() {
  for (auto id : finished_) {
    auto t = std::find_if(threads_.begin(), threads_.end(), [&](const std::thread& x) { return x.get_id() == id; });
    assert(t != threads_.end());
    t->join();  // it has returned from work() or is about to
    threads_.erase(t);
  }
  finished_.clear();
}

void ConnectionThreads::shutdown() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return running_ == 0; });
  assert(queue_.empty());
  reap_finished();
  assert(threads_.empty());
}

GuardedServer::GuardedServer(const HttpLimits& limits, std::function<std::string()> refusal)
    : limits_(limits), refusal_(std::move(refusal)), table_(limits) {
  size_t threads = static_cast<size_t>(limits.max_connections) + 16;  // room to refuse the overflow
  new_task_queue = [threads] { return new ConnectionThreads(threads); };
}

void GuardedServer::widen_listen_queue() {
  constexpr int kListenQueue = 256;
  ::listen(svr_sock_, kListenQueue);
}

Connection* GuardedServer::current() { return current_connection; }

void GuardedServer::refuse(int fd) {
  std::string answer = refusal_();
  ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  Connection c;
  c.fd = sock;
  c.since = Steady::now();
  int port = 0;
  DeadlineStream::address_of(sock, true, c.client, port);
  if (!table_.admit(c)) {
    refuse(sock);
  } else {
    DeadlineStream stream(c, limits_.write_timeout);
    current_connection = &c;
    for (int n = 0; n < kMaxRequestsPerConnection && !table_.stopping(); ++n) {
      // The first request may take the whole request deadline; a later one first waits
      // (idle) for its first byte.
      if (n > 0) {
        stream.set_deadline(Steady::now() + limits_.idle_timeout);
        if (!stream.wait_readable()) break;
      }
      stream.set_deadline(Steady::now() + limits_.request_timeout);
      bool closed = false;
      bool last = n + 1 == kMaxRequestsPerConnection;
      bool ok = process_request(stream, last, closed, [this, &c](httplib::Request&) { table_.set_busy(c, true); });
      if (!ok || closed || c.must_close || c.timed_out) break;
      table_.set_busy(c, false);
    }
    current_connection = nullptr;
    table_.release(c);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

}  // namespace lpsync::detail
