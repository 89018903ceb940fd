#include "engine/jobs/order_follow_up.h"

#include <algorithm>

#include "engine/env/check.h"
#include "engine/rules/order_rules.h"
#include "engine/rules/shipment_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::orders;

PicqerStage stage_of(const OrderLink& link) {
  if (link.cancelled) return PicqerStage::cancelled;
  if (link.needs_person == to_string(NeedsPersonReason::cancelled_after_pick)) return PicqerStage::picked;
  return link.processed ? PicqerStage::processing : PicqerStage::unprocessed;
}

bool is_concept(const pq::Order& o) { return o.status == "concept" || o.status == "expected"; }

}  // namespace

bool OrderFollowUp::needs_fresh_lines(const ls::Order& order, const OrderLink& link) {
  return order.updated_at > link.followed_at && !link.cancelled && !status_gate(order).has_value();
}

Step OrderFollowUp::follow(const ls::Order& order, OrderLink link, const std::vector<ls::OrderLine>* lines) {
  const OrderLink before = link;
  link.pickup = order_is_pickup(order);  // what the shipment push says (section 5)
  bool lines_changed = link.needs_person == to_string(NeedsPersonReason::lines_changed_after_import);
  if (lines) {
    std::string digest = order_lines_digest(*lines);
    if (link.lines_digest.empty()) link.lines_digest = digest;  // a link from before version 3
    lines_changed = digest != link.lines_digest;
  }
  OrderAsImported as_imported{stage_of(link), link.allocated, lines_changed};
  FollowUp f = follow_up(order, as_imported, basics_.settings.order_filter, basics_.settings.process_orders);
  Step done = f.action == FollowUp::Action::cancel || f.action == FollowUp::Action::cancel_force
                  ? cancel(order, link, as_imported)
                  : act(order, link, f);
  if (done.kind == Step::stop) return done;
  // Followed, even when Picqer refused the action (reported; tried again at the next poll):
  // the lines were compared above, so they need not be read again until the order changes.
  link.followed_at = std::max(link.followed_at, order.updated_at);
  if (link != before) parts_.orders.put_order_link(link);
  return done;
}

Step OrderFollowUp::act(const ls::Order& order, OrderLink& link, FollowUp f) {
  switch (f.action) {
    case FollowUp::Action::process: needs_person(link, std::nullopt); return process(link);
    case FollowUp::Action::allocate: needs_person(link, std::nullopt); return allocate(link);
    case FollowUp::Action::needs_person: needs_person(link, f.reason); return Step::ok();
    case FollowUp::Action::nothing: needs_person(link, std::nullopt); return Step::ok();
    case FollowUp::Action::cancel:
    case FollowUp::Action::cancel_force: break;
  }
  LPSYNC_CHECK(false, "a cancel is carried out by cancel(), after reading the Picqer order");
  return Step::ok();
}

StepWith<bool> OrderFollowUp::still_concept(const OrderLink& link) {
  auto current = parts_.picqer.order(kP, link.idorder);
  if (!current.ok()) return step_for(basics_, backoff_, current);
  return is_concept(current.value);
}

Step OrderFollowUp::process(OrderLink& link) {
  auto processed = parts_.picqer.process_order(kP, link.idorder);
  if (!processed.ok() && processed.outcome == CallOutcome::rejected) {
    // Already processed (e.g. the answer to an earlier process call was lost): read it.
    auto concept_now = still_concept(link);
    if (!concept_now.is_done()) return concept_now;
    if (concept_now.value) {
      basics_.report.problem("process:" + link.number, "Picqer refused to process order " + link.number + ": " +
                                                         processed.message);
      return Step::item_failed(processed.message);
    }
  } else if (!processed.ok()) {
    return step_for(basics_, backoff_, processed);
  }
  link.processed = true;
  basics_.report.resolved("process:" + link.number);
  basics_.decide("order_processed", {{"order", link.number}, {"idorder", link.idorder}});
  backoff_.succeeded();
  return Step::ok();
}

Step OrderFollowUp::allocate(OrderLink& link) {
  auto allocated = parts_.picqer.allocate_order(kP, link.idorder);
  if (!allocated.ok() && allocated.outcome == CallOutcome::rejected) {
    // Past concept already (a person processed it in Picqer): nothing to hold any more.
    auto concept_now = still_concept(link);
    if (!concept_now.is_done()) return concept_now;
    if (concept_now.value) {
      basics_.report.problem("allocate:" + link.number, "Picqer refused to allocate stock for order " + link.number +
                                                          " (it stays unpaid in Picqer without held stock): " +
                                                          allocated.message);
      return Step::item_failed(allocated.message);
    }
    link.processed = true;
    return Step::ok();
  }
  if (!allocated.ok()) return step_for(basics_, backoff_, allocated);
  link.allocated = true;
  basics_.report.resolved("allocate:" + link.number);
  basics_.decide("order_allocated", {{"order", link.number}, {"idorder", link.idorder}});
  backoff_.succeeded();
  return Step::ok();
}

Step OrderFollowUp::cancel(const ls::Order& order, OrderLink& link, OrderAsImported as_imported) {
  auto current = parts_.picqer.order(kP, link.idorder);
  if (!current.ok()) return step_for(basics_, backoff_, current);
  std::vector<pq::Picklist> picklists;
  if (!is_concept(current.value) && current.value.status != "cancelled") {
    auto read = parts_.picqer.picklists_of_order(kP, link.idorder);
    if (!read.ok()) return step_for(basics_, backoff_, read);
    picklists = std::move(read.value);
  }
  as_imported.stage = picqer_stage(current.value, picklists);
  link.processed = link.processed || !is_concept(current.value);
  FollowUp f = follow_up(order, as_imported, basics_.settings.order_filter, basics_.settings.process_orders);
  if (as_imported.stage == PicqerStage::cancelled) {
    link.cancelled = true;  // by a person, or by an earlier run whose answer was lost
    needs_person(link, std::nullopt);
    return Step::ok();
  }
  if (f.action != FollowUp::Action::cancel && f.action != FollowUp::Action::cancel_force) return act(order, link, f);
  bool force = f.action == FollowUp::Action::cancel_force;
  auto cancelled = parts_.picqer.cancel_order(kP, link.idorder, force);
  if (!cancelled.ok()) {
    if (cancelled.outcome == CallOutcome::rejected) {
      basics_.report.problem("cancel:" + link.number, "Picqer refused to cancel order " + link.number +
                                                        ", which was cancelled in the shop: " + cancelled.message +
                                                        "; cancel it in Picqer by hand");
    }
    return step_for(basics_, backoff_, cancelled);
  }
  link.cancelled = true;
  needs_person(link, std::nullopt);
  basics_.report.resolved("cancel:" + link.number);
  basics_.decide("order_cancelled_in_picqer", {{"order", link.number}, {"idorder", link.idorder}, {"force", force}});
  backoff_.succeeded();
  return Step::ok();
}

void OrderFollowUp::needs_person(OrderLink& link, std::optional<NeedsPersonReason> reason) {
  std::string word = reason ? std::string(to_string(*reason)) : std::string();
  if (reason) {
    basics_.report.needs_a_person({link.number, word, std::string(explain(*reason)), basics_.now()});
  } else {
    basics_.report.no_longer_needs_a_person(link.number);
  }
  if (word == link.needs_person) return;
  link.needs_person = word;
  if (reason) {
    basics_.decide("order_needs_person", {{"order", link.number}, {"reason", word}});
  } else {
    basics_.decide("order_no_longer_needs_person", {{"order", link.number}});
  }
}

}  // namespace lpsync
