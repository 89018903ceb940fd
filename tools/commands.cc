#include <ostream>

#include "tools/command.h"

namespace lpsync::cli {

int run_demo(const Args& args, std::ostream& out, std::ostream& err);
int run_replay(const Args& args, std::ostream& out, std::ostream& err);
int run_check_properties(const Args& args, std::ostream& out, std::ostream& err);
int run_bench_command(const Args& args, std::ostream& out, std::ostream& err);
int run_serve_fakes(const Args& args, std::ostream& out, std::ostream& err);
int run_live(const Args& args, std::ostream& out, std::ostream& err);
int run_plan(const Args& args, std::ostream& out, std::ostream& err);
int run_status(const Args& args, std::ostream& out, std::ostream& err);
int run_explain(const Args& args, std::ostream& out, std::ostream& err);
int run_import_products(const Args& args, std::ostream& out, std::ostream& err);
int run_import_order(const Args& args, std::ostream& out, std::ostream& err);
int run_replay_cassette(const Args& args, std::ostream& out, std::ostream& err);
int run_connections(const Args& args, std::ostream& out, std::ostream& err);
int run_migrate_state(const Args& args, std::ostream& out, std::ostream& err);
int run_worker(const Args& args, std::ostream& out, std::ostream& err);
int run_console(const Args& args, std::ostream& out, std::ostream& err);

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"demo", "replay a simulated day of a small shop against the built-in fakes and show what happened", "",
       {{"trace", true, "FILE  also write the full trace (one JSON line per HTTP exchange and decision)"},
        {"write-scenario", true, "FILE  write the demo day as a scenario file instead of running it"}},
       run_demo},
      {"replay", "run scenario files against the in-process fakes and check their expectations", "FILE...",
       {{"trace", true, "FILE  write one JSON line per HTTP exchange and engine decision"},
        {"check-determinism", false, "run each scenario twice and fail if the traces differ"},
        {"transport", true, "KIND  direct (in-process, default) or http (the fakes on loopback HTTP)"},
        {"explain", true, "ORDER  after each run, tell that order's story (as lpsync explain; sku:CODE for a SKU)"}},
       run_replay},
      {"check-properties", "run a long sweep of the property tests (random histories) and print seeds per second", "",
       {{"seeds", true, "N  histories per property (default 1000)"},
        {"seed", true, "S  the first random seed (default 1)"},
        {"property", true, "NAME  only this one: window, unique-skus, read-only, at-most-once, nothing-lost, "
                           "stock-convergence, determinism"}},
       run_check_properties},
      {"bench", "measure speed, API calls per unit of work, the rate-limit bound, memory and the fakes (build -c opt)",
       "",
       {{"quick", false, "small sizes: a smoke run of about a minute"},
        {"json", true, "FILE  also write the figures as JSON"},
        {"bulk", true, "N[,N...]  only the bulk-import figures, at these catalogue sizes (100000: several minutes)"},
        {"loopback-memory", true, "N  only the peak memory of an engine process importing N products from the "
                                  "fakes in another process over loopback HTTP (100000: several minutes)"},
        {"fleet", false, "the fleet's figures instead (issue 18): connections per 2-core worker, memory per "
                         "connection, failover (a throwaway PostgreSQL; about 30 minutes, --quick 1)"},
        {"connections", true, "N  with --fleet: connections in the capacity and memory runs (default 1000, --quick 20)"}},
       run_bench_command},
      {"serve-fakes",
       "serve both fakes on 127.0.0.1 with a scenario's initial state on the wall clock until SIGINT/SIGTERM",
       "",
       {{"scenario", true, "FILE  the scenario whose initial state to serve (its timeline is not played)"},
        {"lightspeed-port", true, "P  port of the Lightspeed fake (default 0: any free port)"},
        {"picqer-port", true, "Q  port of the Picqer fake (default 0: any free port)"},
        {"lightspeed-key", true, "K  Lightspeed API key (default lpsynckey0000000000000000000000a)"},
        {"lightspeed-secret", true, "S  Lightspeed API secret (default lpsyncsecret00000000000000000000)"},
        {"picqer-key", true, "A  Picqer API key (default picqer-test-key)"},
        {"quirks", true, "Q1,Q2  quirk modes on top of the scenario's (fakes/common/quirks.h, docs/serve-fakes.md)"}},
       run_serve_fakes},
      {"run", "run the engine against your live shop and Picqer account (docs/live.md)", "",
       {{"config", true, "FILE  the connection's config file"},
        {"once", false, "run every due job one time (order poll, stock reconciliation, shipments), print the report"},
        {"record", true, "FILE  write every HTTP exchange to a cassette (secrets redacted)"},
        {"redact-personal", false, "also take customers' personal data out of the cassette"},
        {"verbose", false, "log every HTTP exchange too"},
        {"log-format", true, "json|text  the log on stderr (default: text on a terminal, else json)"}},
       run_live},
      {"plan", "show what the engine would do now against the live systems, writing nothing", "",
       {{"config", true, "FILE  the connection's config file"},
        {"verbose", false, "log every HTTP exchange too"},
        {"log-format", true, "json|text  the log on stderr"}},
       run_plan},
      {"status", "show the connection's state: links, held orders, bulk import, budgets seen", "",
       {{"config", true, "FILE  the connection's config file"}, {"json", false, "print it as JSON"}},
       run_status},
      {"explain", "tell the whole story of one order or SKU: every decision with its reason, and what to do now",
       "ORDER_NUMBER | --sku SKU",
       {{"config", true, "FILE  the connection's config file"},
        {"sku", true, "SKU  explain a SKU (productcode) instead of an order"},
        {"json", false, "print it as JSON"}},
       run_explain},
      {"import-products", "start or resume importing every shop product into Picqer, with progress", "",
       {{"config", true, "FILE  the connection's config file"},
        {"verbose", false, "log every HTTP exchange too"},
        {"log-format", true, "json|text  the log on stderr"}},
       run_import_products},
      {"import-order",
       "import one order into Picqer now by its number, even one older than 12 hours, or say why not (exit 0 "
       "imported, 1 not)",
       "NUMBER",
       {{"config", true, "FILE  the connection's config file"},
        {"verbose", false, "log every HTTP exchange too"},
        {"log-format", true, "json|text  the log on stderr"}},
       run_import_order},
      {"replay-cassette", "re-run the engine on a recorded live run and check it decides the same", "FILE",
       {{"trace", true, "FILE  write the replay's trace"}},
       run_replay_cassette},
      {"connections", "add, list or remove the connections a fleet of workers serves (docs/fleet.md)",
       "add NAME | import DIR | list | remove NAME",
       {{"database", true, "URL  the fleet's PostgreSQL database (or env:NAME)"},
        {"config", true, "FILE  for add: the connection's config file (docs/live.md)"}},
       run_connections},
      {"migrate-state", "move a connection that ran on SQLite into the fleet's PostgreSQL (docs/fleet.md)", "NAME",
       {{"config", true, "FILE  the config file `lpsync run` used"},
        {"database", true, "URL  the fleet's PostgreSQL database (or env:NAME)"}},
       run_migrate_state},
      {"worker", "run a fleet worker: the engines of its share of the fleet's connections (docs/fleet.md)", "",
       {{"database", true, "URL  the fleet's PostgreSQL database (or env:NAME)"},
        {"name", true, "NAME  this worker's name in the fleet (default: host name and process id)"},
        {"threads", true, "N  threads the engines share (default 8)"},
        {"lease-period", true, "DURATION  how long a lease lasts unrenewed (default 30s)"},
        {"longest-request", true, "DURATION  the HTTP timeout, kept free before a lease ends (default 10s)"},
        {"listen", true, "HOST:PORT  listen for webhooks here (with --public-url)"},
        {"public-url", true, "URL  the public address of the fleet's webhooks, in front of every worker"},
        {"log-format", true, "json|text  the log on stderr"}},
       run_worker},
      {"console", "the merchant's console in a browser (in progress: login and the connections; docs/console.md)", "",
       {{"config-dir", true, "DIR  the connections' config files"},
        {"listen", true, "HOST:PORT  where to serve (default 127.0.0.1:8080)"},
        {"password-file", true, "FILE  the password's hash (default DIR/.lpsync-console-password)"},
        {"secure-cookies", false, "served behind HTTPS: cookies only over HTTPS"},
        {"database", true, "URL  the fleet's connections (not built yet)"}},
       run_console},
  };
  return kCommands;
}

