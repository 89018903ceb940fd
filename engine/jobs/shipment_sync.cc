#include "engine/jobs/shipment_sync.h"

#include <algorithm>

namespace lpsync {
namespace {

constexpr Priority kP = Priority::shipments;

}  // namespace

// The webhook comes as the shipment is made, so it cannot be due before shipment_delay from now:
// the order is checked then (not at once and again later), once however often the hook comes.
Instant ShipmentSync::order_shipped(int64_t idorder, Instant now) {
  Instant at = now + std::max(kWebhookDelay, basics_.settings.shipment_delay);
  if (!room_to_wait(idorder)) return at;
  auto [it, fresh] = waiting_.emplace(idorder, at);
  if (!fresh) it->second = std::min(it->second, at);
  return it->second;
}

std::optional<OrderLink> ShipmentSync::link_of_picqer_order(int64_t idorder) const {
  for (const auto& l : parts_.orders.order_links()) {
    if (l.idorder == idorder) return l;
  }
  return std::nullopt;
}

std::optional<Instant> ShipmentSync::run(Instant now) {
  if (!basics_.settings.pushes_shipments()) {
    queued_.clear();
    waiting_.clear();
    return std::nullopt;
  }
  if (now >= next_poll_) {
    Step s = poll_completed();
    if (s.kind == Step::stop) return s.retry_at;
    next_poll_ = now + basics_.settings.poll_interval;
  }
  queue_due(now);
  while (!queued_.empty()) {
    int64_t idorder = *queued_.begin();
    if (auto link = link_of_picqer_order(idorder)) {
      Step s = check_order(*link);
      if (s.kind == Step::stop) return s.retry_at;
      if (s.kind == Step::failed) basics_.report.problem("shipment:" + link->number, s.message);
    }
    queued_.erase(queued_.begin());
  }
  backoff_.succeeded();
  Instant next = next_poll_;
  for (const auto& [idorder, at] : waiting_) next = std::min(next, at);
  return next;
}

// Orders whose waiting shipment may now reach the shop are checked again (read afresh).
void ShipmentSync::queue_due(Instant now) {
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    if (it->second > now) {
      ++it;
      continue;
    }
    queued_.insert(it->first);
    it = waiting_.erase(it);
  }
}

Step ShipmentSync::poll_completed() {
  // Imported orders whose first shipment is not in the shop yet.
  std::set<int64_t> open;
  for (const auto& l : parts_.orders.order_links()) open.insert(l.idorder);
  for (const auto& p : parts_.pushes.shipment_pushes()) {
    if (auto l = parts_.orders.order_link(p.ls_order_id)) open.erase(l->idorder);
  }
  if (open.empty()) return Step::ok();
  int64_t since = *open.begin() - 1;
  for (int64_t offset = 0;; offset += kPicqerPageSize) {
    if (offset >= static_cast<int64_t>(basics_.limits.picqer_pages) * kPicqerPageSize) {
      basics_.report.problem("page_cap:completed_orders",
                           "Picqer lists more than " + std::to_string(basics_.limits.picqer_pages) +
                               " pages of completed orders since the oldest one without a shipment in the shop; "
                               "lpsync stopped reading there (page cap): shipments of the orders past them are "
                               "pushed only when Picqer's webhook for them arrives");
      break;
    }
    auto page = parts_.picqer.orders(kP, "completed", since, offset);
    if (!page.ok()) return step_for(basics_, backoff_, page);
    for (const auto& o : page.value) {
      // One already waiting for its delay (its webhook came) is read when the delay is over,
      // not now and again then.
      if (open.count(o.id) && !waiting_.count(o.id)) queued_.insert(o.id);
    }
    if (page.value.size() < static_cast<size_t>(kPicqerPageSize)) break;
  }
  return Step::ok();
}

StepWith<std::vector<pq::Shipment>> ShipmentSync::shipments_of(const OrderLink& link) {
  auto picklists = parts_.picqer.picklists_of_order(kP, link.idorder);
  if (!picklists.ok()) return step_for(basics_, backoff_, picklists);
  std::vector<pq::Shipment> shipments;
  for (const auto& pl : picklists.value) {
    auto s = parts_.picqer.shipments_of_picklist(kP, pl.id);
    if (!s.ok()) return step_for(basics_, backoff_, s);
    for (const auto& sh : s.value) {
      if (shipment_of_order(sh, link.idorder, pl.id)) shipments.push_back(sh);
    }
  }
  return shipments;
}

Step ShipmentSync::check_order(const OrderLink& link) {
  auto read = shipments_of(link);
  if (!read.is_done()) return read;
  std::set<int64_t> recorded;
  for (const auto& sh : read.value) {
    if (parts_.pushes.shipment_push(sh.id)) recorded.insert(sh.id);
  }
  bool first_pushed = false;
  for (const auto& p : parts_.pushes.shipment_pushes()) first_pushed |= p.ls_order_id == link.ls_order_id && p.pushed;
  for (const auto& [kind, sh] : shipment_actions(std::move(read.value), recorded, first_pushed)) {
    ShipmentFacts facts = facts_of(link, sh);
    ShipmentDecision d = shipment_decision(facts, basics_.now(), basics_.settings.shipment_delay);
    if (d.kind == ShipmentDecision::Kind::wait) {
      // This one and every later one wait: a later shipment is pushed instead when this
      // one is cancelled within the delay.
      wait_until(link, d.not_before);
      break;
    }
    if (d.kind != ShipmentDecision::Kind::notify) continue;
    if (kind == ShipmentAction::Kind::push) {
      if (Step s = push(link, sh, facts); !s.is_done()) return s;
    } else {
      parts_.pushes.put_shipment_push({sh.id, link.ls_order_id, 0, sh.trackingcode, false, basics_.now()});
      basics_.report.note("Order " + link.number + " got another shipment (" + sh.trackingcode +
                                   "); the shop shows the first tracking code only.");
      basics_.decide("shipment_reported", {{"order", link.number}, {"idshipment", sh.id}});
    }
  }
  return Step::ok();
}

