#include <algorithm>
#include <set>
#include <stdexcept>

#include "engine/env/check.h"
#include "engine/state/state_store.h"

namespace lpsync {
namespace {

template <typename M>
auto find_value(const M& m, const typename M::key_type& k) -> std::optional<typename M::mapped_type> {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

template <typename M>
auto values_of(const M& m) {
  std::vector<typename M::mapped_type> out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.push_back(v);
  return out;
}

}  // namespace

std::optional<OrderLink> MemoryStateStore::order_link(int64_t id) const { return find_value(orders_, id); }

void MemoryStateStore::put_order_link(const OrderLink& link) {
  // The same invariant the SQLite schema enforces: one Picqer order per Lightspeed order.
  auto it = orders_.find(link.ls_order_id);
  if (it != orders_.end() && it->second.idorder != link.idorder) {
    throw std::logic_error("order " + link.number + " is already linked to another Picqer order");
  }
  auto other = ls_order_by_idorder_.find(link.idorder);
  if (other != ls_order_by_idorder_.end() && other->second != link.ls_order_id) {
    throw std::logic_error("Picqer order " + std::to_string(link.idorder) + " is already linked to another order");
  }
  orders_[link.ls_order_id] = link;
  ls_order_by_idorder_[link.idorder] = link.ls_order_id;
  LPSYNC_CHECK(orders_.size() == ls_order_by_idorder_.size(), "order links are one-to-one in the memory store");
}

std::vector<OrderLink> MemoryStateStore::order_links() const { return values_of(orders_); }

std::optional<ProductLink> MemoryStateStore::product_link(int64_t variant_id) const {
  return find_value(products_, variant_id);
}

std::optional<ProductLink> MemoryStateStore::product_link_by_code(const std::string& code) const {
  auto it = variant_by_code_.find(code);
  if (it == variant_by_code_.end()) return std::nullopt;
  auto link = products_.find(it->second);
  LPSYNC_CHECK(link != products_.end() && link->second.productcode == code,
               "every productcode in the memory store's index belongs to a stored product link");
  return link->second;
}

void MemoryStateStore::put_product_link(const ProductLink& link) {
  auto other = variant_by_code_.find(link.productcode);
  if (other != variant_by_code_.end() && other->second != link.variant_id) {
    throw std::logic_error("productcode " + link.productcode + " is already linked to another variant");
  }
  remove_product_link(link.variant_id);
  products_[link.variant_id] = link;
  variant_by_code_[link.productcode] = link.variant_id;
  variants_by_product_.emplace(link.idproduct, link.variant_id);
}

void MemoryStateStore::remove_product_link(int64_t variant_id) {
  auto it = products_.find(variant_id);
  if (it == products_.end()) return;
  variant_by_code_.erase(it->second.productcode);
  auto range = variants_by_product_.equal_range(it->second.idproduct);
  bool indexed = false;
  for (auto v = range.first; v != range.second; ++v) {
    if (v->second == variant_id) {
      variants_by_product_.erase(v);
      indexed = true;
      break;
    }
  }
  LPSYNC_CHECK(indexed, "every stored product link is in the memory store's index by idproduct");
  products_.erase(it);
}

std::vector<ProductLink> MemoryStateStore::product_links() const { return values_of(products_); }

std::vector<ProductLink> MemoryStateStore::product_links_of(int64_t idproduct) const {
  std::vector<ProductLink> out;
  auto range = variants_by_product_.equal_range(idproduct);
  for (auto it = range.first; it != range.second; ++it) {
    auto link = products_.find(it->second);
    LPSYNC_CHECK(link != products_.end() && link->second.idproduct == idproduct,
                 "every variant in the memory store's index by idproduct has a product link to it");
    out.push_back(link->second);
  }
  return out;
}

void MemoryStateStore::begin_intent(const Intent& intent) { intents_[{intent.kind, intent.key}] = intent; }

void MemoryStateStore::end_intent(IntentKind kind, const std::string& key) { intents_.erase({kind, key}); }

std::vector<Intent> MemoryStateStore::intents() const { return values_of(intents_); }

std::optional<int64_t> MemoryStateStore::shop_stock(int64_t variant_id) const {
  return find_value(shop_stock_, variant_id);
}

std::optional<ShipmentPush> MemoryStateStore::shipment_push(int64_t idshipment) const {
  return find_value(shipments_, idshipment);
}

void MemoryStateStore::put_shipment_push(const ShipmentPush& push) {
  // The same rule as the SQLite schema: a shop shipment is marked shipped for one Picqer
  // shipment only.
  if (push.pushed) {
    auto other = push_by_shop_shipment_.find(push.ls_shipment_id);
    if (other != push_by_shop_shipment_.end() && other->second != push.idshipment) {
      throw std::logic_error("shop shipment " + std::to_string(push.ls_shipment_id) +
                             " was already marked shipped for Picqer shipment " + std::to_string(other->second));
    }
  }
  if (auto old = shipments_.find(push.idshipment); old != shipments_.end() && old->second.pushed) {
    push_by_shop_shipment_.erase(old->second.ls_shipment_id);
  }
  shipments_[push.idshipment] = push;
  if (push.pushed) push_by_shop_shipment_[push.ls_shipment_id] = push.idshipment;
}

std::vector<ShipmentPush> MemoryStateStore::shipment_pushes() const { return values_of(shipments_); }

std::optional<std::string> MemoryStateStore::value(const std::string& key) const { return find_value(values_, key); }

void MemoryStateStore::append_decisions(const std::vector<LoggedDecision>& entries, Instant keep_since,
                                         int64_t per_subject) {
  std::set<Subject> touched;
  for (const LoggedDecision& e : entries) {
    Subject key{e.kind, e.subject};
    int64_t seq = next_decision_++;
    decisions_[key].emplace_back(seq, e);
    decisions_by_age_.emplace_back(seq, e.at, key);
    touched.insert(key);
  }
  // The engine appends in time order: the oldest entries are at the front. An entry the cap
  // removed before is no longer at its subject's front and is skipped.
  while (!decisions_by_age_.empty() && std::get<1>(decisions_by_age_.front()) < keep_since) {
    auto& [seq, at, key] = decisions_by_age_.front();
    auto it = decisions_.find(key);
    if (it != decisions_.end() && !it->second.empty() && it->second.front().first == seq) {
      it->second.erase(it->second.begin());  // at most per_subject entries move
      if (it->second.empty()) decisions_.erase(it);
    }
    decisions_by_age_.pop_front();
  }
  for (const Subject& key : touched) {
    auto it = decisions_.find(key);
    if (it == decisions_.end()) continue;
    auto& entries = it->second;
    if (static_cast<int64_t>(entries.size()) > per_subject) {
      entries.erase(entries.begin(), entries.end() - std::max<int64_t>(per_subject, 0));
    }
    if (it->second.empty()) decisions_.erase(it);
  }
}

std::vector<LoggedDecision> MemoryStateStore::decisions_about(DecisionSubject kind, const std::string& subject) const {
  std::vector<LoggedDecision> out;
  auto it = decisions_.find({kind, subject});
  if (it == decisions_.end()) return out;
  for (const auto& [seq, d] : it->second) out.push_back(d);
  return out;
}

}  // namespace lpsync