namespace {

void print_help(std::ostream& out) {
  out << "lpsync: a deterministic sync engine for Lightspeed eCom and Picqer, with fakes of both APIs.\n\n"
         "Usage: lpsync COMMAND [ARGUMENTS]\n\nCommands:\n";
  for (const auto& c : commands()) {
    std::string name = "  " + c.name;
    name.resize(20, ' ');
    out << name << c.summary << "\n";
  }
  out << "\n`lpsync COMMAND --help` describes one command.\n";
}

void print_command_help(const Command& c, std::ostream& out) {
  out << "Usage: lpsync " << c.name << (c.flags.empty() ? "" : " [FLAGS]")
      << (c.arguments.empty() ? "" : " " + c.arguments) << "\n\n"
      << c.summary << "\n";
  if (!c.flags.empty()) out << "\nFlags:\n" << describe_flags(c.flags);
}

}  // namespace

int run_lpsync(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
    print_help(argv.empty() ? err : out);
    return argv.empty() ? kExitUsage : kExitOk;
  }
  for (const auto& c : commands()) {
    if (c.name != argv[0]) continue;
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    for (const auto& a : rest) {
      if (a == "--help" || a == "-h") {
        print_command_help(c, out);
        return kExitOk;
      }
    }
    auto args = Args::parse(rest, c.flags);
    if (!args) {
      err << "lpsync " << c.name << ": " << args.error().message << "\n";
      print_command_help(c, err);
      return kExitUsage;
    }
    return c.run(args.value(), out, err);
  }
  err << "lpsync: unknown command '" << argv[0] << "'. Commands: ";
  for (size_t i = 0; i < commands().size(); ++i) err << (i ? ", " : "") << commands()[i].name;
  err << ". See lpsync --help.\n";
  return kExitUsage;
}

}  // namespace lpsync::cli
