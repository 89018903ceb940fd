#include "engine/jobs/order_import.h"

#include "engine/jobs/catalog_scan.h"
#include "engine/rules/order_lines.h"

namespace lpsync {
namespace {

constexpr Priority kP = Priority::orders;

}  // namespace

StepWith<OrderImporter::Resolution> OrderImporter::resolve_lines(const std::vector<ls::OrderLine>& lines,
                                                                 const std::map<int64_t, int64_t>& unseen) {
  auto unseen_of = [&](int64_t variant_id) {
    auto it = unseen.find(variant_id);
    return it == unseen.end() ? int64_t{0} : it->second;
  };
  LineClassification c = classify_lines(lines, parts_.catalog.catalog.skus());
  for (int64_t unknown : c.unknown_variants) {
    Step s = read_variant(basics_, parts_.catalog, backoff_, kP, unknown);
    if (s.kind == Step::stop) return s;
  }
  if (!c.unknown_variants.empty()) c = classify_lines(lines, parts_.catalog.catalog.skus());
  if (!c.unknown_variants.empty()) {
    // A variant that no longer exists cannot be resolved: the line has no variant.
    return Resolution{{}, HeldReason::missing_variant};
  }
  if (c.held) return Resolution{{}, c.held};
  // Find every product before creating any, so a held order creates nothing.
  std::vector<std::optional<int64_t>> found(c.needs.size());
  for (size_t i = 0; i < c.needs.size(); ++i) {
    StepWith<std::optional<int64_t>> s =
        products_.find(c.needs[i].variant_id, c.needs[i].sku, kP, unseen_of(c.needs[i].variant_id));
    if (!s.is_done()) return s;
    found[i] = s.value;
    if (!found[i]) {
      if (auto reason = missing_product_decision(basics_.settings.import_products)) return Resolution{{}, reason};
    }
  }
  Resolution resolved;
  for (size_t i = 0; i < c.needs.size(); ++i) {
    int64_t idproduct = found[i].value_or(0);
    if (auto link = parts_.links.product_link(c.needs[i].variant_id); !found[i] && link &&
                                                                     link->productcode == c.needs[i].sku) {
      found[i] = idproduct = link->idproduct;  // created for an earlier line of this order
    }
    if (!found[i]) {
      StepWith<int64_t> s = products_.create(c.needs[i].variant_id, c.needs[i].sku, kP, nullptr, c.needs[i].tax_rate,
                                             unseen_of(c.needs[i].variant_id));
      if (!s.is_done()) return s;
      idproduct = s.value;
    }
    resolved.lines.push_back({idproduct, c.needs[i].quantity, c.needs[i].unit_price_excl});
  }
  return resolved;
}

StepWith<std::optional<HeldReason>> OrderImporter::import(const ls::Order& order,
                                                          const std::vector<ls::OrderLine>& lines) {
  // An order the poll's count of open orders missed (it is counted right after the listing,
  // so only one imported another way) adds its own lines to the base stock (section 3).
  std::map<int64_t, int64_t> unseen;
  if (!products_.pending().open.counts(order.id)) {
    add_line_quantities(lines, unseen);
  }
  StepWith<Resolution> resolved = resolve_lines(lines, unseen);
  if (!resolved.is_done()) return Step(resolved);
  if (resolved.value.held) return resolved.value.held;
  return create_order(order, lines, std::move(resolved.value.lines));
}

Step OrderImporter::create_order(const ls::Order& order, const std::vector<ls::OrderLine>& shop_lines,
                                 std::vector<NewOrderLine> lines) {
  parts_.intents.begin_intent({IntentKind::create_order, order.number, basics_.now()});
  following_.insert(order.number);
  // Right before the create: an order with this reference is adopted, never created twice.
  auto existing = parts_.picqer.orders_with_reference(kP, order.number);
  if (!existing.ok()) return step_for(basics_, backoff_, existing);
  OrderLink link{order.id, order.number, 0, false, basics_.now()};
  link.lines_digest = order_lines_digest(shop_lines);
  link.followed_at = order.updated_at;
  bool adopted = !existing.value.empty();
  if (adopted) {
    const pq::Order& first = existing.value.front();
    link.idorder = first.id;
    link.processed = first.status != "concept" && first.status != "expected";
  } else {
    auto created = parts_.picqer.create_order(kP, new_order_for(order, std::move(lines)));
    if (!created.ok()) return step_for(basics_, backoff_, created);
    link.idorder = created.value.id;
  }
  parts_.orders.put_order_link(link);  // the intent stays open until the follow-up is done
  backoff_.succeeded();
  basics_.report.imported_order({order.number, link.idorder, basics_.now(), adopted});
  basics_.decide(adopted ? "order_adopted" : "order_imported", {{"order", order.number}, {"idorder", link.idorder}});
  return follow(order, link, nullptr);  // step 6
}

Step OrderImporter::follow(const ls::Order& order, const OrderLink& link, const std::vector<ls::OrderLine>* lines) {
  Step s = follow_up_.follow(order, link, lines);
  // Decided (done, or failed and reported): nothing is left for a later process to finish.
  if (s.kind != Step::stop && following_.erase(order.number)) {
    parts_.intents.end_intent(IntentKind::create_order, order.number);
  }
  return s;
}

Step OrderImporter::follow_interrupted() {
  if (!interrupted_) {
    interrupted_.emplace();
    for (const auto& i : parts_.intents.intents()) {
      if (i.kind == IntentKind::create_order && interrupted_->size() < kMaxInterrupted) interrupted_->push_back(i.key);
    }
  }
  while (!interrupted_->empty()) {
    const std::string number = interrupted_->back();
    auto listed = parts_.catalog.lightspeed.orders_with_number(kP, number);
    if (!listed.ok()) return step_for(basics_, backoff_, listed);
    backoff_.succeeded();
    std::optional<OrderLink> link;
    if (!listed.value.empty()) link = parts_.orders.order_link(listed.value.front().id);
    if (link) {
      basics_.decide("order_follow_up_resumed", {{"order", number}, {"idorder", link->idorder}});
      following_.insert(number);
      Step s = follow(listed.value.front(), *link, nullptr);
      if (s.kind == Step::stop) return s;
    }
    interrupted_->pop_back();
  }
  return Step::ok();
}

}  // namespace lpsync
