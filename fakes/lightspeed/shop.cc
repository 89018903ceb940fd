#include "fakes/lightspeed/shop.h"

#include <algorithm>

namespace lpsync::fakes::lightspeed {

Instant Shop::now() const { return whole_seconds(clock_.now()); }

void Shop::emit(std::string group, std::string action, int64_t id, Actor actor) {
  if (actor == Actor::api && !config_.webhooks_for_api_writes) return;
  if (sink_) sink_(ShopEvent{std::move(group), std::move(action), id, actor});
}

int64_t Shop::add_webhook(Webhook webhook) {
  webhook.id = *take_id(webhooks_, next_webhook_, 0);
  webhook.created_at = webhook.updated_at = now();
  int64_t id = webhook.id;
  webhooks_.emplace(id, std::move(webhook));
  return id;
}

bool Shop::replace_webhook(const Webhook& webhook) {
  auto it = webhooks_.find(webhook.id);
  if (it == webhooks_.end()) return false;
  Instant created = it->second.created_at;
  it->second = webhook;
  it->second.created_at = created;
  it->second.updated_at = now();
  return true;
}

bool Shop::delete_webhook(int64_t id) { return webhooks_.erase(id) > 0; }

std::vector<int64_t> Shop::changed_since(const UpdateIndex& index, Instant since) {
  std::vector<int64_t> out;
  for (auto it = index.lower_bound({since, INT64_MIN}); it != index.end(); ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

void Shop::touch(UpdateIndex& index, Instant& field, Instant at, int64_t id) {
  index.erase({field, id});
  field = at;
  index.emplace(at, id);
}

}  // namespace lpsync::fakes::lightspeed
