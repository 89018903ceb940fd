#include "tools/properties/model.h"

#include <algorithm>

namespace lpsync::properties {
namespace {

constexpr Duration kWindow = Duration::hours(12);
// A count-limited fault fires within this long, or hits the next request of its kind and
// costs one retry.
constexpr Duration kCountFaultSpan = Duration::minutes(30);
// How long an order must stay importable, beyond a poll interval, to be certainly imported.
constexpr Duration kSlack = Duration::minutes(20);

bool begins(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

std::optional<std::string> model_gate(const scenario::LightspeedOrder& o) {
  if (o.status == "cancelled" || o.payment_status == "cancelled") return "cancelled";
  if (o.shipment_status != "not_shipped" || begins(o.status, "completed")) return "shipped";
  if (o.status == "on_hold") return "on_hold";
  if (!begins(o.status, "processing_")) return "unknown_status";
  return std::nullopt;
}

std::optional<std::string> model_filter(const scenario::LightspeedOrder& o, OrderFilter f) {
  bool paid = o.payment_status == "paid";
  if (f == OrderFilter::paid && !paid) return "not_paid";
  if (f == OrderFilter::eligible_to_ship && !paid && !o.shipment_is_cash_on_delivery && !o.payment_is_post) {
    return "not_eligible_to_ship";
  }
  return std::nullopt;
}

bool model_shippable(const scenario::LightspeedOrder& o, OrderFilter f) {
  if (o.payment_status == "paid") return true;
  return f == OrderFilter::eligible_to_ship && (o.shipment_is_cash_on_delivery || o.payment_is_post);
}

std::string Model::trim(const std::string& raw) {
  size_t b = raw.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = raw.find_last_not_of(" \t\r\n");
  return raw.substr(b, e - b + 1);
}

Model::Model(const scenario::Scenario& s, std::vector<PicqerProductFact> picqer) : s_(s), picqer_(std::move(picqer)) {
  end_ = s.run_until;
  Snapshot cur;
  cur.from = s.start;
  cur.settings = s.start_settings();
  for (const auto& p : s.lightspeed.products) {
    for (const auto& v : p.variants) cur.skus[v.id] = v.sku;
  }
  for (const auto& o : s.lightspeed.orders) cur.orders[o.id] = o;
  std::vector<std::pair<Instant, Instant>> downs;
  for (const auto& e : scenario::in_time_order(s.timeline)) {
    if (e.at != cur.from) {
      snapshots_.push_back(cur);
      cur.from = e.at;
    }
    std::visit(
        [&](const auto& a) {
          using A = std::decay_t<decltype(a)>;
          if constexpr (std::is_same_v<A, scenario::CreateLightspeedOrder>) {
            cur.orders[a.order.id] = a.order;
          } else if constexpr (std::is_same_v<A, scenario::UpdateLightspeedOrder>) {
            auto& o = cur.orders[a.changes.id];
            scenario::apply(a.changes, o);
            o.updated_at = a.changes.updated_at.value_or(e.at);
          } else if constexpr (std::is_same_v<A, scenario::UpdateLightspeedVariant>) {
            if (a.changes.sku) cur.skus[a.changes.id] = *a.changes.sku;
          } else if constexpr (std::is_same_v<A, scenario::ChangeSettings>) {
            scenario::apply(a.changes, cur.settings);
          } else if constexpr (std::is_same_v<A, scenario::Activate>) {
            cur.settings.active = true;
          } else if constexpr (std::is_same_v<A, scenario::GoDown>) {
            downs.push_back({e.at, e.at + a.duration});
          } else if constexpr (std::is_same_v<A, scenario::InjectFault>) {
            faults_.push_back({e.at, e.at + (a.duration ? *a.duration : kCountFaultSpan)});
          } else if constexpr (std::is_same_v<A, scenario::CreateLightspeedProduct>) {
            for (const auto& v : a.product.variants) cur.skus[v.id] = v.sku;
          }
        },
        e.action);
  }
  snapshots_.push_back(cur);
  for (const auto& [from, until] : downs) add_downtime(from, until);
}

void Model::add_downtime(Instant from, Instant until) {
  std::vector<Snapshot> split;
  for (size_t i = 0; i < snapshots_.size(); ++i) {
    Snapshot a = snapshots_[i];
    Instant next = i + 1 < snapshots_.size() ? snapshots_[i + 1].from : end_ + Duration::days(1);
    // Cut [a.from, next) at `from` and `until`.
    std::vector<Instant> cuts = {a.from};
    if (from > a.from && from < next) cuts.push_back(from);
    if (until > a.from && until < next) cuts.push_back(until);
    for (Instant c : cuts) {
      Snapshot piece = a;
      piece.from = c;
      if (c >= from && c < until) piece.up = false;
      split.push_back(piece);
    }
  }
  snapshots_ = std::move(split);
}

const Model::Snapshot& Model::at(Instant t) const {
  auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), t,
                             [](Instant x, const Snapshot& s) { return x < s.from; });
  return it == snapshots_.begin() ? snapshots_.front() : *std::prev(it);
}

ModelOrder Model::order_at(int64_t id, Instant t) const {
  const auto& orders = at(t).orders;
  auto it = orders.find(id);
  if (it == orders.end() || it->second.created_at > t) return {};
  return {it->second, true};
}

std::vector<int64_t> Model::order_ids() const {
  std::vector<int64_t> out;
  for (const auto& [id, o] : snapshots_.back().orders) out.push_back(id);
  return out;
}

std::map<int64_t, std::string> Model::skus_at(Instant t) const { return at(t).skus; }
Settings Model::settings_at(Instant t) const { return at(t).settings; }
bool Model::engine_up_at(Instant t) const { return at(t).up; }

bool Model::picqer_has(const std::string& code, Instant t) const {
  for (const auto& p : s_.picqer.products) {
    if (p.productcode == code) return true;
  }
  for (const auto& p : picqer_) {
    if (p.productcode == code && p.created <= t) return true;
  }
  return false;
}

std::vector<int64_t> Model::holders(const std::string& trimmed, Instant t) const {
  std::vector<int64_t> out;
  for (const auto& [v, raw] : at(t).skus) {
    if (trim(raw) == trimmed) out.push_back(v);
  }
  return out;
}

bool Model::in_window(int64_t id, Instant t) const {
  ModelOrder o = order_at(id, t);
  return o.exists && o.order.updated_at + kWindow >= t;
}

std::optional<std::string> Model::reason_at(int64_t id, Instant t) const {
  ModelOrder mo = order_at(id, t);
  const Settings st = settings_at(t);
  if (auto g = model_gate(mo.order)) return g;
  if (auto f = model_filter(mo.order, st.order_filter)) return f;
  const auto& skus = at(t).skus;
  for (const auto& line : mo.order.lines) {
    if (!line.variant || !skus.count(*line.variant)) return "missing_variant";
    std::string sku = trim(skus.at(*line.variant));
    if (sku.empty()) return "missing_sku";
    if (holders(sku, t).size() > 1) return "duplicate_sku";
  }
  for (const auto& line : mo.order.lines) {
    std::string sku = trim(skus.at(*line.variant));
    if (!st.import_products && !picqer_has(sku, t)) return "product_not_in_picqer";
  }
  return std::nullopt;
}

bool Model::importable(int64_t id, Instant t) const {
  const Snapshot& snap = at(t);
  if (!snap.up || !snap.settings.active || !snap.settings.import_orders) return false;
  return in_window(id, t) && !reason_at(id, t);
}

bool Model::faults_quiet(Instant t) const {
  for (const auto& [from, until] : faults_) {
    if (t >= from && t < until) return false;
  }
  return true;
}

std::vector<Instant> Model::change_points() const {
  std::set<Instant> points = {s_.start, end_};
  for (const auto& snap : snapshots_) points.insert(snap.from);
  for (const auto& snap : snapshots_) {
    for (const auto& [id, o] : snap.orders) points.insert(o.updated_at + kWindow + Duration::millis(1));
  }
  for (const auto& [from, until] : faults_) points.insert(from), points.insert(until);
  for (const auto& p : picqer_) points.insert(p.created);
  std::vector<Instant> out;
  for (Instant p : points) {
    if (p >= s_.start && p <= end_) out.push_back(p);
  }
  return out;
}

std::set<std::string> Model::may_import() const {
  std::set<std::string> out;
  auto points = change_points();
  for (int64_t id : order_ids()) {
    for (Instant p : points) {
      if (importable(id, p)) {
        out.insert(order_at(id, p).order.number);
        break;
      }
    }
  }
  return out;
}

bool Model::settled(const std::function<bool(Instant)>& holds, Instant from) const {
  auto points = change_points();
  std::optional<Instant> start;
  Duration longest;
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    const Snapshot& snap = at(*it);
    bool ok = snap.up && snap.settings.active && snap.settings.import_orders && faults_quiet(*it) && holds(*it);
    if (!ok) break;
    start = *it;
    longest = std::max(longest, snap.settings.poll_interval);
  }
  if (!start) return false;
  return end_ - std::max(*start, from) >= longest + kSlack;
}

std::set<std::string> Model::must_import() const {
  std::set<std::string> out;
  auto points = change_points();
  Duration needed = s_.start_settings().poll_interval + kSlack;
  for (int64_t id : order_ids()) {
    std::optional<Instant> run_start;
    for (size_t i = 0; i + 1 < points.size(); ++i) {
      bool ok = importable(id, points[i]) && faults_quiet(points[i]);
      if (!ok) {
        run_start.reset();
        continue;
      }
      if (!run_start) run_start = points[i];
      if (points[i + 1] - *run_start >= needed) {
        out.insert(order_at(id, points[i]).order.number);
        break;
      }
    }
  }
  return out;
}

}  // namespace lpsync::properties
