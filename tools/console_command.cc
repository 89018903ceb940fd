// lpsync console [--listen 127.0.0.1:8080] --config-dir DIR: the merchant's console (issue 19;
// docs/console.md). On its first start (no
// password yet) it prints a one-time setup address; only that address can set the password.
#include <filesystem>
#include <ostream>

#include "engine/env/clock.h"
#include "engine/env/crypto.h"
#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "tools/command.h"
#include "tools/console/console_app.h"
#include "tools/console/plan_child.h"
#include "tools/live/stop_signals.h"

namespace lpsync::cli {
namespace {

constexpr const char* kUsage =
    "Usage: lpsync console --config-dir DIR [--listen 127.0.0.1:8080] [--password-file FILE] [--secure-cookies]\n";

}  // namespace

int run_console(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.has("database")) {
    err << "lpsync console: --database (the fleet's connections) is not built yet; serve a directory of config files "
           "with --config-dir DIR meanwhile.\n";
    return kExitUsage;
  }
  std::string dir = args.value_or("config-dir", "");
  if (dir.empty() || !args.positional().empty()) {
    err << "lpsync console: --config-dir DIR is required: the directory of the connections' config files.\n" << kUsage;
    return kExitUsage;
  }
  std::string listen = args.value_or("listen", "127.0.0.1:8080");
  std::optional<HostPort> where = parse_host_port(listen);
  if (!where) {
    err << "lpsync console: --listen " << listen << ": expected HOST:PORT, e.g. 127.0.0.1:8080.\n";
    return kExitUsage;
  }
  HttplibTransport http;  // the wizard's checks: certificates verified
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  console::ConsoleOptions options{dir, args.value_or("password-file", dir + "/.lpsync-console-password"),
                                  args.has("secure-cookies"), &http,
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
  out << "lpsync console on " << server.base_url() << "/ (config files in " << dir << ")\n";
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
