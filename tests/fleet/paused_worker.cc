// A fleet worker (tools/fleet/worker_process.h) that stops itself with SIGSTOP right before
// the first order create it is about to send to Picqer, in front of its lease guard: the
// moment a paused worker is most dangerous. It names the order first:
//   {"event":"pausing_before_create","reference":"S12-1"}
// When it is resumed (SIGCONT) the create goes on to the guard, and the worker says on stderr
// what became of it:
//   {"event":"paused_create","answer":"held_back"|"sent"}
// Usage: paused_worker URL NAME LEASE_MS LONGEST_REQUEST_MS THREADS
#include <boost/json.hpp>

#include <csignal>
#include <iostream>
#include <mutex>
#include <string>

#include "engine/state/pg_db.h"
#include "engine/state/pg_schema.h"
#include "tools/fleet/worker_process.h"

namespace lpsync {
namespace {

std::once_flag paused;

class PauseBeforeCreate final : public Transport {
 public:
  explicit PauseBeforeCreate(Transport& guarded) : guarded_(guarded) {}
  TransportResult send(const Request& r) override {
    bool create = r.method == "POST" && r.url.ends_with("/api/v1/orders");
    bool first = false;
    if (create) std::call_once(paused, [&] { first = true; });
    if (!first) return guarded_.send(r);
    // The order's reference, so the test can wait until another worker has created it.
    std::string reference;
    boost::system::error_code ec;
    boost::json::value body = boost::json::parse(r.body, ec);
    if (!ec && body.is_object() && body.as_object().contains("reference")) {
      reference = boost::json::value_to<std::string>(body.at("reference"));
    }
    std::cerr << "{\"event\":\"pausing_before_create\",\"reference\":\"" << reference << "\"}" << std::endl;
    std::raise(SIGSTOP);
    TransportResult answer = guarded_.send(r);
    bool held_back = !answer.ok() && answer.error().kind == TransportErrorKind::refused &&
                     answer.error().message.find("lease") != std::string::npos;
    std::cerr << "{\"event\":\"paused_create\",\"answer\":\"" << (held_back ? "held_back" : "sent") << "\"}"
              << std::endl;
    return answer;
  }

 private:
  Transport& guarded_;
};

}  // namespace
}  // namespace lpsync

int main(int argc, char** argv) {
  using namespace lpsync;
  if (argc != 6) {
    std::cerr << "usage: paused_worker URL NAME LEASE_MS LONGEST_REQUEST_MS THREADS\n";
    return 2;
  }
  auto db = pg::Db::connect(argv[1]);
  if (!db.ok()) {
    std::cerr << db.error().message << "\n";
    return 2;
  }
  pg::migrate(*db.value());
  fleet::WorkerProcessOptions o;
  o.database_url = argv[1];
  o.name = argv[2];
  o.lease.lease_period = Duration::millis(std::stoll(argv[3]));
  o.lease.longest_request = Duration::millis(std::stoll(argv[4]));
  o.host.threads = std::stoi(argv[5]);
  o.host.wrap_transport = [](Transport& guarded) { return std::make_unique<PauseBeforeCreate>(guarded); };
  return fleet::run_worker_process(std::move(db).value(), o, std::cerr);
}
