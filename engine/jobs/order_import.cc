#include "engine/jobs/order_import.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/rules/order_lines.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::orders;

}  // namespace

Step OrderImporter::resolve_lines(const std::vector<ls::OrderLine>& lines, std::vector<NewOrderLine>& resolved,
                                  std::optional<HeldReason>& held) {
  LineClassification c = classify_lines(lines, core_.catalog.skus());
  for (int64_t unknown : c.unknown_variants) {
    Step s = read_variant(core_, backoff_, kP, unknown);
    if (s.kind == Step::stop) return s;
  }
  if (!c.unknown_variants.empty()) c = classify_lines(lines, core_.catalog.skus());
  if (!c.unknown_variants.empty()) {
    // A variant that no longer exists cannot be resolved: the line has no variant.
    held = HeldReason::missing_variant;
    return Step::ok();
  }
  if (c.held) {
    held = c.held;
    return Step::ok();
  }
  // Find every product before creating any, so a held order creates nothing.
  std::vector<std::optional<int64_t>> found(c.needs.size());
  for (size_t i = 0; i < c.needs.size(); ++i) {
    Step s = products_.find(c.needs[i].variant_id, c.needs[i].sku, kP, found[i]);
    if (!s.is_done()) return s;
    if (!found[i]) {
      if (auto reason = missing_product_decision(core_.settings.import_products)) {
        held = reason;
        return Step::ok();
      }
    }
  }
  for (size_t i = 0; i < c.needs.size(); ++i) {
    int64_t idproduct = found[i].value_or(0);
    if (auto link = core_.store.product_link(c.needs[i].variant_id); !found[i] && link &&
                                                                     link->productcode == c.needs[i].sku) {
      found[i] = idproduct = link->idproduct;  // created for an earlier line of this order
    }
    if (!found[i]) {
      Step s = products_.create(c.needs[i].variant_id, c.needs[i].sku, kP, idproduct, nullptr, c.needs[i].tax_rate);
      if (!s.is_done()) return s;
    }
    resolved.push_back({idproduct, c.needs[i].quantity, c.needs[i].unit_price_excl});
  }
  return Step::ok();
}

Step OrderImporter::import(const ls::Order& order, const std::vector<ls::OrderLine>& lines,
                           std::optional<HeldReason>& held) {
  std::vector<NewOrderLine> resolved;
  Step s = resolve_lines(lines, resolved, held);
  if (!s.is_done() || held) return s;
  return create_order(order, std::move(resolved));
}

Step OrderImporter::create_order(const ls::Order& order, std::vector<NewOrderLine> lines) {
  core_.store.begin_intent({IntentKind::create_order, order.number, core_.now()});
  // Right before the create: an order with this reference is adopted, never created twice.
  auto existing = core_.picqer.orders_with_reference(kP, order.number);
  if (!existing.ok()) return step_for(core_, backoff_, existing);
  OrderLink link{order.id, order.number, 0, false, core_.now()};
  bool adopted = !existing.value.empty();
  if (adopted) {
    const pq::Order& first = existing.value.front();
    link.idorder = first.id;
    link.processed = first.status != "concept" && first.status != "expected";
  } else {
    auto created = core_.picqer.create_order(kP, new_order_for(order, std::move(lines)));
    if (!created.ok()) return step_for(core_, backoff_, created);
    link.idorder = created.value.id;
  }
  core_.store.atomically([&] {
    core_.store.put_order_link(link);
    core_.store.end_intent(IntentKind::create_order, order.number);
  });
  backoff_.succeeded();
  core_.report.imported_order({order.number, link.idorder, core_.now(), adopted});
  core_.decide(adopted ? "order_adopted" : "order_imported", {{"order", order.number}, {"idorder", link.idorder}});
  return process(link);
}

Step OrderImporter::process(OrderLink link) {
  if (link.processed) return Step::ok();
  auto processed = core_.picqer.process_order(kP, link.idorder);
  if (!processed.ok() && processed.outcome == CallOutcome::rejected) {
    // Already processed (e.g. the answer to an earlier process call was lost): read it.
    auto current = core_.picqer.order(kP, link.idorder);
    if (!current.ok()) return step_for(core_, backoff_, current);
    if (current.value.status == "concept" || current.value.status == "expected") {
      core_.report.problem("process:" + link.number, "Picqer refused to process order " + link.number + ": " +
                                                         processed.message);
      return Step::item_failed(processed.message);
    }
  } else if (!processed.ok()) {
    return step_for(core_, backoff_, processed);
  }
  link.processed = true;
  core_.store.put_order_link(link);
  core_.report.resolved("process:" + link.number);
  backoff_.succeeded();
  return Step::ok();
}

}  // namespace lpsync
