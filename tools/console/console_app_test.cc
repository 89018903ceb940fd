// The console's way in, over its request handler: the first start's setup address, login
// with its limit, the session cookie's attributes, CSRF and origin checks, oversized forms,
// forged cookies, and no secret on a page.
#include "tools/console/console_app.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/env/http_server.h"
#include "engine/state/sqlite_state_store.h"

namespace lpsync::console {
namespace {

namespace fs = std::filesystem;

const Instant kT = Instant::from_unix_seconds(1'800'000'000);
constexpr char kGood[] = "correct horse battery";

class Console : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(std::getenv("TEST_TMPDIR")) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_ / "configs");
    std::ofstream(dir_ / "configs" / "acme.json") << R"({
      "lightspeed": {"cluster": "eu1", "language": "nl", "key": "literal-ls-key-123", "secret": "literal-secret-456"},
      "picqer": {"subdomain": "acme", "key": "literal-picqer-789"}})";
    app_ = std::make_unique<ConsoleApp>(
        ConsoleOptions{(dir_ / "configs").string(), (dir_ / "console.password").string(), true}, clock_, "setup-token",
        [n = 0]() mutable { return "random-token-" + std::to_string(++n) + std::string(32, 'r'); });
  }
  Response send(std::string method, std::string path, std::string body = "", Headers h = {}) {
    h.set("Host", "127.0.0.1:8080");
    if (!h.has(kClientAddressHeader)) h.set(kClientAddressHeader, "127.0.0.1");
    auto r = app_->handle(Request{std::move(method), "http://127.0.0.1:8080" + path, h, std::move(body)});
    EXPECT_TRUE(r.ok());
    return r.value();
  }
  void set_password() {
    Response r = send("POST", "/setup", std::string("token=setup-token&password=") + "correct+horse+battery" +
                                            "&again=correct+horse+battery");
    ASSERT_EQ(r.status, 303) << r.body;
  }
  // Logs in; the session cookie ("lpsync_session=...") and the page's CSRF token.
  std::pair<std::string, std::string> log_in() {
    Response r = send("POST", "/login", "password=correct+horse+battery");
    EXPECT_EQ(r.status, 303) << r.body;
    std::string set = r.headers.get("Set-Cookie").value_or("");
    std::string cookie = set.substr(0, set.find(';'));
    Response home = send("GET", "/", "", {{"Cookie", cookie}});
    std::string marker = "name=\"csrf\" value=\"";
    size_t at = home.body.find(marker) + marker.size();
    return {cookie, home.body.substr(at, home.body.find('"', at) - at)};
  }

  fs::path dir_;
  SimClock clock_{kT};
  std::unique_ptr<ConsoleApp> app_;
};

TEST_F(Console, OnlyTheSetupAddressSetsTheFirstPasswordAndOnlyItsHashIsKept) {
  EXPECT_EQ(send("GET", "/").status, 503);
  EXPECT_EQ(send("GET", "/setup?token=guess").status, 403);
  EXPECT_EQ(send("GET", "/setup?token=setup-token").status, 200);
  EXPECT_EQ(send("POST", "/setup", "token=guess&password=correct+horse+battery&again=correct+horse+battery").status, 403);
  EXPECT_EQ(send("POST", "/setup", "token=setup-token&password=short&again=short").status, 400);
  EXPECT_EQ(send("POST", "/setup", "token=setup-token&password=correct+horse+battery&again=other+horse+battery").status,
            400);
  set_password();
  std::ifstream in(dir_ / "console.password");
  std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(stored.starts_with("$argon2id$")) << stored;
  EXPECT_EQ(stored.find(kGood), std::string::npos);
  EXPECT_EQ(fs::status(dir_ / "console.password").permissions() & fs::perms::others_read, fs::perms::none);
  EXPECT_EQ(send("GET", "/setup?token=setup-token").headers.get("Location"), "/login") << "setting it again is not a way in";
}

TEST_F(Console, WithoutASessionNothingButTheLoginPage) {
  set_password();
  Response home = send("GET", "/");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.headers.get("Location"), "/login");
  EXPECT_EQ(send("POST", "/logout", "csrf=x").status, 401);
  Response forged = send("GET", "/", "", {{"Cookie", "lpsync_session=random-token-1" + std::string(32, 'r')}});
  EXPECT_EQ(forged.status, 303) << "a cookie that no login made opens nothing";
  EXPECT_EQ(send("GET", "/login").status, 200);
}

