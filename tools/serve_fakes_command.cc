// lpsync serve-fakes --scenario FILE: serves the fake Lightspeed shop and the fake Picqer
// account on 127.0.0.1 with the scenario's initial state, on the wall clock, until SIGINT or
// SIGTERM. Prints one JSON line with both base URLs and credentials first. The scenario's
// timeline and expectations are not used. See docs/serve-fakes.md.
#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <csignal>
#include <ostream>

#include "engine/env/clock.h"
#include "fakes/common/quirks.h"
#include "fakes/wiring/wall_clock_fakes.h"
#include "tools/command.h"
#include "tools/scenario/scenario_parser.h"
#include "tools/scenario/world_setup.h"

namespace lpsync::cli {
namespace {

// Set by SIGINT/SIGTERM; a periodic timer on the clock's thread sees it and stops the clock.
std::atomic<bool> stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler may only touch a lock-free flag");
void request_stop(int) { stop_requested.store(true); }
constexpr Duration kStopCheck = Duration::millis(100);

// Installs the handlers for the lifetime of the object and restores the previous ones.
class StopSignals {
 public:
  StopSignals() {
    stop_requested.store(false);
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

void check_for_stop(SystemClock& clock) {
  if (stop_requested.load()) {
    clock.stop();
    return;
  }
  clock.call_after(kStopCheck, [&clock] { check_for_stop(clock); });
}

// "--lightspeed-port 8080": 0 (any free port) to 65535.
bool read_port(const Args& args, const std::string& flag, int& port, std::ostream& err) {
  std::string text = args.value_or(flag, "0");
  int value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 65535) {
    err << "lpsync serve-fakes: --" << flag << " is a port number from 0 (any free port) to 65535, not \"" << text
        << "\"\n";
    return false;
  }
  port = value;
  return true;
}

// The scenario's quirks plus "--quirks a,b": every name must be a known quirk.
bool read_quirks(const Args& args, std::vector<std::string>& quirks, std::ostream& err) {
  std::string text = args.value_or("quirks", "");
  for (size_t from = 0; from < text.size();) {
    size_t comma = std::min(text.find(',', from), text.size());
    std::string name = text.substr(from, comma - from);
    if (!fakes::is_known_quirk(name)) {
      err << "lpsync serve-fakes: unknown quirk \"" << name << "\" in --quirks; known quirks:\n";
      for (const auto& q : fakes::known_quirks()) err << "  " << q.name << "  " << q.what << "\n";
      return false;
    }
    quirks.push_back(name);
    from = comma + 1;
  }
  return true;
}

// The scenario's initial state as of now: every time keeps its offset from `start`, and
// `start` is the moment the fakes start serving.
scenario::Scenario shifted_to(const scenario::Scenario& s, Instant now) {
  scenario::Scenario out = s;
  Duration shift = now - s.start;
  for (auto& o : out.lightspeed.orders) {
    o.created_at = o.created_at + shift;
    o.updated_at = o.updated_at + shift;
  }
  out.start = now;
  return out;
}

// The fakes as the scenario and the flags set them up (the ports aside).
fakes::WallClockFakesOptions served_options(const Args& args, const scenario::Scenario& s,
                                            const std::vector<std::string>& quirks) {
  fakes::WallClockFakesOptions options;
  options.webhooks.connect_timeout = Duration::seconds(5);  // webhooks go to whatever address a client registers
  options.webhooks.read_timeout = Duration::seconds(10);
  options.fakes.seed = s.seed;
  auto& ls_config = options.fakes.lightspeed;
  ls_config.key = args.value_or("lightspeed-key", ls_config.key);
  ls_config.secret = args.value_or("lightspeed-secret", ls_config.secret);
  auto& pq_config = options.fakes.picqer;
  pq_config.api_key = args.value_or("picqer-key", pq_config.api_key);
  scenario::apply_quirks(quirks, ls_config, pq_config);
  scenario::apply_vatgroups(s.picqer, pq_config);
  return options;
}

// The one line a client reads first: both base URLs and credentials.
std::string addresses_line(fakes::FakePair& pair) {
  const auto& ls = pair.lightspeed().config();
  const auto& pq = pair.picqer().config();
  boost::json::object line;
  line["lightspeed"] = {{"url", ls.origin}, {"language", ls.languages.front()}, {"key", ls.key}, {"secret", ls.secret}};
  line["picqer"] = {{"url", pq.origin}, {"key", pq.api_key}};
  return boost::json::serialize(line);
}

}  // namespace

int run_serve_fakes(const Args& args, std::ostream& out, std::ostream& err) {
  auto file = args.value("scenario");
  if (!file || !args.positional().empty()) {
    err << "lpsync serve-fakes: name the scenario whose initial state to serve: --scenario FILE\n";
    return kExitUsage;
  }
  int lightspeed_port = 0, picqer_port = 0;
  if (!read_port(args, "lightspeed-port", lightspeed_port, err) || !read_port(args, "picqer-port", picqer_port, err)) {
    return kExitUsage;
  }
  auto parsed = scenario::load_scenario_file(*file);
  if (!parsed.ok()) {
    err << *file << ": " << parsed.error().to_string() << "\n";
    return kExitUsage;
  }

  std::vector<std::string> quirks = parsed.scenario().quirks;
  if (!read_quirks(args, quirks, err)) return kExitUsage;

  fakes::WallClockFakesOptions options = served_options(args, parsed.scenario(), quirks);
  options.servers.lightspeed_port = lightspeed_port;
  options.servers.picqer_port = picqer_port;
  fakes::WallClockFakes served(std::move(options));
  if (!served.ok()) {
    err << "lpsync serve-fakes: " << served.error() << "\n";
    return kExitUsage;
  }

  std::vector<std::string> errors;
  served.with([&](fakes::FakePair& pair) {
    scenario::Scenario s = shifted_to(parsed.scenario(), served.wall().now());
    scenario::add_initial_state(s, pair.lightspeed(), pair.picqer(), errors);
  });
  if (!errors.empty()) {
    for (const auto& e : errors) err << *file << ": invalid initial state: " << e << "\n";
    return kExitUsage;
  }
  if (!parsed.scenario().timeline.empty()) {
    err << "lpsync serve-fakes: serving the initial state of " << parsed.scenario().name << "; its "
        << parsed.scenario().timeline.size() << " timeline events are not played\n";
  }

  // The handlers are in place before anyone can know where to send a signal.
  StopSignals signals;
  out << served.with(addresses_line) << std::endl;

  check_for_stop(served.wall());
  served.wall().run();
  // No request reaches the fakes once the servers are down; then the fakes go (cancelling
  // their timers on the clock).
  served.stop_serving();
  err << "lpsync serve-fakes: stopped\n";
  return kExitOk;
}

}  // namespace lpsync::cli
