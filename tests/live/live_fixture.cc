#include "tests/live/live_fixture.h"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/env/clock.h"
#include "engine/env/json.h"
#include "engine/env/test_tls.h"
#include "tools/command.h"

namespace lpsync::testing {
namespace {

namespace bj = boost::json;
namespace ls = fakes::lightspeed;
namespace pq = fakes::picqer;

}  // namespace

std::vector<std::string> test_secrets() { return {kLightspeedKey, kLightspeedSecret, kPicqerKey}; }

std::string fresh_dir(const std::string& name) {
  const char* root = std::getenv("TEST_TMPDIR");
  std::filesystem::path dir = std::filesystem::path(root ? root : "/tmp") / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

LiveWorld make_world(const std::string& name, bool https, uint64_t seed) {
  LiveWorld w;
  w.dir = fresh_dir(name);
  FakeServicesOptions o;
  o.seed = seed;
  if (https) {
    TestTls tls = make_test_tls(w.dir);
    w.ca_file = tls.ca_file;
    o.cert_file = tls.cert_file;
    o.key_file = tls.key_file;
  }
  o.lightspeed.key = kLightspeedKey;
  o.lightspeed.secret = kLightspeedSecret;
  o.lightspeed.webhook_delay = Duration::millis(50);
  o.picqer.api_key = kPicqerKey;
  o.picqer.webhook_delay = Duration::millis(50);
  w.fakes = std::make_unique<FakeServices>(o);
  ::setenv("LPSYNC_TEST_LS_KEY", kLightspeedKey, 1);
  ::setenv("LPSYNC_TEST_LS_SECRET", kLightspeedSecret, 1);
  ::setenv("LPSYNC_TEST_PICQER_KEY", kPicqerKey, 1);
  return w;
}

void add_shop(FakeServices& f) {
  f.lightspeed([](ls::LightspeedFake& shop) {
    ls::ProductSpec mug;
    mug.id = 1;
    mug.title = "Mug";
    mug.images = {"mug.jpg"};
    mug.variants = {{11, "Default", "MUG", "8710000000011", "", 8, 9.68, 9, "enabled", 350}};
    shop.add_product(mug);
    ls::ProductSpec shirt;
    shirt.id = 2;
    shirt.title = "Shirt";
    shirt.variants = {{21, "Small", "SHIRT-S", "8710000000021", "", 20, 24.2, 5, "enabled", 200}};
    shop.add_product(shirt);
    ls::ProductSpec poster;
    poster.id = 3;
    poster.title = "Poster";
    poster.variants = {{31, "Default", "DUP", "", "", 5, 6.05, 3, "enabled", 50}};
    shop.add_product(poster);
    ls::ProductSpec card;
    card.id = 4;
    card.title = "Card";
    card.variants = {{41, "Default", "DUP", "", "", 2, 2.42, 3, "enabled", 10}};
    shop.add_product(card);
    auto order = [&](const std::string& number, int64_t variant, const std::string& payment) {
      ls::OrderSpec o;
      o.number = number;
      o.payment_status = payment;
      o.email = "ann@example.nl";
      o.firstname = "Ann";
      o.lastname = "de Vries";
      o.phone = "+31 20 123 4567";
      o.address = {"Ann de Vries", "Damrak", "1", "1012 LG", "Amsterdam", "nl"};
      ls::OrderLineSpec line;
      line.variant = variant;
      o.lines.push_back(line);
      shop.place_order(o);
    };
    order("ORD1", 11, "paid");
    order("ORD2", 21, "not_paid");
    order("ORD3", 31, "paid");
    return 0;
  });
  f.picqer([](pq::PicqerFake& picqer) {
    pq::ProductSpec shirt;
    shirt.productcode = "SHIRT-S";
    shirt.name = "Shirt S";
    shirt.price = 20;
    shirt.stock = {{1, 7}};
    auto added = picqer.add_product(shirt);
    if (!added.ok()) throw std::runtime_error(added.error().message);
    return 0;
  });
}

std::vector<std::string> picqer_references(FakeServices& f) {
  return f.picqer([](fakes::picqer::PicqerFake& p) {
    std::vector<std::string> refs;
    for (const auto& o : p.orders()) {
      if (o.via_api) refs.push_back(o.reference);
    }
    return refs;
  });
}

std::string write_config(const LiveWorld& w, const std::string& name, const bj::object& settings,
                         const bj::object& extra) {
  bj::object config{
      {"lightspeed",
       {{"base_url", w.fakes->lightspeed_url()},
        {"language", "en"},
        {"key", "env:LPSYNC_TEST_LS_KEY"},
        {"secret", "env:LPSYNC_TEST_LS_SECRET"}}},
      {"picqer", {{"base_url", w.fakes->picqer_url()}, {"key", "env:LPSYNC_TEST_PICQER_KEY"}}},
      {"settings", settings},
      {"state", name + "-state/state.db"},
  };
  if (!w.ca_file.empty()) config["tls"] = {{"ca_file", w.ca_file}};
  for (const auto& kv : extra) config[kv.key()] = kv.value();
  std::string path = w.dir + "/" + name + ".json";
  std::ofstream(path) << json::serialize(config) << "\n";
  return path;
}

CliResult lpsync(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliResult r;
  r.code = cli::run_lpsync(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::vector<bj::object> log_events(const std::string& log, const std::string& event) {
  std::vector<bj::object> out;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] != '{') continue;
    try {
      bj::value v = json::parse(line);
      if (v.is_object() && v.as_object().contains("event") && v.as_object().at("event").as_string() == event) {
        out.push_back(v.as_object());
      }
    } catch (const json::Error&) {
    }
  }
  return out;
}

}  // namespace lpsync::testing

namespace lpsync::testing {

Background::Background(std::vector<std::string> args) {
  // A stray SIGTERM (the command already returned) must not end the test process.
  std::signal(SIGTERM, SIG_IGN);
  thread_ = std::thread([this, args = std::move(args)] { code_ = cli::run_lpsync(args, out_, err_); });
}

Background::~Background() {
  if (thread_.joinable()) stop();
}

bool Background::wait_for(const std::string& event, size_t count, Duration timeout) const {
  SystemClock wall;
  Instant until = wall.now() + timeout;
  while (log_events(err_.text(), event).size() < count) {
    if (wall.now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // polling a condition, not waiting for time
  }
  return true;
}

int Background::stop() {
  std::raise(SIGTERM);
  thread_.join();
  return code_;
}

int listening_port(const std::string& log) {
  auto events = log_events(log, "listening");
  if (events.empty()) return 0;
  std::string address(events.front().at("address").as_string());
  return std::stoi(address.substr(address.rfind(':') + 1));
}

}  // namespace lpsync::testing
