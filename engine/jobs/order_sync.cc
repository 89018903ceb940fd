#include "engine/jobs/order_sync.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/rules/order_lines.h"
#include "engine/rules/order_rules.h"
#include "engine/rules/shared_pending_rules.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::orders;

}  // namespace

Instant OrderSync::soon(Instant now) const {
  Instant at = now + kWebhookDelay;
  if (polled_ && at < last_poll_ + kMinGap) at = last_poll_ + kMinGap;
  return at;
}

std::optional<Instant> OrderSync::run(Instant now) {
  const Settings& s = basics_.settings;
  if (!s.active) return std::nullopt;  // woken when the merchant activates
  // Base stock (section 3) needs the open orders too, so Import products alone polls.
  if (!s.import_orders && !s.pushes_stock() && !s.import_products) return now + s.poll_interval;
  Step step = poll(now);
  if (step.kind == Step::stop) {
    basics_.decide("order_poll_interrupted", {{"reason", step.message}, {"retry_at", format_iso8601(step.retry_at)}});
    return step.retry_at;
  }
  if (step.kind == Step::failed) {
    // Refused outright (a wrong key, a missing permission): retrying will not help, a person
    // must act (section 7: nothing is dropped silently).
    basics_.report.problem("order_poll", "The order poll failed: " + step.message);
    basics_.decide("order_poll_failed", {{"reason", step.message}});
  } else {
    basics_.report.resolved("order_poll");
  }
  return now + s.poll_interval;
}

StepWith<const std::vector<ls::OrderLine>*> OrderSync::lines_of(const ls::Order& order) {
  bool read_by_this_poll = poll_ && poll_->lines_read.count(order.id);
  if (!basics_.tuning.incremental_reads && !read_by_this_poll) lines_.erase(order.id);
  auto it = lines_.find(order.id);
  if (it == lines_.end()) {
    auto read = parts_.import.catalog.lightspeed.order_lines(kP, order.id);
    if (read.outcome == CallOutcome::not_found) {
      // Lightspeed sometimes answers 404 for an order it has just listed; once more, at
      // once, before the order counts as gone for this poll.
      basics_.decide("order_lines_retried", {{"order", order.number}});
      read = parts_.import.catalog.lightspeed.order_lines(kP, order.id);
    }
    if (!read.ok()) return step_for(basics_, backoff_, read);
    it = lines_.emplace(order.id, std::move(read.value)).first;
    if (poll_) poll_->lines_read.insert(order.id);
  }
  return &it->second;
}

Step OrderSync::decide(const ls::Order& order, std::vector<HeldOrder>& held, std::vector<WindowOrder>& window) {
  const Settings& s = basics_.settings;
  if (auto link = parts_.import.orders.order_link(order.id)) {
    window.push_back({order, {}, true});
    if (!s.import_orders) return Step::ok();
    const std::vector<ls::OrderLine>* lines = nullptr;
    if (OrderFollowUp::needs_fresh_lines(order, *link)) {
      // Changed in the shop since it was last followed: its lines may have changed too.
      if (!poll_ || !poll_->lines_read.count(order.id)) lines_.erase(order.id);
      auto read = lines_of(order);
      if (!read.is_done()) return read;
      lines = read.value;
    }
    return importer_.follow(order, *link, lines);
  }
  std::optional<HeldReason> reason = order_decision(order, s.order_filter);
  const std::vector<ls::OrderLine>* lines = nullptr;
  if (!reason && s.import_orders) {
    if (Step catalog = catalog_for_decisions(order.updated_at); !catalog.is_done()) return catalog;
    auto read = lines_of(order);
    if (!read.is_done()) return read;
    lines = read.value;
    auto st = importer_.import(order, *lines);
    if (st.kind == Step::stop) return st;
    reason = st.value;
    if (st.kind == Step::failed) {
      basics_.report.problem("order:" + order.number, "Order " + order.number + " could not be imported: " + st.message);
    } else {
      basics_.report.resolved("order:" + order.number);
    }
    if (parts_.import.orders.order_link(order.id)) {
      parts_.pending.open.by_order.erase(order.id);  // in Picqer now: no longer open there
      window.push_back({order, *lines, true});
      return Step::ok();
    }
  }
  if (reason) {
    held.push_back({order.id, order.number, *reason, basics_.now()});
    boost::json::object fields{{"order", order.number}, {"reason", to_string(*reason)}};
    // Which SKU and variants a person has to fix (`lpsync explain` shows them).
    if (*reason == HeldReason::duplicate_sku && lines) {
      if (auto shared = shared_sku_of(*lines, parts_.import.catalog.catalog.skus())) {
        fields["productcode"] = shared->sku;
        fields["variants"] = boost::json::value_from(shared->variants);
      }
    }
    basics_.decide("order_held", std::move(fields));
  }
  // Orders not imported still hold stock Picqer has not reserved: the stock pushed (section
  // 4), here and in the other shops on the Picqer account, and the base stock of a product
  // created later (section 3) count them.
  if (counts_pending() && order_holds_unreserved_stock(order)) {
    if (!lines) {
      auto read = lines_of(order);
      if (!read.is_done()) return read;
      lines = read.value;
    }
    window.push_back({order, *lines, false});
  }
  return Step::ok();
}

