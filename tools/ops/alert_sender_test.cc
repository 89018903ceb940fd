// The alert sender against receivers the test starts on loopback: an HTTP receiver
// (engine/env/http_server.h) and an SMTP receiver that speaks STARTTLS with a throw-away
// certificate. Signature, content, retry after a failure, nothing in clear text.
#include "tools/ops/alert_sender.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <filesystem>

#include "engine/env/http_server.h"
#include "engine/env/json.h"
#include "tools/ops/eventually.h"
#include "tools/ops/alert_message.h"
#include "tools/ops/smtp_test_server.h"

namespace lpsync::ops {
namespace {

constexpr char kSecret[] = "alert-hook-secret-5f2a";
constexpr char kMailPassword[] = "mail-password-77c1";
const RetryPolicy kFast{Duration::millis(20), Duration::millis(100), 5, 50};

std::string fresh_dir(const std::string& name) {
  const char* root = std::getenv("TEST_TMPDIR");
  std::string dir = std::string(root ? root : "/tmp") + "/" + name;
  std::filesystem::create_directories(dir);
  return dir;
}

using ops::testing::eventually;

Alert order_alert() {
  return Alert{"order_needs_person", "ORD7", "Order ORD7 needs a person (cancelled_after_pick).",
               Instant::from_unix_seconds(1'800'000'000)};
}

// An HTTP receiver that answers 500 to the first `fail` requests, then 204.
struct Receiver {
  explicit Receiver(int fail) : failures(fail) {}
  std::mutex mu;
  std::vector<Request> got;
  int failures;
  HttpServer server{[this](const Request& r) -> TransportResult {
    std::lock_guard lock(mu);
    got.push_back(r);
    return Response{failures-- > 0 ? 500 : 204, {}, ""};
  }};
  size_t count() {
    std::lock_guard lock(mu);
    return got.size();
  }
};

TEST(AlertSender, WebhookIsSignedJsonAndRetriedAfterAFailure) {
  Receiver receiver(1);
  ASSERT_TRUE(receiver.server.ok());
  SystemClock wall;
  AlertChannels channels{"acme", receiver.server.base_url() + "/alerts", kSecret, std::nullopt, ""};
  AlertSender sender(channels, kFast, wall);
  ASSERT_TRUE(sender.send(order_alert()));
  ASSERT_TRUE(eventually([&] { return sender.stats().sent == 1; }));
  EXPECT_EQ(sender.stats().failed_attempts, 1);
  ASSERT_EQ(receiver.count(), 2u) << "the first answer was 500: sent again";
  const Request& r = receiver.got[1];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.headers.get("Content-Type").value_or(""), "application/json");
  std::string signature = r.headers.get(kSignatureHeader).value_or("");
  EXPECT_EQ(signature, alert_signature(r.body, kSecret));
  EXPECT_EQ(signature.substr(0, 7), "sha256=");
  EXPECT_EQ(signature.size(), 7u + 64u);
  EXPECT_NE(signature, alert_signature(r.body, "another secret"));
  auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("cause").as_string(), "order_needs_person");
  EXPECT_EQ(body.at("subject").as_string(), "ORD7");
  EXPECT_EQ(body.at("connection").as_string(), "acme");
  EXPECT_EQ(body.at("at").as_string(), "2027-01-15T08:00:00Z");
  EXPECT_EQ(r.body.find(kSecret), std::string::npos);
}

TEST(AlertSender, GivesUpAfterTheLastAttemptAndNeverBlocks) {
  Receiver receiver(1000);
  SystemClock wall;
  AlertChannels channels{"acme", receiver.server.base_url() + "/alerts", kSecret, std::nullopt, ""};
  RetryPolicy policy = kFast;
  policy.max_attempts = 3;
  policy.max_queued = 2;
  AlertSender sender(channels, policy, wall);
  EXPECT_TRUE(sender.send(order_alert()));
  ASSERT_TRUE(eventually([&] { return sender.stats().given_up == 1; }));
  EXPECT_EQ(receiver.count(), 3u);
  // A full queue refuses at once instead of waiting.
  Receiver slow(1000);
  AlertSender busy(AlertChannels{"acme", slow.server.base_url() + "/x", kSecret, std::nullopt, ""},
                   RetryPolicy{Duration::minutes(10), Duration::minutes(10), 5, 2}, wall);
  int refused = 0;
  for (int i = 0; i < 10; ++i) refused += !busy.send(order_alert());
  EXPECT_GE(refused, 7);
  EXPECT_EQ(busy.stats().dropped, refused);
}

TEST(AlertSender, AtAStopWhatWaitsForARetryIsTriedAtOnceAndWhatFailsIsReported) {
  Receiver receiver(1);
  SystemClock wall;
  std::vector<std::string> events;
  std::mutex mu;
  AlertSender::Report report = [&](const std::string& event, const Alert& a, const std::string& connection,
                                   const std::string& detail) {
    std::lock_guard lock(mu);
    events.push_back(event + " " + connection + " " + a.key() + " " + detail);
  };
  // The retry would come after 10 minutes: the stop does not wait for it.
  RetryPolicy slow{Duration::minutes(10), Duration::minutes(10), 5, 50};
  AlertSender sender(slow, wall, report);
  AlertChannels acme{"acme", receiver.server.base_url() + "/alerts", kSecret, std::nullopt, ""};
  // Nothing listens on this port: refused at once.
  AlertChannels gone{"gone", "http://127.0.0.1:1/alerts", kSecret, std::nullopt, ""};
  ASSERT_TRUE(sender.send_for(acme, order_alert()));
  ASSERT_TRUE(eventually([&] { return sender.stats().failed_attempts == 1; }));
  ASSERT_TRUE(sender.send_for(gone, order_alert()));
  EXPECT_EQ(sender.drain(Duration::seconds(2)).size(), 1u);
  EXPECT_EQ(receiver.count(), 2u) << "the waiting retry was sent at the stop";
  AlertSender::Stats stats = sender.stats();
  EXPECT_EQ(stats.sent, 1);
  EXPECT_EQ(stats.not_sent, 1);
  std::lock_guard lock(mu);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "alert_not_sent gone order_needs_person:ORD7 the alert webhook could not be reached");
}

TEST(AlertSender, AStopGivesAStuckTargetItsTimeAndNoMore) {
  // A receiver that takes the request and answers only when the test ends.
  std::mutex mu;
  std::condition_variable release;
  bool done = false;
  HttpServer stuck([&](const Request&) -> TransportResult {
    std::unique_lock lock(mu);
    release.wait(lock, [&] { return done; });
    return Response{204, {}, ""};
  });
  ASSERT_TRUE(stuck.ok());
  SystemClock wall;
  AlertSender sender(AlertChannels{"acme", stuck.base_url() + "/alerts", kSecret, std::nullopt, "", Duration::seconds(2)},
                     RetryPolicy{Duration::minutes(10), Duration::minutes(10), 5, 50}, wall);
  // The first may be under way when the drain begins (2 s at most), the second is tried in it.
  sender.send(order_alert());
  sender.send(order_alert());
  Instant before = wall.now();
  EXPECT_EQ(sender.drain(Duration::seconds(1)).size(), 2u) << "neither was answered within the target's second";
  Duration took = wall.now() - before;
  {
    std::lock_guard lock(mu);
    done = true;
  }
  release.notify_all();
  EXPECT_LT(took.millis(), 8'000) << "bounded: 1 s for the target, 2 s for a try under way before the drain";
}

TEST(AlertSender, MailGoesOverStarttlsWithTheCredentialsAndIsRetried) {
  testing::SmtpTestServer smtp(fresh_dir("smtp-tls"));
  smtp.refuse_next(1);
  SystemClock wall;
  SmtpOptions o{"127.0.0.1", smtp.port(), "lpsync@example.com", {"ops@example.com", "shop@example.com"},
                "mailer", kMailPassword, smtp.ca_file(), Duration::seconds(10)};
  AlertSender sender(AlertChannels{"acme", "", "", o, ""}, kFast, wall);
  ASSERT_TRUE(sender.send(order_alert()));
  ASSERT_TRUE(eventually([&] { return sender.stats().sent == 1; }));
  EXPECT_EQ(sender.stats().failed_attempts, 1) << "451 the first time";
  std::vector<testing::ReceivedMail> mails = smtp.mails();
  ASSERT_EQ(mails.size(), 1u);
  const testing::ReceivedMail& m = mails[0];
  EXPECT_TRUE(m.over_tls);
  EXPECT_EQ(m.auth_user, "mailer");
  EXPECT_EQ(m.auth_password, kMailPassword);
  EXPECT_EQ(m.from, "lpsync@example.com");
  EXPECT_EQ(m.to, (std::vector<std::string>{"ops@example.com", "shop@example.com"}));
  EXPECT_NE(m.data.find("Subject: lpsync acme: order_needs_person ORD7\r\n"), std::string::npos) << m.data;
  EXPECT_NE(m.data.find("Order ORD7 needs a person"), std::string::npos) << m.data;
  EXPECT_NE(m.data.find("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"), std::string::npos) << m.data;
  // Before STARTTLS only the greeting's EHLO and STARTTLS itself went in clear.
  for (const std::string& c : smtp.plain_commands()) {
    EXPECT_TRUE(c == "EHLO lpsync" || c == "STARTTLS") << "in clear: " << c;
  }
}

TEST(SmtpSend, RefusesAServerWithoutStarttlsAndAnUntrustedCertificate) {
  testing::SmtpTestServer plain(fresh_dir("smtp-plain"), false);
  SmtpOptions o{"127.0.0.1", plain.port(), "a@example.com", {"b@example.com"}, "u", kMailPassword, plain.ca_file(),
                Duration::seconds(10)};
  std::string why = smtp_send(o, "Subject: x\r\n\r\nhi\r\n");
  EXPECT_NE(why.find("does not offer STARTTLS"), std::string::npos) << why;
  EXPECT_TRUE(plain.mails().empty());
  for (const std::string& c : plain.plain_commands()) EXPECT_EQ(c.find("AUTH"), std::string::npos) << c;

  testing::SmtpTestServer other(fresh_dir("smtp-other"));
  testing::SmtpTestServer stranger(fresh_dir("smtp-stranger"));
  o.port = stranger.port();
  o.ca_file = other.ca_file();  // not the CA that signed the stranger's certificate
  why = smtp_send(o, "Subject: x\r\n\r\nhi\r\n");
  EXPECT_NE(why.find("TLS"), std::string::npos) << why;
  EXPECT_TRUE(stranger.mails().empty());
  EXPECT_EQ(why.find(kMailPassword), std::string::npos);
}

TEST(SmtpSend, DotStuffing) {
  testing::SmtpTestServer smtp(fresh_dir("smtp-dots"));
  SmtpOptions o{"127.0.0.1", smtp.port(), "a@example.com", {"b@example.com"}, "", "", smtp.ca_file(),
                Duration::seconds(10)};
  EXPECT_EQ(smtp_send(o, "Subject: x\r\n\r\n.leading dot\r\n.\r\nend\r\n"), "");
  ASSERT_EQ(smtp.mails().size(), 1u);
  EXPECT_EQ(smtp.mails()[0].data, "Subject: x\r\n\r\n.leading dot\r\n.\r\nend\r\n");
}

}  // namespace
}  // namespace lpsync::ops
