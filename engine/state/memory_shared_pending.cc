#include "engine/state/shared_pending.h"

namespace lpsync {

void MemoryPendingBook::put(const std::string& picqer_account, const std::string& connection,
                            const PendingByCode& pending) {
  PendingByCode kept;
  for (const auto& [code, q] : pending) {
    if (q > 0) kept.emplace(code, q);
  }
  std::lock_guard<std::mutex> lock(mu_);
  pending_[{picqer_account, connection}] = std::move(kept);
}

PendingByCode MemoryPendingBook::others(const std::string& picqer_account, const std::string& connection,
                                        const std::set<std::string>& productcodes) const {
  std::lock_guard<std::mutex> lock(mu_);
  PendingByCode out;
  // Only this account's connections: the map is ordered by account first.
  for (auto it = pending_.lower_bound({picqer_account, ""}); it != pending_.end() && it->first.first == picqer_account;
       ++it) {
    if (it->first.second == connection) continue;
    for (const std::string& code : productcodes) {
      auto q = it->second.find(code);
      if (q != it->second.end()) out[code] += q->second;
    }
  }
  return out;
}

}  // namespace lpsync
