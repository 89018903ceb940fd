// lpsync worker --database URL: one worker of a fleet (sync-rules section 11, docs/fleet.md).
// Any number run side by side, on any machines; each takes its fair share of the fleet's
// connections under leases and runs their engines until SIGINT or SIGTERM.
#include <unistd.h>

#include <ostream>

#include "engine/env/http.h"
#include "tools/command.h"
#include "tools/fleet/worker_process.h"
#include "tools/fleet_flags.h"
#include "tools/live/cli_support.h"

namespace lpsync::cli {
namespace {

constexpr const char* kUsage =
    "Usage: lpsync worker --database URL [--name NAME] [--threads N] [--lease-period 30s] [--longest-request 10s]\n"
    "                     [--listen HOST:PORT --public-url URL]\n";

std::optional<Duration> duration_flag(const Args& args, const std::string& flag, Duration fallback, std::ostream& err) {
  auto text = args.value(flag);
  if (!text) return fallback;
  auto d = parse_duration(*text);
  if (!d || *d <= Duration()) {
    err << "lpsync worker: --" << flag << " " << *text << ": expected a duration such as 30s or 2m.\n" << kUsage;
    return std::nullopt;
  }
  return d;
}

std::string default_name() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}

}  // namespace

int run_worker(const Args& args, std::ostream& out, std::ostream& err) {
  (void)out;
  if (!args.positional().empty()) {
    err << "lpsync worker: takes no arguments, only flags.\n" << kUsage;
    return kExitUsage;
  }
  auto human = live::human_log_from_args(args, "worker", err);
  if (!human) return kExitUsage;
  fleet::WorkerProcessOptions o;
  o.human_log = *human;
  o.name = args.value_or("name", default_name());
  auto period = duration_flag(args, "lease-period", o.lease.lease_period, err);
  auto longest = duration_flag(args, "longest-request", o.lease.longest_request, err);
  if (!period || !longest) return kExitUsage;
  if (*longest * 2 > *period) {
    err << "lpsync worker: --longest-request " << format_duration(*longest) << " must be at most half the lease period ("
        << format_duration(*period) << "): a write may start only with that much of the lease left.\n";
    return kExitUsage;
  }
  o.lease.lease_period = *period;
  o.lease.longest_request = *longest;
  std::string threads = args.value_or("threads", "8");
  try {
    o.host.threads = std::stoi(threads);
  } catch (const std::exception&) {
    o.host.threads = 0;
  }
  if (o.host.threads < 1 || o.host.threads > 256) {
    err << "lpsync worker: --threads " << threads << ": expected a number from 1 to 256.\n";
    return kExitUsage;
  }
  bool listen = args.has("listen"), public_url = args.has("public-url");
  if (listen != public_url) {
    err << "lpsync worker: --listen and --public-url go together: where this worker listens for webhooks, and the "
           "public address (in front of every worker) that Picqer and Lightspeed send them to.\n"
        << kUsage;
    return kExitUsage;
  }
  if (listen) {
    std::string where = *args.value("listen");
    std::optional<HostPort> hp = parse_host_port(where);
    if (!hp) {
      err << "lpsync worker: --listen " << where << ": expected HOST:PORT, e.g. 0.0.0.0:8080.\n";
      return kExitUsage;
    }
    o.listen_host = hp->host;
    o.listen_port = hp->port;
    o.host.public_url = *args.value("public-url");
    auto url = parse_url(o.host.public_url);
    if (!url || url->path != "/" || o.host.public_url.ends_with("/")) {
      err << "lpsync worker: --public-url " << o.host.public_url
          << ": expected scheme://host[:port] without a path or trailing slash, e.g. https://sync.example.com.\n";
      return kExitUsage;
    }
  }
  FleetDatabase fleet = open_fleet_database(args, "worker", err);
  if (!fleet.db) {
    err << kUsage;
    return kExitUsage;
  }
  o.database_url = fleet.url;
  return fleet::run_worker_process(std::move(fleet.db), o, err);
}

}  // namespace lpsync::cli
