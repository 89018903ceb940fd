#include "engine/core/decision_recorder.h"

#include <algorithm>
#include <array>

#include "engine/env/json.h"
#include "engine/state/store_errors.h"

namespace lpsync {
namespace {

// Sorted, for binary search. Each names a number of either system, a reason word, a code or
// a level; none can hold a customer's name, address or e-mail, or a credential.
constexpr std::array<std::string_view, 17> kAllowed = {
    "force",    "idorder",   "idproduct",     "idshipment", "linked",   "notice",     "order",       "pending",
    "productcode", "reason", "result",        "retry_at",   "stock",    "stockLevel", "trackingcode", "variant",
    "variants"};

}  // namespace

bool decision_field_allowed(std::string_view name) {
  return std::find(kAllowed.begin(), kAllowed.end(), name) != kAllowed.end();
}

std::string request_line(std::string_view api, std::string_view method, std::string_view target, int status,
                         std::string_view error) {
  std::string line = std::string(method) + " " + std::string(api);
  if (api != "download") line += " " + std::string(target.substr(0, target.find('?')));
  return line + " " + (error.empty() ? std::to_string(status) : std::string(error));
}

void DecisionRecorder::note_request(std::string_view api, std::string_view method, std::string_view target,
                                    int status, std::string_view error) {
  ++requests_total_;
  std::string line = request_line(api, method, target, status, error);
  if (!requests_.empty() && requests_.back().first == line) {
    ++requests_.back().second;
  } else if (requests_.size() < kMaxRequestsListed) {
    requests_.emplace_back(std::move(line), 1);
  }
}

std::vector<LoggedDecision> log_entries_of(Instant at, std::string_view what, const boost::json::object& fields,
                                           const std::function<std::string(int64_t variant)>& sku_of,
                                           const boost::json::object& extra) {
  std::vector<LoggedDecision> out;
  boost::json::object kept;
  for (const auto& [name, value] : fields) {
    if (decision_field_allowed(name)) kept[name] = value;
  }
  for (const auto& [name, value] : extra) kept[name] = value;
  std::string text = json::serialize(kept);
  if (auto it = fields.find("order"); it != fields.end() && it->value().is_string()) {
    out.push_back({DecisionSubject::order, std::string(it->value().as_string()), at, std::string(what), text});
  }
  std::string sku;
  if (auto it = fields.find("productcode"); it != fields.end() && it->value().is_string()) {
    sku = std::string(it->value().as_string());
  } else if (auto v = fields.find("variant"); v != fields.end() && v->value().is_int64() && sku_of) {
    sku = sku_of(v->value().as_int64());
  }
  if (!sku.empty()) out.push_back({DecisionSubject::sku, sku, at, std::string(what), text});
  return out;
}

void DecisionRecorder::note(Instant at, std::string_view what, const boost::json::object& fields) {
  boost::json::object extra;
  if (requests_total_ > 0) {
    boost::json::array listed;
    int64_t shown = 0;
    for (const auto& [line, times] : requests_) {
      listed.emplace_back(times > 1 ? line + " x" + std::to_string(times) : line);
      shown += times;
    }
    extra = {{"requests", std::move(listed)}, {"requests_total", requests_total_}};
    if (requests_total_ > shown) extra["requests_more"] = requests_total_ - shown;
  }
  requests_.clear();
  requests_total_ = 0;
  for (LoggedDecision& e : log_entries_of(at, what, fields, sku_of_, extra)) waiting_.push_back(std::move(e));
  if (waiting_.size() > kMaxWaiting) waiting_.erase(waiting_.begin(), waiting_.end() - kMaxWaiting);
}

void DecisionRecorder::flush() {
  requests_.clear();
  requests_total_ = 0;
  if (waiting_.empty()) return;
  Instant newest = waiting_.front().at;
  for (const LoggedDecision& e : waiting_) newest = std::max(newest, e.at);
  try {
    store_.append_decisions(waiting_, newest - retention_.keep, retention_.per_subject);
    waiting_.clear();
  } catch (const StateStoreError&) {
    // Kept for the next flush; the sync's own next write meets the same store and reports it.
  }
}

}  // namespace lpsync
