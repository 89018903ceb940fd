#include "engine/core/core.h"

#include "engine/rules/sku_index.h"

namespace lpsync {

Core::Core(EngineEnv env, Connection conn, Settings s)
    : clock(env.clock),
      store(env.store),
      trace(env.trace),
      connection(std::move(conn)),
      settings(std::move(s)),
      random(Random(env.seed).stream("engine")),
      lightspeed_budget(lightspeed_limits()),
      picqer_budget(picqer_limits()),
      lightspeed_session(env.clock, env.transport, lightspeed_budget, env.trace,
                         {ApiKind::lightspeed, connection.lightspeed_api_base(),
                          basic_auth_header(connection.lightspeed_key, connection.lightspeed_secret),
                          connection.user_agent}),
      picqer_session(env.clock, env.transport, picqer_budget, env.trace,
                     {ApiKind::picqer, connection.picqer_api_base(), basic_auth_header(connection.picqer_key, "X"),
                      connection.user_agent}),
      lightspeed(lightspeed_session),
      picqer(picqer_session),
      tuning(env.tuning),
      make_secret(std::move(env.make_secret)),
      lightspeed_writer(lightspeed_session),
      shared_pending(env.shared_pending),
      decisions(env.store, env.decision_retention, [this](int64_t variant) -> std::string {
        // The catalogue first (no read of the store); a variant gone from it by its link.
        if (const ls::Variant* v = catalog.variant(variant)) return trim_sku(v->sku);
        auto link = store.product_link(variant);
        return link ? link->productcode : "";
      }) {
  if (!make_secret) {
    make_secret = [stream = random.stream("secrets")]() mutable {
      static constexpr char kHex[] = "0123456789abcdef";
      std::string out;
      for (int i = 0; i < 32; ++i) out += kHex[stream.below(16)];
      return out;
    };
  }
  // The read-only guard: the last line of defence under the type-level split.
  lightspeed_session.guard_writes([this] { return settings.may_write_lightspeed(); });
  // The decision log keeps the requests on the way to each decision.
  for (ApiSession* session : {&lightspeed_session, &picqer_session}) {
    session->on_request([this](std::string_view api, std::string_view method, std::string_view target, int status,
                               std::string_view error) { decisions.note_request(api, method, target, status, error); });
  }
  picqer_session.share_limit(env.picqer_shared_limit);
}

void Core::refresh_usage(Instant t) {
  auto early = [t](const RateBudget& b) {
    auto length = b.exhausted_early(t);
    return length ? length->seconds() : int64_t{0};
  };
  report.lightspeed = {lightspeed_session.requests(), lightspeed_budget.stats().refusals,
                       lightspeed_session.refused_writes(), lightspeed_budget.remaining(t), early(lightspeed_budget)};
  report.picqer = {picqer_session.requests(), picqer_budget.stats().refusals, picqer_session.refused_writes(),
                   picqer_budget.remaining(t), early(picqer_budget)};
  for (const ApiSession* session : {&lightspeed_session, &picqer_session}) {
    std::string key = std::string(session->name()) + "_key";
    if (session->key_refused().empty()) {
      report.resolved(key);
    } else {
      report.problem(key, session->key_refused());
    }
  }
}

}  // namespace lpsync