// What the rules need of one shipment. A shipment read without a `created` time counts from
// when this process first read it (after a restart it waits the whole delay again).
ShipmentFacts ShipmentSync::facts_of(const OrderLink& link, const pq::Shipment& sh) {
  ShipmentFacts f;
  f.linked_idorder = link.idorder;
  f.read_idorder = sh.idorder ? sh.idorder : link.idorder;  // none on the shipment: its picklist's, checked
  f.cancelled = sh.cancelled;
  if (sh.created) {
    f.created = *sh.created;
  } else {
    if (first_seen_.size() >= basics_.limits.queued && !first_seen_.count(sh.id)) first_seen_.erase(first_seen_.begin());
    f.created = first_seen_.emplace(sh.id, basics_.now()).first->second;
  }
  return f;
}

void ShipmentSync::wait_until(const OrderLink& link, Instant at) {
  if (room_to_wait(link.idorder)) waiting_[link.idorder] = at;
}

// Whether `idorder` may wait for its shipment check (webhook or delay); past the cap the
// report says so once and the poll of completed orders covers the orders dropped.
bool ShipmentSync::room_to_wait(int64_t idorder) {
  if (waiting_.size() < basics_.limits.queued || waiting_.count(idorder)) return true;
  basics_.report.problem("queue_cap:shipments",
                         "more than " + std::to_string(basics_.limits.queued) +
                             " Picqer orders wait for their shipment check; lpsync dropped the ones past them "
                             "(queue cap): the poll of completed orders (every poll_interval) pushes those "
                             "shipments later");
  return false;
}

// The shop's order as it is now (is it a pickup order, is it marked ready already). Lightspeed
// sometimes answers 404 for an order it has; once more, at once, before giving up this round.
StepWith<ls::Order> ShipmentSync::shop_order(const OrderLink& link) {
  auto read = parts_.lightspeed.order(kP, link.ls_order_id);
  if (read.outcome == CallOutcome::not_found) read = parts_.lightspeed.order(kP, link.ls_order_id);
  if (!read.ok()) return step_for(basics_, backoff_, read);
  return std::move(read.value);
}

Step ShipmentSync::push(const OrderLink& link, const pq::Shipment& shipment, ShipmentFacts facts) {
  std::string key = std::to_string(shipment.id);
  bool resumed = false;
  for (const auto& i : parts_.intents.intents()) resumed |= i.kind == IntentKind::push_shipment && i.key == key;
  // The shop's order is read only for a pickup order (its status says whether it is marked
  // ready already) or a link from before the flag was kept (schema 3: no lines digest yet).
  std::optional<ls::Order> shop;
  if (link.pickup || link.lines_digest.empty()) {
    auto order = shop_order(link);
    if (!order.is_done()) return order;
    shop = std::move(order.value);
  }
  facts.pickup = shop && order_is_pickup(*shop);
  ShopNotice notice = shipment_decision(facts, basics_.now(), basics_.settings.shipment_delay).notice;
  bool pickup = notice == ShopNotice::ready_for_pickup;
  auto ls_shipments = parts_.lightspeed.shipments_of_order(kP, link.ls_order_id);
  if (!ls_shipments.ok()) return step_for(basics_, backoff_, ls_shipments);
  if (ls_shipments.value.empty()) {
    return Step::item_failed("order " + link.number + " has no shipment in the shop to mark " +
                             (pickup ? "ready for pickup" : "shipped"));
  }
  const ls::Shipment& target = ls_shipments.value.front();
  bool already = pickup ? shop->status == "processing_ready_for_pickup" || shop->status == "completed_picked_up"
                        : target.status == "shipped" && target.tracking_code == shipment.trackingcode;
  if (!already) {
    LightspeedWrites* writes = parts_.shop_writes.get();
    if (!writes) return Step::ok();
    parts_.intents.begin_intent({IntentKind::push_shipment, key, basics_.now()});
    auto put = pickup ? writes->mark_ready_for_pickup(kP, target.id) : writes->mark_shipped(kP, target.id, shipment.trackingcode);
    if (!put.ok()) return step_for(basics_, backoff_, put);
  }
  parts_.commits.atomically([&] {
    parts_.pushes.put_shipment_push({shipment.id, link.ls_order_id, target.id, shipment.trackingcode, true, basics_.now()});
    parts_.intents.end_intent(IntentKind::push_shipment, key);
  });
  ++basics_.report.shipments_pushed;
  basics_.report.resolved("shipment:" + link.number);
  std::string_view what = already || resumed ? "shipment_confirmed" : pickup ? "shipment_ready_for_pickup" : "shipment_pushed";
  basics_.decide(what, {{"order", link.number}, {"idshipment", shipment.id}, {"trackingcode", shipment.trackingcode},
                        {"notice", to_string(notice)}});
  return Step::ok();
}

}  // namespace lpsync