Step OrderSync::poll(Instant now) {
  if (poll_ && now - poll_->started > basics_.settings.poll_interval) poll_.reset();
  if (!poll_) poll_ = Poll{now};
  Poll& p = *poll_;
  // Orders an earlier process created but did not follow up, in the window or not.
  if (Step s = importer_.follow_interrupted(); s.kind == Step::stop) return s;
  bool scan_due = !parts_.import.catalog.catalog.complete() || !basics_.tuning.incremental_reads;
  if (scan_due || parts_.shared) {
    // A full scan goes first, whatever this poll then decides; so does the catalogue the
    // pending shared with other shops is matched on (by SKU, share_pending).
    if (Step catalog = catalog_for_decisions(p.started); !catalog.is_done()) return catalog;
  }
  Instant window_start = order_window_start(p.started);
  Instant since = listed_until_ ? std::max(window_start, *listed_until_ - kListingOverlap) : window_start;
  while (!p.listed) {
    if (p.next_page > basics_.limits.lightspeed_pages) {
      // A listing that does not end (or a shop beyond any real size): decide on what was read.
      basics_.report.problem("page_cap:orders",
                           "Lightspeed lists more than " + std::to_string(basics_.limits.lightspeed_pages) +
                               " pages of orders changed in the order window; lpsync stopped reading there "
                               "(page cap): orders on later pages were not imported by this poll and are seen "
                               "again only when they change, so compare the shop's recent orders with Picqer");
      p.listed = true;
    } else {
      auto read = parts_.import.catalog.lightspeed.orders_updated_since(kP, since, p.next_page);
      if (!read.ok()) return step_for(basics_, backoff_, read);
      p.orders.insert(p.orders.end(), read.value.begin(), read.value.end());
      p.listed = read.value.size() < static_cast<size_t>(kLightspeedPageSize);
      ++p.next_page;
    }
    if (p.listed) {
      for (const auto& o : p.orders) {
        auto known = window_.find(o.id);
        bool changed = known == window_.end() || known->second.updated_at != o.updated_at;
        if (changed && (!p.newest_change || o.updated_at > *p.newest_change)) p.newest_change = o.updated_at;
      }
      for (const auto& o : p.orders) window_[o.id] = o;
      std::erase_if(window_, [&](const auto& e) { return !in_order_window(e.second.updated_at, p.started); });
      for (const auto& [id, o] : window_) p.to_decide.push_back(id);
      if (basics_.tuning.incremental_reads) listed_until_ = p.started;
    }
  }
  if (p.newest_change) {
    // An order new or changed since the last listing moved the shop's levels (it lowers them
    // itself for a new order): what the stock job knows of them is read with the SKUs.
    if (Step catalog = catalog_for_decisions(*p.newest_change); !catalog.is_done()) return catalog;
  }
  if (!p.open_counted) {
    Step st = count_open_orders(p);
    if (st.kind == Step::stop) return st;
  }
  backoff_.succeeded();
  for (; p.next_order < p.to_decide.size(); ++p.next_order) {
    auto it = window_.find(p.to_decide[p.next_order]);
    if (it == window_.end()) continue;
    Step st = decide(it->second, p.held, p.window);
    if (st.kind == Step::stop) return st;
  }
  // Forget the lines of orders that left the window.
  std::erase_if(lines_, [&](const auto& e) { return !window_.count(e.first); });

  parts_.held.put_held(p.held);
  basics_.report.held = parts_.held.held();  // as stored: with the time each was first held
  basics_.report.last_order_poll = p.started;
  ++basics_.report.order_polls;
  last_poll_ = now;
  polled_ = true;
  publish_pending(p.window);
  poll_.reset();
  return Step::ok();
}