TEST_F(Console, ALoginGivesAStrictHttpOnlySecureCookieAndPagesShowNoSecret) {
  set_password();
  Response r = send("POST", "/login", "password=correct+horse+battery");
  ASSERT_EQ(r.status, 303);
  std::string set = r.headers.get("Set-Cookie").value_or("");
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("Secure"), std::string::npos) << set;
  auto [cookie, csrf] = log_in();
  Response home = send("GET", "/", "", {{"Cookie", cookie}});
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("acme"), std::string::npos);
  for (const char* secret : {"literal-ls-key-123", "literal-secret-456", "literal-picqer-789"}) {
    EXPECT_EQ(home.body.find(secret), std::string::npos) << secret;
  }
  EXPECT_NE(home.headers.get("Content-Security-Policy").value_or("").find("frame-ancestors 'none'"), std::string::npos);
  // With no-referrer a browser would send "Origin: null" on the console's own forms (refused).
  EXPECT_EQ(home.headers.get("Referrer-Policy"), "same-origin");
}

TEST_F(Console, EveryPostNeedsTheSessionsCsrfTokenAndThisOrigin) {
  set_password();
  auto [cookie, csrf] = log_in();
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(send("POST", "/logout", "", {{"Cookie", cookie}}).status, 403);
  EXPECT_EQ(send("POST", "/logout", "csrf=forged", {{"Cookie", cookie}}).status, 403);
  EXPECT_EQ(send("POST", "/logout", "csrf=" + csrf, {{"Cookie", cookie}, {"Origin", "https://evil.example"}}).status, 403);
  EXPECT_EQ(send("POST", "/login", "password=correct+horse+battery", {{"Origin", "https://evil.example"}}).status, 403);
  EXPECT_EQ(send("POST", "/login", "password=correct+horse+battery", {{"Origin", "null"}}).status, 403);
  // A browser's Origin is scheme://host:port, without a path.
  Response out = send("POST", "/logout", "csrf=" + csrf, {{"Cookie", cookie}, {"Origin", "http://127.0.0.1:8080"}});
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.headers.get("Set-Cookie").value_or("").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(send("GET", "/", "", {{"Cookie", cookie}}).status, 303) << "the session ended";
}

TEST_F(Console, WrongPasswordsLockTheAddressAndAnOversizedFormIsRefused) {
  set_password();
  for (int i = 0; i < SessionBook::kFailuresAllowed; ++i) EXPECT_EQ(send("POST", "/login", "password=guess").status, 401);
  Response locked = send("POST", "/login", "password=correct+horse+battery");
  EXPECT_EQ(locked.status, 429) << "even the right password waits";
  EXPECT_TRUE(locked.headers.has("Retry-After"));
  EXPECT_EQ(send("POST", "/login", "password=correct+horse+battery", {{kClientAddressHeader, "10.1.1.1"}}).status, 303);
  clock_.advance(SessionBook::kFailureWindow);
  EXPECT_EQ(send("POST", "/login", "password=correct+horse+battery").status, 303);
  EXPECT_EQ(send("POST", "/login", "password=" + std::string(ConsoleApp::kMaxBody, 'a')).status, 413);
}

TEST_F(Console, AConnectionsPageShowsItsHeldAndImportedOrdersAndNoOtherFile) {
  set_password();
  {
    fs::create_directories(dir_ / "configs" / "lpsync-state");
    auto opened = SqliteStateStore::open((dir_ / "configs" / "lpsync-state" / "acme.db").string());
    ASSERT_TRUE(opened) << opened.error().message;
    StateStore& store = *opened.value().store;
    store.put_order_link({100, "ORD100", 7, true, kT - Duration::hours(2)});
    store.put_held({{101, "ORD101", HeldReason::duplicate_sku, kT - Duration::hours(3)}});
  }
  auto [cookie, csrf] = log_in();
  Response home = send("GET", "/", "", {{"Cookie", cookie}});
  EXPECT_NE(home.body.find("href=\"/connection?name=acme\""), std::string::npos);
  Response acme = send("GET", "/connection?name=acme", "", {{"Cookie", cookie}});
  ASSERT_EQ(acme.status, 200) << acme.body;
  EXPECT_NE(acme.body.find("ORD100"), std::string::npos);
  EXPECT_NE(acme.body.find("ORD101"), std::string::npos);
  EXPECT_NE(acme.body.find("3 h"), std::string::npos) << "the held order's age";
  EXPECT_NE(acme.body.find("give each variant its own SKU"), std::string::npos) << "what to do";
  for (const char* secret : {"literal-ls-key-123", "literal-secret-456", "literal-picqer-789"}) {
    EXPECT_EQ(acme.body.find(secret), std::string::npos) << secret;
  }
  for (const char* name : {"../configs/acme", ".lpsync-console-password", "nobody", ""}) {
    EXPECT_EQ(send("GET", std::string("/connection?name=") + name, "", {{"Cookie", cookie}}).status, 404) << name;
  }
  EXPECT_EQ(send("GET", "/connection?name=acme").status, 303) << "not without a session";
}

}  // namespace
}  // namespace lpsync::console
