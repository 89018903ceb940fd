// The sync engine of one connection. It owns its jobs and runs them on the clock it was
// given; everything it does to the world goes through the transport, and everything it
// must remember goes to the state store. Destroying it is a crash: whatever it did not
// store is gone, and a new Engine on the same store carries on.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "engine/core/core.h"
#include "engine/core/scheduler.h"
#include "engine/jobs/bulk_import.h"
#include "engine/jobs/held_since.h"
#include "engine/jobs/order_by_hand.h"
#include "engine/jobs/order_sync.h"
#include "engine/jobs/shipment_sync.h"
#include "engine/jobs/stock_sync.h"
#include "engine/webhooks/webhook_setup.h"

namespace lpsync {

class Engine {
 public:
  Engine(EngineEnv env, Connection connection, Settings settings);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Starts the jobs (the first order poll at once when active).
  void start();
  void stop();

  // The merchant changed settings; they take effect at the next tick (right away).
  void change_settings(const Settings& settings);
  // "Activate webshop".
  void activate();
  // "Import products". Returns "" or why it cannot start.
  std::string import_products();
  // "Import now" (sync-rules section 2, by hand): reads order `number` now and imports it
  // when the rules allow, ignoring the 12-hour window. The answer goes to `done` (it may take
  // a while: a rate limit waits) and into report().by_hand. Works on an engine that was not
  // started too (the `import-order` command): then only this request runs, no poll.
  void import_order(std::string number, OrderByHand::Answered done = nullptr);
  // The webhook endpoint (routes under Connection::webhook_url).
  TransportResult receive_webhook(const Request& request);

  const Settings& settings() const { return pending_settings_ ? *pending_settings_ : core_.settings; }
  // The report with its API figures and the bulk import brought up to date.
  const Report& report();
  // The same as of `at`, without reading the engine's clock: for the status a live run gathers
  // between callbacks, which a cassette's recorded clock readings must not include.
  const Report& report_as_of(Instant at);
  // The report as the jobs left it, nothing refreshed (for a status line written while running).
  const Report& report_as_is() const { return core_.report; }
  // Requests sent so far to each API, by priority (Priority indexes the arrays).
  struct SentRequests {
    std::array<int64_t, kPriorities> lightspeed{};
    std::array<int64_t, kPriorities> picqer{};
  };
  SentRequests sent_requests() const;

  // Tests only: they lower caps and limits mid-run and look into the catalogue, which no tool
  // or other engine code may do (tools use the accessors above).
  Core& core_for_tests() { return core_; }

 private:
  void apply_settings(Instant now);
  // The parts several jobs are handed (built from core_ while the jobs are constructed).
  CatalogParts catalog_parts();
  AccountParts account_parts();
  ShopWrites shop_writes();
  OrderImporter::Parts order_importer_parts();

  Core core_;
  HeldSinceStore held_;  // the held list with the time each order was first held (its age)
  ProductLinker products_;
  OrderSync orders_;
  ShipmentSync shipments_;
  StockSync stock_;
  BulkImportJob bulk_;
  WebhookSetup hooks_;
  OrderByHand by_hand_;
  Scheduler scheduler_;
  bool started_ = false;
  std::optional<Settings> pending_settings_;
};

}  // namespace lpsync
