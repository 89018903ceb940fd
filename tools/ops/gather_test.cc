#include "tools/ops/gather.h"

#include <gtest/gtest.h>

#include "engine/env/json.h"
#include "tools/ops/figures_json.h"
#include "tools/ops/webhook_tally.h"

namespace lpsync::ops {
namespace {

const Instant kT = Instant::from_unix_seconds(1'800'000'000);

boost::json::object status_doc() {
  return json::parse(R"({
    "orders_imported": 12,
    "held": [{"number": "A", "reason": "unpaid"}, {"number": "B", "reason": "unpaid"},
             {"number": "C", "reason": "duplicate_sku"}],
    "needs_person": [{"number": "D", "reason": "cancelled_after_pick", "message": "m", "at": "2026-11-02T08:00:00Z"}],
    "shipments_pushed": 4,
    "bulk_import": {"running": true, "finished": false, "done": 10, "total": 50, "linked": 1, "created": 2, "skipped": 0}
  })").as_object();
}

TEST(Gather, StatePartFromTheStatusDocument) {
  OpsFigures f;
  add_state(f, status_doc());
  EXPECT_EQ(f.orders_imported, 12);
  EXPECT_EQ(f.held_by_reason, (std::map<std::string, int64_t>{{"duplicate_sku", 1}, {"unpaid", 2}}));
  EXPECT_EQ(f.needing_person_by_reason, (std::map<std::string, int64_t>{{"cancelled_after_pick", 1}}));
  ASSERT_EQ(f.orders_needing_person.size(), 1u);
  EXPECT_EQ(f.orders_needing_person[0], (std::pair<std::string, std::string>{"D", "cancelled_after_pick"}));
  EXPECT_EQ(f.shipments_pushed, 4);
  EXPECT_TRUE(f.bulk_running);
  EXPECT_EQ(f.bulk_done, 10);
  EXPECT_EQ(f.bulk_total, 50);
}

TEST(Gather, RunPartFromTheReport) {
  Report r;
  r.stock_pushes = 7;
  r.lightspeed = {100, 2, 0, 55};
  r.picqer = {30, 0, 0, 470};
  r.order_polls = 3;
  r.last_order_poll = kT;
  r.problem("order:ORD1", "x");
  r.problem("order:ORD2", "y");
  r.problem("order_poll", "z");
  r.webhooks_refused = 1;
  OpsFigures f;
  add_run(f, r, RunFacts{kT - Duration::hours(1), true, 5, std::nullopt});
  EXPECT_EQ(f.stock_pushes, 7);
  EXPECT_EQ(f.apis.at("lightspeed").rate_limited, 2);
  EXPECT_EQ(f.apis.at("picqer").budget_remaining, 470);
  EXPECT_EQ(f.order_polls, 3);
  EXPECT_EQ(f.last_successful_poll, kT);
  EXPECT_EQ(f.order_poll_failures, 5);
  EXPECT_EQ(f.problems_by_kind, (std::map<std::string, int64_t>{{"order", 2}, {"order_poll", 1}}));
  EXPECT_EQ(f.started_at, kT - Duration::hours(1));
  EXPECT_TRUE(f.polls_expected);
}

TEST(Gather, EachOpenProblemKeepsTheTimeItWasFirstSeen) {
  ProblemTimes times;
  Report r;
  r.problem("order:ORD1", "Order ORD1 could not be imported: 500");
  OpsFigures f;
  RunFacts facts{kT, true, 0, std::nullopt};
  facts.problem_times = &times;
  times.update(r.problems, kT);
  r.problem("order_poll", "The order poll failed: 429");
  times.update(r.problems, kT + Duration::minutes(5));
  r.problem("order:ORD1", "Order ORD1 could not be imported: 502");  // the same problem, said again
  times.update(r.problems, kT + Duration::minutes(9));
  add_run(f, r, facts);
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].kind, "order");
  EXPECT_EQ(f.problems[0].message, "Order ORD1 could not be imported: 502");
  EXPECT_EQ(f.problems[0].since, kT);  // oldest first
  EXPECT_EQ(f.problems[1].kind, "order_poll");
  EXPECT_EQ(f.problems[1].since, kT + Duration::minutes(5));
  // Resolved, then back: a new problem with a new time.
  r.resolved("order:ORD1");
  times.update(r.problems, kT + Duration::minutes(10));
  r.problem("order:ORD1", "again");
  times.update(r.problems, kT + Duration::minutes(11));
  add_run(f, r, facts);
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].kind, "order_poll");
  EXPECT_EQ(f.problems[1].since, kT + Duration::minutes(11));
}

