#include "engine/core/engine.h"

#include "engine/webhooks/receiver.h"

namespace lpsync {

Engine::Engine(EngineEnv env, Connection connection, Settings settings)
    : core_(std::move(env), std::move(connection), std::move(settings)),
      held_(core_.store),
      products_(core_.job_basics(), {core_.lightspeed, core_.picqer, core_.catalog, core_.account, core_.store,
                                     core_.store, core_.store, core_.pending}),
      orders_(core_.job_basics(), {order_importer_parts(), held_, core_.pending, core_.shared_pending}, products_),
      shipments_(core_.job_basics(), {core_.lightspeed, shop_writes(), core_.picqer, core_.store, core_.store,
                                      core_.store, core_.store}),
      stock_(core_.job_basics(),
             {catalog_parts(), account_parts(), shop_writes(), core_.store, core_.pending}, products_),
      bulk_(core_.job_basics(), {catalog_parts(), account_parts(), core_.store, core_.store}, products_),
      hooks_(core_.job_basics(),
             {core_.connection, core_.lightspeed, shop_writes(), core_.picqer, core_.store, core_.make_secret}),
      by_hand_(core_.job_basics(), {order_importer_parts(), core_.pending, held_}, products_),
      scheduler_(core_.clock) {
  scheduler_.add(by_hand_, std::nullopt);  // first, so a request due with the first poll goes first
  by_hand_.on_answer = [this](const ByHandAnswer& a) {
    // The poll's pending quantities still count an order imported by hand: a poll soon
    // brings them (and the held list) up to date. Not for the command, which runs no poll.
    if (started_ && a.result == ByHandResult::imported) scheduler_.wake(orders_, orders_.soon(core_.now()));
  };
  orders_.on_pending_changed = [this](const std::vector<int64_t>& variants) {
    if (core_.settings.pushes_stock()) scheduler_.wake(stock_, stock_.variants_changed(variants, core_.now()));
  };
  stock_.request_order_poll = [this] { scheduler_.wake(orders_, core_.now()); };
  scheduler_.before_each_tick([this](Instant now) { apply_settings(now); });
  // The decision log gets one commit per tick, not one per decision.
  scheduler_.after_each_tick([this](Instant) { core_.decisions.flush(); });
}

Engine::~Engine() { stop(); }

CatalogParts Engine::catalog_parts() { return {core_.lightspeed, core_.catalog, core_.store, core_.store}; }

AccountParts Engine::account_parts() { return {core_.picqer, core_.account}; }

ShopWrites Engine::shop_writes() { return {core_.lightspeed_writer, core_.settings}; }

OrderImporter::Parts Engine::order_importer_parts() {
  return {catalog_parts(), core_.picqer, core_.store, core_.store, core_.store, core_.store};
}

void Engine::start() {
  const Settings& s = core_.settings;
  Instant now = core_.now();
  auto when = [&](bool on) { return on ? std::optional<Instant>(now) : std::nullopt; };
  core_.report.held = core_.store.held();
  core_.report.bulk = core_.store.bulk_import();
  // Added in priority order; due jobs run by priority anyway.
  scheduler_.add(orders_, when(s.active));
  scheduler_.add(hooks_, when(s.active));
  scheduler_.add(shipments_, when(s.pushes_shipments()));
  scheduler_.add(stock_, when(s.pushes_stock()));
  scheduler_.add(bulk_, when(s.active && core_.store.bulk_import().running));
  scheduler_.start();
  started_ = true;
  core_.decide("engine_started", {{"active", s.active}, {"read_only", s.read_only}});
}

void Engine::stop() { scheduler_.stop(); }

void Engine::change_settings(const Settings& settings) {
  pending_settings_ = settings;
  scheduler_.tick_at(core_.now());
}

void Engine::activate() {
  Settings s = this->settings();
  s.active = true;
  change_settings(s);
}

std::string Engine::import_products() {
  apply_settings(core_.now());
  std::string why = bulk_.start(core_.now());
  if (why.empty()) scheduler_.wake(bulk_, core_.now());
  return why;
}

void Engine::apply_settings(Instant now) {
  if (!pending_settings_) return;
  Settings before = core_.settings;
  core_.settings = *pending_settings_;
  pending_settings_.reset();
  const Settings& after = core_.settings;
  if (before == after) return;
  core_.decide("settings_changed", {{"active", after.active},
                                    {"read_only", after.read_only},
                                    {"send_stock", after.send_stock},
                                    {"send_shipments", after.send_shipments},
                                    {"order_filter", to_string(after.order_filter)}});
  if (after.active && !before.active) {
    scheduler_.wake(orders_, now);
    scheduler_.wake(hooks_, now);
    if (bulk_.running()) scheduler_.wake(bulk_, now);
  }
  if (after.active && (after.import_orders != before.import_orders || after.order_filter != before.order_filter ||
                       after.poll_interval < before.poll_interval)) {
    scheduler_.wake(orders_, now);
  }
  if (after.pushes_stock() && !before.pushes_stock()) {
    stock_.reconcile_next();
    // The order poll runs first at this instant, so the pending quantities are current.
    scheduler_.wake(orders_, now);
    scheduler_.wake(stock_, now);
  }
  if (after.pushes_shipments() && !before.pushes_shipments()) scheduler_.wake(shipments_, now);
  if (after.may_write_lightspeed() && !before.may_write_lightspeed()) scheduler_.wake(hooks_, now);
}

void Engine::import_order(std::string number, OrderByHand::Answered done) {
  apply_settings(core_.now());
  core_.decide("order_by_hand_asked", {{"order", number}});
  by_hand_.ask(std::move(number), std::move(done));
  scheduler_.start();  // an engine that was not started runs this request alone
  scheduler_.wake(by_hand_, core_.now());
  core_.decisions.flush();
}

TransportResult Engine::receive_webhook(const Request& request) {
  WebhookTargets t;
  t.picqer_secret = [this] { return core_.store.value("picqer.hook_secret").value_or(""); };
  t.lightspeed_token = core_.connection.webhook_token;
  t.lightspeed_signing_secret = core_.connection.lightspeed_webhook_secret;
  t.free_stock_changed = [this](int64_t idproduct, const std::optional<std::vector<pq::StockRow>>& stock) {
    if (core_.settings.pushes_stock()) scheduler_.wake(stock_, stock_.product_changed(idproduct, core_.now(), stock));
  };
  t.picqer_order_changed = [this](int64_t idorder) {
    if (core_.settings.pushes_shipments()) {
      scheduler_.wake(shipments_, shipments_.order_shipped(idorder, core_.now()));
    }
  };
  t.lightspeed_order_changed = [this] {
    // An early poll is a luxury (OrderSync::early_poll_room); otherwise the order waits for
    // the next scheduled poll.
    Instant now = core_.now();
    Priority room = OrderSync::early_poll_room(bulk_.running());
    if (core_.settings.active && core_.lightspeed_budget.available_at(room, now) <= now) {
      scheduler_.wake(orders_, orders_.soon(now));
    }
  };
  TransportResult result = lpsync::receive_webhook(request, t);
  if (result.ok() && result.value().status == 401) ++core_.report.webhooks_refused;
  core_.decide("webhook_received", {{"path", parse_url(request.url) ? parse_url(request.url)->path : ""},
                                    {"status", result.ok() ? result.value().status : 0}});
  core_.decisions.flush();
  return result;
}

const Report& Engine::report() { return report_as_of(core_.now()); }

const Report& Engine::report_as_of(Instant at) {
  core_.refresh_usage(at);
  core_.report.bulk = core_.store.bulk_import();
  core_.report.held = core_.store.held();  // with the time each was first held (HeldSinceStore)
  return core_.report;
}

Engine::SentRequests Engine::sent_requests() const {
  return {core_.lightspeed_budget.stats().sent, core_.picqer_budget.stats().sent};
}

}  // namespace lpsync
