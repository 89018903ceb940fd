// lpsync console [--listen 127.0.0.1:8080] (--config-dir DIR | --database URL): the merchant's
// console (issue 19; docs/console.md), over a directory of configs or a fleet's database. On its first start (no
// password yet) it prints a one-time setup address; only that address can set the password.
#include <filesystem>
#include <ostream>

#include "engine/env/clock.h"
#include "engine/env/crypto.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "tools/command.h"
#include "tools/console/console_app.h"
#include "tools/console/dir_source.h"
#include "tools/console/fleet_source.h"
#include "tools/fleet_flags.h"
#include "tools/console/plan_child.h"
#include "tools/live/stop_signals.h"

namespace lpsync::cli {
namespace {

constexpr const char* kUsage =
    "Usage: lpsync console --config-dir DIR [--listen 127.0.0.1:8080] [--password-file FILE] [--secure-cookies]\n"
    "       lpsync console --database URL --password-file FILE [--listen 127.0.0.1:8080] [--secure-cookies]\n"
    "URL is a PostgreSQL connection string or URL, or env:NAME to read it from the environment.\n";

}  // namespace

int run_console(const Args& args, std::ostream& out, std::ostream& err) {
  std::string dir = args.value_or("config-dir", "");
  bool fleet = args.has("database");
  if (fleet == !dir.empty() || !args.positional().empty()) {
    err << "lpsync console: name one place of the connections: --config-dir DIR (the config files that lpsync run "
           "uses) or --database URL (a fleet's).\n"
        << kUsage;
    return kExitUsage;
  }
  std::unique_ptr<console::ConnectionSource> source;
  std::string password_file;
  if (fleet) {
    password_file = args.value_or("password-file", "");
    if (password_file.empty()) {
      err << "lpsync console: with --database, name where the console's password hash is kept: --password-file FILE.\n";
      return kExitUsage;
    }
    FleetDatabase database = open_fleet_database(args, "console", err);  // reached and migrated now, not at a page
    if (!database.db) return kExitUsage;
    source = std::make_unique<console::FleetSource>(database.url);
  } else {
    source = std::make_unique<console::DirSource>(dir);
    password_file = args.value_or("password-file", dir + "/.lpsync-console-password");
  }
  std::string listen = args.value_or("listen", "127.0.0.1:8080");
  std::optional<HostPort> where = parse_host_port(listen);
  if (!where) {
    err << "lpsync console: --listen " << listen << ": expected HOST:PORT, e.g. 127.0.0.1:8080.\n";
    return kExitUsage;
  }
  HttplibTransport http;  // the wizard's checks: certificates verified
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  console::ConsoleOptions options{source.get(), password_file, args.has("secure-cookies"), &http,
                                  [self](const std::string& file) { return console::run_plan_child(self, file); }};
  SystemClock wall;
  console::ConsoleApp app(options, wall, system_random_hex(16), [] { return system_random_hex(32); });
  HttpServerOptions o;
  o.host = where->host;
  o.port = where->port;
  o.concurrent = true;  // the app takes its own lock
  o.client_address = true;
  o.limits.max_body = 64 * 1024;
  HttpServer server([&app](const Request& r) { return app.handle(r); }, o);
  if (!server.ok()) {
    err << "lpsync console: cannot listen on " << listen << ": " << server.error() << "\n";
    return kExitUsage;
  }
  live::StopSignals signals([&wall] { wall.stop(); });
  out << "lpsync console on " << server.base_url() << "/ (" << source->where() << ")\n";
  if (!app.has_password()) {
    // A one-time address: whoever can read this output may set the password.
    out << "First start: set the password at " << server.base_url() << "/setup?token=" << app.setup_token() << "\n";
  }
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1") {
    err << "lpsync console: listening beyond this machine (" << o.host
        << "): put it behind HTTPS and start it with --secure-cookies.\n";
  }
  out.flush();
  wall.run();
  server.stop();
  return kExitOk;
}

}  // namespace lpsync::cli
