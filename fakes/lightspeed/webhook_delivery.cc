#include "fakes/lightspeed/webhook_delivery.h"

namespace lpsync::fakes::lightspeed {

WebhookSender::~WebhookSender() {
  for (TimerId t : timers_) clock_.cancel(t);
}

void WebhookSender::schedule(int64_t webhook_id, const std::string& event, int64_t object_id, Request request,
                             Duration delay) {
  WebhookDelivery d;
  d.webhook_id = webhook_id;
  d.event = event;
  d.object_id = object_id;
  d.due = clock_.now() + delay;
  d.request = std::move(request);
  if (timers_.size() >= max_pending_) {
    d.dropped = true;
    d.error = "queue full: " + std::to_string(max_pending_) + " deliveries were waiting (delivery queue cap)";
    ++queue_full_drops_;
    record(std::move(d));
    return;
  }
  auto fault = faults_.for_webhook(event, clock_.now());
  if (fault == FaultKind::webhook_drop) {
    d.dropped = true;
    record(std::move(d));
    return;
  }
  if (fault == FaultKind::webhook_duplicate) {
    WebhookDelivery second = d;
    second.copy = 2;
    add(std::move(d));
    add(std::move(second));
    return;
  }
  add(std::move(d));
}

void WebhookSender::record(WebhookDelivery d) {
  deliveries_.push_back(std::move(d));
  while (deliveries_.size() > log_limit_) {
    deliveries_.pop_front();
    ++first_seq_;
  }
}

void WebhookSender::add(WebhookDelivery d) {
  size_t seq = first_seq_ + deliveries_.size();
  Instant due = d.due;
  auto request = std::make_shared<Request>(d.request);
  record(std::move(d));
  // The timer's id is known only once it is set; a shared slot lets the callback remove it.
  auto id = std::make_shared<TimerId>(0);
  *id = clock_.call_at(due, [this, seq, request, id] {
    timers_.erase(*id);
    TransportResult r = transport_.send(*request);
    if (seq < first_seq_) return;  // its record left the log meanwhile
    WebhookDelivery& sent = deliveries_[seq - first_seq_];
    sent.sent = true;
    if (r.ok()) {
      sent.status = r.value().status;
    } else {
      sent.error = std::string(to_string(r.error().kind)) + ": " + r.error().message;
    }
  });
  timers_.insert(*id);
}

std::optional<boost::json::object> event_payload(const Serializer& json, const Shop& shop, const ShopEvent& event) {
  if (event.group == "orders") {
    if (const Order* o = Shop::find(shop.orders(), event.id)) return json.wrap("order", json.order_embedded(*o));
  } else if (event.group == "variants") {
    if (const Variant* v = Shop::find(shop.variants(), event.id)) {
      return json.wrap("variant", json.variant_embedded(*v));
    }
  } else if (event.group == "products") {
    if (const Product* p = Shop::find(shop.products(), event.id)) return json.wrap("product", json.product(*p));
  } else if (event.group == "shipments") {
    if (const Shipment* s = Shop::find(shop.shipments(), event.id)) {
      return json.wrap("shipment", json.shipment(*s));
    }
  }
  return std::nullopt;
}

}  // namespace lpsync::fakes::lightspeed
