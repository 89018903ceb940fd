// The plain-http server behind HttpServer, hardened against hostile clients: cpp-httplib's
// Server with its connection handling replaced (process_and_close_socket is virtual).
//   - A thread per open connection (ConnectionThreads), so a slow or idle client holds only
//     its own; no fixed pool that eight slow clients can fill.
//   - A deadline per request for its head and body, an idle timeout between requests
//     (DeadlineStream): a client that sends a header line every second is still cut off.
//   - Caps on open connections, in all and per address (ConnectionTable): beyond a cap the
//     longest-waiting connection that has not sent a whole request head is closed to make
//     room, so a real request always finds a slot unless every slot is busy answering.
//   - stop() shuts every connection's socket: the server stops at once, whatever the
//     clients do.
// Include only from http_server.cc (it needs httplib.h and its defines).
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <string>
#include <thread>

#include "engine/env/http_server.h"

namespace lpsync::detail {

using Steady = std::chrono::steady_clock;

// One open connection as the table sees it.
struct Connection {
  int fd = -1;
  std::string client;        // the peer's address
  bool busy = false;         // a whole request head arrived; being answered
  Steady::time_point since;  // when it started waiting for its current request
  bool must_close = false;   // answer, then close (a refused body is still on the wire)
  bool timed_out = false;    // its request deadline passed
};

class ConnectionTable {
 public:
  explicit ConnectionTable(const HttpLimits& limits) : limits_(limits) {}
  // Makes room under the caps (closing the longest-waiting idle connection) and adds `c`;
  // false when there is no room or the server is stopping: refuse `c`.
  bool admit(Connection& c);
  void release(Connection& c);
  void set_busy(Connection& c, bool busy);
  // Refuses new connections and shuts every open one down.
  void stop_all();
  bool stopping() const;

 private:
  // The longest-waiting connection that is not busy (of `client`, or of anyone if empty).
  Connection* oldest_idle(const std::string& client);
  void evict(Connection& c);

  HttpLimits limits_;
  mutable std::mutex mu_;
  std::list<Connection*> open_;
  bool stopping_ = false;
};

// cpp-httplib's TaskQueue: one thread per accepted connection, up to `max_threads`; beyond,
// connections wait their turn (refusing one takes a moment, so the wait is short).
class ConnectionThreads : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(size_t max_threads) : max_threads_(max_threads) {}
  ~ConnectionThreads() override { shutdown(); }
  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then joins every thread.
  void shutdown() override;

 private:
  void work(std::function<void()> fn);
  void reap_finished();  // with mu_ held

  size_t max_threads_;
  std::mutex mu_;
  std::condition_variable idle_;
  std::list<std::function<void()>> queue_;
  std::list<std::thread> threads_;
  std::list<std::thread::id> finished_;
  size_t running_ = 0;
};

class GuardedServer : public httplib::Server {
 public:
  // `refusal` answers a connection refused under the caps (503).
  GuardedServer(const HttpLimits& limits, std::function<std::string()> refusal);
  // After bind: a listen queue longer than httplib's 5, so that a burst of connections
  // does not make the kernel drop a real client's connection attempt (retried after 1 s).
  void widen_listen_queue();
  // Shuts every connection; then httplib's stop() ends the accept loop.
  void stop_connections() { table_.stop_all(); }
  // The connection this thread serves (nullptr outside a request of this server).
  static Connection* current();

 private:
  bool process_and_close_socket(socket_t sock) override;
  void refuse(int fd);

  HttpLimits limits_;
  std::function<std::string()> refusal_;
  ConnectionTable table_;
};

}  // namespace lpsync::detail