Step OrderSync::catalog_for_decisions(Instant changed) {
  LPSYNC_CHECK(poll_.has_value(), "the catalogue is read for a poll in progress");
  if (poll_->catalog_current || catalog_serves(basics_, parts_.import.catalog.catalog, changed)) return Step::ok();
  // Decisions are made on the shop's SKUs as they are now.
  Step catalog = make_catalog_current(basics_, parts_.import.catalog, backoff_, kP);
  if (!catalog.is_done()) return catalog;
  poll_->catalog_current = true;
  return Step::ok();
}

Step OrderSync::count_open_orders(Poll& p) {
  const Settings& s = basics_.settings;
  // The lines are read when decide() needs them anyway: for products to create, or stock.
  if (s.import_products || s.pushes_stock()) {
    for (; p.next_open < p.to_decide.size(); ++p.next_open) {
      auto it = window_.find(p.to_decide[p.next_open]);
      if (it == window_.end() || !order_holds_unreserved_stock(it->second)) continue;
      if (parts_.import.orders.order_link(it->first)) continue;
      auto read = lines_of(it->second);
      if (read.kind == Step::stop) return read;
      if (!read.is_done()) continue;  // unreadable now: decide() tries again and reports it
      add_line_quantities(*read.value, p.open[it->first]);
    }
  }
  parts_.pending.open = OpenOrderQuantities{true, std::move(p.open)};
  p.open_counted = true;
  return Step::ok();
}

bool OrderSync::counts_pending() const {
  const Settings& s = basics_.settings;
  return s.pushes_stock() || s.import_products || parts_.shared;
}

void OrderSync::publish_pending(const std::vector<WindowOrder>& window) {
  std::map<int64_t, int64_t> pending = pending_quantities(window);
  std::vector<int64_t> changed;
  for (const auto& [v, q] : pending) {
    if (parts_.pending.of(v) != q) changed.push_back(v);
  }
  for (const auto& [v, q] : parts_.pending.by_variant) {
    if (!pending.count(v)) changed.push_back(v);
  }
  if (parts_.shared) {
    // The other shops change their orders without this engine seeing any: their pending,
    // read at every poll, wakes the stock job for the variants it moved, as this shop's does.
    std::map<int64_t, int64_t> others = share_pending(pending);
    std::set<int64_t> moved = quantities_changed(parts_.pending.others_by_variant, others);
    if (!moved.empty()) {
      basics_.decide("other_shops_pending_changed", {{"variants", moved.size()}});
      changed.insert(changed.end(), moved.begin(), moved.end());
    }
    parts_.pending.others_by_variant = std::move(others);
  }
  parts_.pending.by_variant = std::move(pending);
  if (!changed.empty() && on_pending_changed) on_pending_changed(changed);
}

std::map<int64_t, int64_t> OrderSync::share_pending(const std::map<int64_t, int64_t>& own) {
  const ProductLinkStore& links = parts_.import.catalog.links;
  std::map<int64_t, std::string> productcode_of;  // at most the variants of `own`
  for (const auto& [v, q] : own) {
    std::optional<ProductLink> link = links.product_link(v);
    auto code = pending_productcode(link ? std::optional<std::string>(link->productcode) : std::nullopt,
                                    parts_.import.catalog.catalog.skus(), v);
    if (code) productcode_of.emplace(v, *code);
  }
  parts_.shared->publish(pending_by_productcode(own, productcode_of));
  std::map<int64_t, std::string> linked;  // at most this shop's links
  for (const ProductLink& link : links.product_links()) linked.emplace(link.variant_id, link.productcode);
  return others_pending_by_variant(linked, parts_.shared->others(productcodes_of(linked)));
}

}  // namespace lpsync
