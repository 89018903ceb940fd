// The sync engine of one connection. It owns its jobs and runs them on the clock it was
// given; everything it does to the world goes through the transport, and everything it
// must remember goes to the state store. Destroying it is a crash: whatever it did not
// store is gone, and a new Engine on the same store carries on.
#pragma once

#include <optional>

#include "engine/core/core.h"
#include "engine/core/scheduler.h"
#include "engine/jobs/bulk_import.h"
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
  // The webhook endpoint (routes under Connection::webhook_url).
  TransportResult receive_webhook(const Request& request);

  const Settings& settings() const { return pending_settings_ ? *pending_settings_ : core_.settings; }
  const Report& report();
  Core& core() { return core_; }

 private:
  void apply_settings(Instant now);
  // The parts several jobs are handed (built from core_ while the jobs are constructed).
  CatalogParts catalog_parts();
  AccountParts account_parts();
  ShopWrites shop_writes();
  OrderImporter::Parts order_importer_parts();

  Core core_;
  ProductLinker products_;
  OrderSync orders_;
  ShipmentSync shipments_;
  StockSync stock_;
  BulkImportJob bulk_;
  WebhookSetup hooks_;
  Scheduler scheduler_;
  std::optional<Settings> pending_settings_;
};

}  // namespace lpsync
