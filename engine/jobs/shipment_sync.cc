#include "engine/jobs/shipment_sync.h"

#include "engine/rules/shipment_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::shipments;

}  // namespace

Instant ShipmentSync::order_shipped(int64_t idorder, Instant now) {
  if (queued_.size() >= basics_.limits.queued && !queued_.count(idorder)) {
    basics_.report.problem("queue_cap:shipments",
                         "more than " + std::to_string(basics_.limits.queued) +
                             " Picqer orders wait for their shipment check; lpsync dropped the webhooks past "
                             "them (queue cap): the poll of completed orders (every poll_interval) pushes those "
                             "shipments later");
    return now + kWebhookDelay;
  }
  queued_.insert(idorder);
  return now + kWebhookDelay;
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
    return std::nullopt;
  }
  if (now >= next_poll_) {
    Step s = poll_completed();
    if (s.kind == Step::stop) return s.retry_at;
    next_poll_ = now + basics_.settings.poll_interval;
  }
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
  return next_poll_;
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
      if (open.count(o.id)) queued_.insert(o.id);
    }
    if (page.value.size() < static_cast<size_t>(kPicqerPageSize)) break;
  }
  return Step::ok();
}

Step ShipmentSync::check_order(const OrderLink& link) {
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
  std::set<int64_t> recorded;
  for (const auto& sh : shipments) {
    if (parts_.pushes.shipment_push(sh.id)) recorded.insert(sh.id);
  }
  bool first_pushed = false;
  for (const auto& p : parts_.pushes.shipment_pushes()) first_pushed |= p.ls_order_id == link.ls_order_id && p.pushed;
  for (const auto& [kind, sh] : shipment_actions(std::move(shipments), recorded, first_pushed)) {
    if (kind == ShipmentAction::Kind::push) {
      if (Step s = push(link, sh); !s.is_done()) return s;
    } else {
      parts_.pushes.put_shipment_push({sh.id, link.ls_order_id, 0, sh.trackingcode, false, basics_.now()});
      basics_.report.note("Order " + link.number + " got another shipment (" + sh.trackingcode +
                                   "); the shop shows the first tracking code only.");
      basics_.decide("shipment_reported", {{"order", link.number}, {"idshipment", sh.id}});
    }
  }
  return Step::ok();
}

Step ShipmentSync::push(const OrderLink& link, const pq::Shipment& shipment) {
  std::string key = std::to_string(shipment.id);
  bool resumed = false;
  for (const auto& i : parts_.intents.intents()) resumed |= i.kind == IntentKind::push_shipment && i.key == key;
  auto ls_shipments = parts_.lightspeed.shipments_of_order(kP, link.ls_order_id);
  if (!ls_shipments.ok()) return step_for(basics_, backoff_, ls_shipments);
  if (ls_shipments.value.empty()) {
    return Step::item_failed("order " + link.number + " has no shipment in the shop to mark shipped");
  }
  const ls::Shipment& target = ls_shipments.value.front();
  bool already = target.status == "shipped" && target.tracking_code == shipment.trackingcode;
  if (!already) {
    LightspeedWrites* writes = parts_.shop_writes.get();
    if (!writes) return Step::ok();
    parts_.intents.begin_intent({IntentKind::push_shipment, key, basics_.now()});
    auto put = writes->mark_shipped(kP, target.id, shipment.trackingcode);
    if (!put.ok()) return step_for(basics_, backoff_, put);
  }
  parts_.commits.atomically([&] {
    parts_.pushes.put_shipment_push({shipment.id, link.ls_order_id, target.id, shipment.trackingcode, true, basics_.now()});
    parts_.intents.end_intent(IntentKind::push_shipment, key);
  });
  ++basics_.report.shipments_pushed;
  basics_.report.resolved("shipment:" + link.number);
  basics_.decide(already || resumed ? "shipment_confirmed" : "shipment_pushed",
               {{"order", link.number}, {"idshipment", shipment.id}, {"trackingcode", shipment.trackingcode}});
  return Step::ok();
}

}  // namespace lpsync
