#include "tools/bench/loopback_bench.h"

#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <string>

#include "engine/env/httplib_transport.h"
#include "engine/env/stopwatch.h"
#include "fakes/wiring/fake_pair.h"
#include "fakes/wiring/fake_servers.h"
#include "tools/bench/bulk_shop.h"
#include "tools/bench/in_child.h"
#include "tools/bench/shared_object.h"
#include "tools/scenario/world_setup.h"

namespace lpsync::bench {
namespace {

// Both fakes on loopback on the shared time, holding the shop; lean (no journal, no image
// bytes), as in the single-process memory bench.
class LoopbackFakes {
 public:
  LoopbackFakes(int64_t products, const SharedMillis& shared) : clock_(shared) {
    fakes::FakeServersOptions options;
    options.before_each = [this] { clock_.fire_due(); };
    servers_ = std::make_unique<fakes::FakeServers>(mutex_, options);
    if (!servers_->ok()) return;
    fakes::FakePairConfig config;
    config.lightspeed.origin = servers_->lightspeed_url();
    config.picqer.origin = servers_->picqer_url();
    config.lightspeed.journal = false;
    config.picqer.journal = false;
    config.picqer.keep_image_bytes = false;
    std::lock_guard lock(mutex_);
    pair_ = std::make_unique<fakes::FakePair>(clock_, webhooks_, config);
    scenario::Scenario shop;
    shop.lightspeed.products = bulk_catalog(products);
    std::vector<std::string> errors;
    scenario::add_initial_state(shop, pair_->lightspeed(), pair_->picqer(), errors);
    loaded_ = errors.empty();
  }
  ~LoopbackFakes() {
    servers_->stop();
    std::lock_guard lock(mutex_);
    pair_.reset();
  }
  LoopbackFakes(const LoopbackFakes&) = delete;
  LoopbackFakes& operator=(const LoopbackFakes&) = delete;

  bool ok() const { return loaded_; }
  void serve() { servers_->serve(*pair_); }
  std::string addresses() const { return servers_->lightspeed_url() + "\n" + servers_->picqer_url(); }
  // The shop's products ("BULK-...") in the Picqer fake.
  int64_t in_picqer() {
    std::lock_guard lock(mutex_);
    int64_t n = 0;
    for (const auto& p : pair_->picqer().products()) n += p.productcode.rfind("BULK-", 0) == 0 ? 1 : 0;
    return n;
  }

 private:
  std::mutex mutex_;
  SharedClock clock_;
  HttplibTransport webhooks_;  // none are registered: the engine polls
  std::unique_ptr<fakes::FakeServers> servers_;
  std::unique_ptr<fakes::FakePair> pair_;
  bool loaded_ = false;
};

// What is written to `fd` until the writer closes it, up to 4 kB (two loopback addresses).
std::string read_to_end(int fd) {
  constexpr size_t kAtMost = 4096;
  std::string text;
  char buf[256];
  for (ssize_t got; text.size() < kAtMost && (got = read(fd, buf, sizeof buf)) > 0;) {
    text.append(buf, static_cast<size_t>(got));
  }
  return text;
}

}  // namespace

LoopbackRun run_loopback_import(int64_t products) {
  LoopbackRun out;
  out.products = products;
  Stopwatch watch;
  SharedObject<SharedMillis> shared;
  SharedObject<LoopbackEngineFigures> figures;
  LoopbackEngineSetup setup;
  setup.catalog_written = *parse_iso8601("2026-11-02T00:00:00Z");
  // As the single-process bench: long enough for Lightspeed's day budget to carry the image lists.
  setup.until = setup.catalog_written + Duration::hours(24 * (products / 10'000 + 2));
  setup.state_path =
      (std::filesystem::temp_directory_path() / ("lpsync-loopback-" + std::to_string(getpid()) + ".sqlite")).string();
  shared->store(setup.catalog_written.unix_millis());
  int addresses[2];
  if (pipe(addresses) != 0) return out;

  // First the engine process, before this one holds the shop.
  StartedChild engine = start_child([&]() -> int64_t {
    close(addresses[1]);
    std::string text = read_to_end(addresses[0]);
    close(addresses[0]);
    size_t newline = text.find('\n');
    if (newline == std::string::npos) return 1;  // the fakes did not start
    setup.lightspeed_url = text.substr(0, newline);
    setup.picqer_url = text.substr(newline + 1);
    try {
      *figures = run_loopback_engine(setup, *shared);
    } catch (...) {
      return 1;
    }
    return 0;
  });
  close(addresses[0]);
  {
    LoopbackFakes fakes(products, *shared);
    bool told = false;  // the engine process has the fakes' addresses
    if (fakes.ok()) {
      fakes.serve();
      std::string text = fakes.addresses();
      told = write(addresses[1], text.data(), text.size()) == static_cast<ssize_t>(text.size());
    }
    close(addresses[1]);
    std::optional<ChildResult> reported = finish_child(engine);
    out.engine_reported = told && reported && reported->value == 0;
    if (out.engine_reported) out.engine = *figures;
    if (fakes.ok()) out.created_in_picqer = fakes.in_picqer();
  }
  out.wall_seconds = watch.seconds();
  return out;
}

}  // namespace lpsync::bench
