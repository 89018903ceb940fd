// The console's way in, over its request handler: the first start's setup address, login
// with its limit, the session cookie's attributes, CSRF and origin checks, oversized forms,
// forged cookies, and no secret on a page.
#include "tools/console/console_app.h"
#include "tools/console/console_client.h"
#include "tools/console/dir_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/env/http_server.h"
#include "engine/env/httplib_transport.h"
#include "engine/state/sqlite_state_store.h"
#include "tools/live/command_box.h"
#include "tools/live/console_settings.h"

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
    source_ = std::make_unique<DirSource>((dir_ / "configs").string());
    app_ = std::make_unique<ConsoleApp>(
        ConsoleOptions{source_.get(), (dir_ / "console.password").string(), true, &http_,
                       [](const std::string& file) { return "the plan of " + file; }},
        clock_, "setup-token",
        [n = 0]() mutable { return "random-token-" + std::to_string(++n) + std::string(32, 'r'); });
  }
  Response send(std::string method, std::string path, std::string body = "", Headers h = {}) {
    return client().send(std::move(method), std::move(path), std::move(body), std::move(h));
  }
  void set_password() { client().set_password(); }
  // Logs in; the session cookie ("lpsync_session=...") and the page's CSRF token.
  std::pair<std::string, std::string> log_in() {
    client().log_in();
    return {client().cookie(), client().csrf()};
  }
  ConsoleClient& client() {
    if (!client_) client_ = std::make_unique<ConsoleClient>(*app_, "setup-token");
    return *client_;
  }

  fs::path dir_;
  HttplibTransport http_;  // the wizard's checks (these tests stop before any)
  SimClock clock_{kT};
  std::unique_ptr<DirSource> source_;
  std::unique_ptr<ConsoleApp> app_;
  std::unique_ptr<ConsoleClient> client_;
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
    store.put_order_link({99, "ORD99", 6, true, kT - Duration::hours(30)});  // the day before
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
  EXPECT_NE(acme.body.find("Imported today (UTC): <strong>1</strong>"), std::string::npos) << acme.body;
  EXPECT_NE(acme.body.find("Orders imported into Picqer: <strong>2</strong>"), std::string::npos) << acme.body;
  EXPECT_NE(acme.body.find("give each variant its own SKU"), std::string::npos) << "what to do";
  for (const char* secret : {"literal-ls-key-123", "literal-secret-456", "literal-picqer-789"}) {
    EXPECT_EQ(acme.body.find(secret), std::string::npos) << secret;
  }
  for (const char* name : {"../configs/acme", ".lpsync-console-password", "nobody", ""}) {
    EXPECT_EQ(send("GET", std::string("/connection?name=") + name, "", {{"Cookie", cookie}}).status, 404) << name;
  }
  EXPECT_EQ(send("GET", "/connection?name=acme").status, 303) << "not without a session";
  Response story = send("GET", "/story?name=acme&order=ORD101", "", {{"Cookie", cookie}});
  ASSERT_EQ(story.status, 200);
  EXPECT_NE(story.body.find("<pre>Order ORD101"), std::string::npos) << story.body;
  EXPECT_NE(acme.body.find("href=\"/story?name=acme&amp;order=ORD101\""), std::string::npos);
}

}  // namespace
}  // namespace lpsync::console

