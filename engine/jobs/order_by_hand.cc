#include "engine/jobs/order_by_hand.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/rules/order_lines.h"
#include "engine/rules/order_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::orders;

}  // namespace

void OrderByHand::ask(std::string number, Answered done) {
  Asked a{std::move(number), std::move(done)};
  if (asked_.size() >= kMaxAsked) {
    answer(a, {a.number, ByHandResult::failed, std::nullopt, 0,
               std::to_string(kMaxAsked) + " orders are already waiting to be imported by hand: ask again in a minute",
               basics_.now()});
    return;
  }
  asked_.push_back(std::move(a));
}

std::optional<Instant> OrderByHand::run(Instant now) {
  // One request per run: the other jobs get their turn between requests.
  if (asked_.empty()) return std::nullopt;
  StepWith<ByHandAnswer> step = work(asked_.front());
  if (step.kind == Step::stop) {
    basics_.decide("order_by_hand_interrupted", {{"order", asked_.front().number},
                                                 {"reason", step.message},
                                                 {"retry_at", format_iso8601(step.retry_at)}});
    return step.retry_at;
  }
  Asked a = std::move(asked_.front());
  asked_.pop_front();
  if (step.kind == Step::failed) {
    answer(a, {a.number, ByHandResult::failed, std::nullopt, 0, step.message, now});
  } else {
    answer(a, std::move(step.value));
  }
  return asked_.empty() ? std::nullopt : std::optional<Instant>(now);
}

void OrderByHand::answer(Asked& a, ByHandAnswer answer) {
  answer.at = basics_.now();
  boost::json::object fields{{"order", answer.number}, {"result", to_string(answer.result)}};
  if (answer.reason) fields["reason"] = to_string(*answer.reason);
  if (answer.idorder) fields["idorder"] = answer.idorder;
  if (!answer.message.empty()) fields["message"] = answer.message;
  if (!answer.sharing.empty()) {
    fields["productcode"] = answer.shared_sku;
    fields["variants"] = boost::json::value_from(answer.sharing);
  }
  basics_.decide("order_by_hand", std::move(fields));
  basics_.report.answered_by_hand(answer);
  if (a.done) a.done(answer);
  if (on_answer) on_answer(answer);
}

StepWith<ByHandAnswer> OrderByHand::work(Asked& a) {
  auto& lightspeed = parts_.import.catalog.lightspeed;
  if (!a.listed) {
    auto read = lightspeed.orders_with_number(kP, a.number);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    a.listed = std::move(read.value);
  }
  const Settings& s = basics_.settings;
  std::optional<OrderLink> link;
  if (!a.listed->empty()) link = parts_.import.orders.order_link(a.listed->front().id);
  if (auto verdict = by_hand_decision(*a.listed, link.has_value(), s.active, s.order_filter)) {
    if (verdict->result == ByHandResult::already_imported && s.active && !link->processed) {
      // Created, but not followed up: a crash came between the create and the process. The
      // poll follows only orders in its window, so this is the follow-up's one chance.
      Step followed = importer_.follow(a.listed->front(), *link, nullptr);
      if (!followed.is_done()) return followed;
    }
    return ByHandAnswer{a.number, verdict->result, verdict->reason, link ? link->idorder : 0, "", basics_.now()};
  }
  if (!a.catalog_current) {
    // The lines are decided on the shop's SKUs as they are now, as the poll decides them.
    Step catalog = make_catalog_current(basics_, parts_.import.catalog, backoff_, kP);
    if (!catalog.is_done()) return catalog;
    a.catalog_current = true;
  }
  if (!parts_.pending.open.known) {
    if (Step st = count_open_orders(); !st.is_done()) return st;
  }
  return import(a, a.listed->front());
}

StepWith<ByHandAnswer> OrderByHand::import(Asked& a, const ls::Order& order) {
  auto lines = parts_.import.catalog.lightspeed.order_lines(kP, order.id);
  if (!lines.ok()) return step_for(basics_, backoff_, lines);
  auto imported = importer_.import(order, lines.value);
  if (!imported.is_done()) return Step(imported);
  backoff_.succeeded();
  if (imported.value) {
    ByHandAnswer held{a.number, ByHandResult::held, imported.value, 0, "", basics_.now()};
    if (*imported.value == HeldReason::duplicate_sku) {
      if (auto shared = shared_sku_of(lines.value, parts_.import.catalog.catalog.skus())) {
        held.shared_sku = shared->sku;
        held.sharing = shared->variants;
      }
    }
    return held;
  }
  auto link = parts_.import.orders.order_link(order.id);
  if (!link) return Step::item_failed("order " + a.number + " was imported but its link is not stored");
  parts_.pending.open.by_order.erase(order.id);  // in Picqer now: no longer open there
  std::vector<HeldOrder> held = parts_.held.held();  // nor held: status shows it at once
  auto same = [&](const HeldOrder& h) { return h.ls_order_id == order.id; };
  if (std::erase_if(held, same) > 0) {
    parts_.held.put_held(held);
    basics_.report.held = parts_.held.held();
  }
  return ByHandAnswer{a.number, ByHandResult::imported, std::nullopt, link->idorder, "", basics_.now()};
}

Step OrderByHand::count_open_orders() {
  if (!count_) count_ = OpenCount{basics_.now()};
  OpenCount& c = *count_;
  auto& lightspeed = parts_.import.catalog.lightspeed;
  while (!c.listed) {
    // Past the page cap the count holds what was read (the poll reports the cap).
    if (c.next_page > basics_.limits.lightspeed_pages) break;
    auto read = lightspeed.orders_updated_since(kP, order_window_start(c.started), c.next_page);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    c.orders.insert(c.orders.end(), read.value.begin(), read.value.end());
    c.listed = read.value.size() < static_cast<size_t>(kLightspeedPageSize);
    ++c.next_page;
  }
  for (; c.next < c.orders.size(); ++c.next) {
    const ls::Order& o = c.orders[c.next];
    if (!order_holds_unreserved_stock(o) || parts_.import.orders.order_link(o.id)) continue;
    auto read = lightspeed.order_lines(kP, o.id);
    if (!read.ok() && should_retry(read.outcome)) return step_for(basics_, backoff_, read);
    if (!read.ok()) continue;  // gone since it was listed: it holds nothing
    add_line_quantities(read.value, c.open[o.id]);
  }
  // A poll that counted meanwhile is newer: keep its count.
  if (!parts_.pending.open.known) parts_.pending.open = OpenOrderQuantities{true, std::move(c.open)};
  basics_.decide("open_orders_counted_by_hand", {{"orders", static_cast<int64_t>(c.orders.size())}});
  count_.reset();
  return Step::ok();
}

}  // namespace lpsync
