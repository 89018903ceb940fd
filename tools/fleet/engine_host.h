// The live Runner of a fleet worker (docs/fleet.md): the engines of the connections it leases,
// on a fixed pool of threads. One thread per engine would not reach 1,000 connections on a
// worker, and one thread for all would let one slow request hold up every shop; so each
// connection lives on one of `threads` loops (a SystemClock and its thread), and shares that
// loop's PostgreSQL session and HTTP clients with the loop's other engines (requests of one
// loop go one after the other, so a loop needs no locks). Each engine talks through its
// own LeaseGuard and writes through its own fenced PgStateStore; its pending quantities and
// its Picqer rate limit are shared with the other connections on its Picqer account, in any
// worker (PgSharedPending, PgSharedRateLimit; sync-rules sections 4 and 11).
//
// An engine that fails (its lease lost, the database gone, an unexpected error) stops alone:
// its clock hands the error to the host, which drops it and starts it again after
// `restart_after` while the lease is still held. The worker's next renewal stops it for good
// when the lease is gone.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/env/clock.h"
#include "engine/env/http.h"
#include "tools/fleet/worker.h"
#include "tools/fleet/worker_watch.h"
#include "engine/core/connection.h"
#include "tools/live/config.h"
#include "tools/live/log.h"

namespace lpsync::fleet {

struct HostOptions {
  int threads = 8;
  // The margin of every write (LeaseGuard), the HTTP timeout of the engines' requests.
  Duration longest_request = Duration::seconds(10);
  Duration restart_after = Duration::seconds(30);
  // Where the fleet's webhooks arrive ("https://sync.example.com", every worker behind it),
  // "" = none: the engines poll only. Each connection's hooks point at
  // connection_webhook_url(public_url, id); each loop takes its engines' queued webhooks
  // (webhook_inbox.h) every `webhook_check`.
  std::string public_url;
  Duration webhook_check = Duration::seconds(1);
  // Each loop takes the console's commands of its running engines (console_commands.h) every
  // `command_check`.
  Duration command_check = Duration::seconds(1);
  // Keeps each connection's figures for the console and sends its alerts (nullptr: neither).
  WorkerWatch* watch = nullptr;
  // Tests only: wraps each engine's transport in front of its lease guard (nullptr: none).
  std::function<std::unique_ptr<Transport>(Transport& guarded)> wrap_transport;
};

class EngineHost final : public Runner {
 public:
  // `url`: the fleet database (schema already migrated). `log` outlives the host.
  EngineHost(std::string url, HostOptions options, live::Log& log, live::Redactor& redactor);
  ~EngineHost() override;  // stops every engine, then the threads
  EngineHost(const EngineHost&) = delete;
  EngineHost& operator=(const EngineHost&) = delete;

  void start(const LeaseToken& lease, const std::string& config, const LeaseWindow& window) override;
  void stop(int64_t connection_id) override;

  struct Counts {
    int64_t running = 0;   // engines that started and have not failed
    int64_t failures = 0;  // engines stopped by an error so far
  };
  Counts counts() const;

 private:
  struct Loop;
  struct Hosted;
  Loop& loop_of(int64_t connection_id);
  // On the loop's thread: reads the config, opens the store and starts the engine.
  void start_on(Loop& loop, int64_t connection_id);
  void run_engine(Loop& loop, Hosted& h, const live::LiveConfig& config, const Connection& connection);
  void drop_running(Hosted& h);  // drops a running engine (none: nothing)
  static std::vector<int64_t> running_on(const Loop& loop);  // the ids of its running engines
  void hand_over_webhooks(Loop& loop);  // the loop's thread, every webhook_check
  void hand_over_commands(Loop& loop);  // the loop's thread, every command_check
  void failed(Loop& loop, int64_t connection_id, const std::string& why);

  std::string url_;
  HostOptions options_;
  live::Log& log_;
  live::Redactor& redactor_;
  std::vector<std::unique_ptr<Loop>> loops_;
  mutable std::mutex mu_;  // counts_
  Counts counts_;
};

}  // namespace lpsync::fleet