namespace lpsync::console {
namespace {

// The buttons of a connection: each refused without a session or with another CSRF token;
// Import now and Import products leave a command for lpsync run; settings are checked, saved
// straight into the state when no run holds it, and logged with time and user.
TEST_F(Console, TheButtonsNeedASessionAndTheFormsTokenAndLeaveCommandsForTheRun) {
  set_password();
  auto [cookie, csrf] = log_in();
  Headers with_cookie{{"Cookie", cookie}};
  for (const char* action : {"/import-order", "/import-products", "/settings", "/new", "/new/configure", "/activate"}) {
    EXPECT_EQ(send("POST", action, "name=acme&number=ORD1&csrf=" + csrf).status, 401) << action << ": no session";
    EXPECT_EQ(send("POST", action, "name=acme&number=ORD1&csrf=forged", with_cookie).status, 403) << action;
    EXPECT_EQ(send("POST", action, "name=acme&number=ORD1", with_cookie).status, 403) << action << ": no token";
  }
  Response now = send("POST", "/import-order", "name=acme&number=ORD101&csrf=" + csrf, with_cookie);
  ASSERT_EQ(now.status, 303) << now.body;
  std::string location = now.headers.get("Location").value_or("");
  ASSERT_TRUE(location.starts_with("/connection?name=acme&command=")) << location;
  std::string id = location.substr(location.find("command=") + 8);
  live::CommandBox box((dir_ / "configs" / "lpsync-state" / "acme.db").string());
  EXPECT_TRUE(box.waiting(id));
  Response waiting = send("GET", location, "", with_cookie);
  EXPECT_NE(waiting.body.find("Waiting for lpsync run, which is not running"), std::string::npos) << waiting.body;
  EXPECT_NE(waiting.body.find("<noscript><meta http-equiv=\"refresh\""), std::string::npos) << "without script";
  EXPECT_NE(waiting.body.find("<main data-refresh=\"2\">"), std::string::npos) << "with script: /app.js";
  Response js = send("GET", "/app.js");
  EXPECT_EQ(js.status, 200) << "no session needed: static";
  EXPECT_EQ(js.headers.get("Content-Type").value_or(""), "text/javascript; charset=utf-8");
  EXPECT_NE(js.body.find("data-live"), std::string::npos);
  EXPECT_NE(waiting.headers.get("Content-Security-Policy").value_or("").find("script-src 'self'"), std::string::npos);
  auto taken = box.take(10);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].args.at("number"), "ORD101");
  EXPECT_EQ(taken[0].user, "admin");
  box.answer(id, boost::json::object{{"ok", true}, {"message", "Order ORD101 imported into Picqer."}});
  Response done = send("GET", location, "", with_cookie);
  EXPECT_NE(done.body.find("Order ORD101 imported into Picqer."), std::string::npos);
  EXPECT_EQ(done.body.find("http-equiv=\"refresh\""), std::string::npos) << "done: no more reloading";
  EXPECT_EQ(done.body.find("data-refresh"), std::string::npos);
  EXPECT_EQ(send("POST", "/import-order", "name=../acme&number=ORD1&csrf=" + csrf, with_cookie).status, 404);
  // A command taken long ago whose answer is no longer kept is not followed for ever.
  Response old = send("GET", "/connection?name=acme&command=000000000000001-0000abcd", "", with_cookie);
  EXPECT_NE(old.body.find("No answer is kept for this command any more"), std::string::npos) << old.body;
  EXPECT_EQ(old.body.find("data-refresh"), std::string::npos);
}

TEST_F(Console, SettingsAreCheckedSavedIntoTheStateAndLogged) {
  set_password();
  auto [cookie, csrf] = log_in();
  Headers with_cookie{{"Cookie", cookie}};
  Response bad = send("POST", "/settings", "name=acme&poll_interval=5&csrf=" + csrf, with_cookie);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("poll_interval"), std::string::npos) << bad.body;
  Response saved =
      send("POST", "/settings", "name=acme&active=on&read_only=on&poll_interval=120&csrf=" + csrf, with_cookie);
  ASSERT_EQ(saved.status, 303) << saved.body;
  Response page = send("GET", saved.headers.get("Location").value_or(""), "", with_cookie);
  EXPECT_NE(page.body.find("Saved."), std::string::npos);
  EXPECT_NE(page.body.find("read_only: false → true"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("</strong> by <strong>admin</strong>: active: false → true"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("id=\"s-read_only\" name=\"read_only\" value=\"on\" checked"), std::string::npos);
  Response home = send("GET", "/", "", with_cookie);
  EXPECT_NE(home.body.find("<td>active</td>"), std::string::npos) << "the list shows the settings in force";
  auto opened = SqliteStateStore::open((dir_ / "configs" / "lpsync-state" / "acme.db").string());
  ASSERT_TRUE(opened);
  auto s = live::console_settings(*opened.value().store);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->read_only);
  EXPECT_EQ(s->poll_interval, Duration::seconds(120));
  EXPECT_FALSE(s->send_stock) << "an unticked box is off";
}

TEST_F(Console, TheWizardRefusesABadNameOrAnExistingConnectionBeforeReadingAnything) {
  set_password();
  auto [cookie, csrf] = log_in();
  Headers with_cookie{{"Cookie", cookie}};
  Response bad = send("POST", "/new", "name=..%2Fevil&key=k&secret=s&csrf=" + csrf, with_cookie);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("letters, digits"), std::string::npos);
  Response exists = send("POST", "/new", "name=acme&key=k&secret=s&csrf=" + csrf, with_cookie);
  EXPECT_EQ(exists.status, 400);
  EXPECT_NE(exists.body.find("exists already"), std::string::npos);
  Response missing = send("POST", "/new", "name=shop2&cluster=eu1&language=nl&csrf=" + csrf, with_cookie);
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("lightspeed.key"), std::string::npos) << missing.body;
  EXPECT_FALSE(fs::exists(dir_ / "configs" / "shop2.json"));
}

}  // namespace
}  // namespace lpsync::console
