#include "engine/jobs/held_since.h"

#include <map>
#include <utility>

namespace lpsync {

std::vector<HeldOrder> held_since(const std::vector<HeldOrder>& before, std::vector<HeldOrder> now) {
  std::map<std::pair<int64_t, HeldReason>, Instant> first;
  for (const auto& h : before) first.emplace(std::make_pair(h.ls_order_id, h.reason), h.decided_at);
  for (auto& h : now) {
    auto it = first.find({h.ls_order_id, h.reason});
    if (it != first.end() && it->second < h.decided_at) h.decided_at = it->second;
  }
  return now;
}

}  // namespace lpsync