TEST(Gather, NoCompletePollMeansNoLastPoll) {
  OpsFigures f;
  add_run(f, Report{}, RunFacts{kT, true, 0, std::nullopt});
  EXPECT_FALSE(f.last_successful_poll.has_value());
}

TEST(PollWatch, FailingSinceTheFirstFailureUntilAPollCompletes) {
  PollWatch w;
  w.on_polls(2);
  w.on_failure(kT);
  w.on_failure(kT + Duration::minutes(5));
  w.on_polls(2);
  EXPECT_EQ(w.failing_since(), kT);
  EXPECT_EQ(w.failures(), 2);
  w.on_polls(3);
  EXPECT_FALSE(w.failing_since().has_value());
}

TEST(FiguresJson, RoundTrips) {
  OpsFigures f;
  add_state(f, status_doc());
  Report r;
  r.lightspeed = {100, 2, 0, 55};
  r.order_polls = 1;
  r.last_order_poll = kT;
  add_run(f, r, RunFacts{kT - Duration::hours(1), true, 1, kT});
  f.gathered_at = kT;
  f.webhook_arrivals["picqer/orders.created"] = 3;
  f.webhook_last_arrival["picqer/orders.created"] = kT;
  f.problems.push_back({"order_poll", "The order poll failed: 429", kT - Duration::minutes(2)});
  OpsFigures back = figures_from_json(json::parse(json::serialize(figures_json(f))).as_object());
  EXPECT_EQ(json::serialize(figures_json(back)), json::serialize(figures_json(f)));
  EXPECT_EQ(back.held_by_reason, f.held_by_reason);
  EXPECT_EQ(back.apis.at("lightspeed").requests, 100);
  EXPECT_EQ(back.poll_failing_since, kT);
  EXPECT_EQ(back.webhook_last_arrival.at("picqer/orders.created"), kT);
  ASSERT_EQ(back.problems.size(), 1u);
  EXPECT_EQ(back.problems[0].since, kT - Duration::minutes(2));
  EXPECT_EQ(back.problems[0].message, "The order poll failed: 429");
}

Request webhook(std::string url, std::string body) {
  Request r;
  r.method = "POST";
  r.url = std::move(url);
  r.body = std::move(body);
  return r;
}

TEST(WebhookTopic, KnownEventsByNameEverythingElseOther) {
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/picqer", R"({"event":"products.free_stock_changed"})")),
            "picqer/products.free_stock_changed");
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/picqer", R"({"event":"orders.completed"})")),
            "picqer/orders.completed");
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/picqer", R"({"event":"orders.\"x\"<script>"})")),
            "picqer/other");
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/picqer", R"({"event":"customers.created"})")), "picqer/other");
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/picqer", "not json")), "picqer/other");
  // The shop's token is in the path: it never becomes a label.
  EXPECT_EQ(webhook_topic(webhook("http://h/webhooks/lightspeed/SECRET-TOKEN", "{}")), "lightspeed/orders");
}

TEST(WebhookTally, CountsAndBoundsTheTopics) {
  WebhookTally t;
  t.arrived("a", kT);
  t.arrived("a", kT + Duration::seconds(5));
  for (size_t i = 0; i < WebhookTally::kMaxTopics + 10; ++i) t.arrived("t" + std::to_string(i), kT);
  EXPECT_EQ(t.counts().at("a"), 2);
  EXPECT_EQ(t.last_arrivals().at("a"), kT + Duration::seconds(5));
  EXPECT_LE(t.counts().size(), WebhookTally::kMaxTopics + 1);
  EXPECT_GE(t.counts().at("other"), 10);
}

}  // namespace
}  // namespace lpsync::ops
