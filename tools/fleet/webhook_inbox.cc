#include "tools/fleet/webhook_inbox.h"

#include <boost/json.hpp>

#include <charconv>
#include <string_view>

#include "engine/state/store_errors.h"

namespace lpsync::fleet {
namespace {

constexpr std::string_view kPrefix = "/c/";
constexpr size_t kMaxHeaders = 32;

Response answer(int status, std::string text) { return Response{status, {{"Content-Type", "text/plain"}}, std::move(text)}; }

// The connection id of "/c/{id}/webhooks/...", or 0.
int64_t connection_of(std::string_view path) {
  if (!path.starts_with(kPrefix)) return 0;
  path.remove_prefix(kPrefix.size());
  int64_t id = 0;
  auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), id);
  if (ec != std::errc() || id <= 0) return 0;
  std::string_view rest(end, path.data() + path.size() - end);
  return rest.starts_with("/webhooks/") ? id : 0;
}

}  // namespace

std::string connection_webhook_url(const std::string& public_url, int64_t connection_id) {
  return public_url + std::string(kPrefix) + std::to_string(connection_id);
}

TransportResult WebhookInbox::accept(const Request& request) {
  auto url = parse_url(request.url);
  int64_t id = url ? connection_of(url->path) : 0;
  if (request.method != "POST" || id == 0) return answer(404, "no such webhook address");
  boost::json::array headers;
  for (const auto& [name, value] : request.headers.fields()) {
    if (headers.size() >= kMaxHeaders) break;
    headers.push_back(boost::json::array{boost::json::string(name), boost::json::string(value)});
  }
  try {
    std::lock_guard lock(mu_);
    pg::Rows queued = db_->exec(
        "queue a webhook",
        "INSERT INTO inbound_webhooks (connection_id, url, headers, body) "
        "SELECT $1, $2, $3, $4 FROM connections c WHERE c.id = $1 "
        "AND (SELECT count(*) FROM inbound_webhooks w WHERE w.connection_id = $1) < $5",
        {id, request.url, boost::json::serialize(headers), request.body, kMaxQueuedWebhooks});
    if (queued.changed() == 0) return answer(503, "this connection cannot take more webhooks now; retry later");
  } catch (const StateStoreError&) {
    return answer(503, "the webhook could not be queued; retry later");
  } catch (const std::logic_error&) {
    return answer(503, "the webhook could not be queued; retry later");
  }
  return answer(200, "queued");
}

std::vector<std::pair<int64_t, Request>> take_webhooks(pg::Db& db, const std::vector<int64_t>& connections, int limit) {
  std::vector<std::pair<int64_t, Request>> out;
  if (connections.empty()) return out;
  std::string ids = "{";
  for (size_t i = 0; i < connections.size(); ++i) ids += (i ? "," : "") + std::to_string(connections[i]);
  ids += "}";
  pg::Rows r = db.exec("take queued webhooks",
                       "DELETE FROM inbound_webhooks WHERE id IN (SELECT id FROM inbound_webhooks "
                       "WHERE connection_id = ANY($1::bigint[]) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED) "
                       "RETURNING id, connection_id, url, headers, body",
                       {ids, limit});
  std::vector<std::pair<int64_t, std::pair<int64_t, Request>>> by_id;
  for (int i = 0; i < r.size(); ++i) {
    Request req;
    req.method = "POST";
    req.url = *r.text(i, 2);
    boost::system::error_code ec;
    boost::json::value h = boost::json::parse(*r.text(i, 3), ec);
    if (!ec && h.is_array()) {
      for (const auto& pair : h.as_array()) {
        if (!pair.is_array() || pair.as_array().size() != 2) continue;
        req.headers.add(std::string(pair.as_array()[0].as_string()), std::string(pair.as_array()[1].as_string()));
      }
    }
    req.body = *r.text(i, 4);
    by_id.push_back({r.integer(i, 0), {r.integer(i, 1), std::move(req)}});
  }
  // RETURNING keeps no order: the oldest first, as they came.
  std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [unused, item] : by_id) out.push_back(std::move(item));
  return out;
}

}  // namespace lpsync::fleet
