// What the live end-to-end tests share: the fakes on loopback (http or https with a CA the
// test makes), a small shop in them, config files in TEST_TMPDIR whose secrets come from the
// environment, and the lpsync command line run in-process.
#pragma once

#include <boost/json.hpp>

#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tools/live/fake_services.h"

namespace lpsync::testing {

// The secrets of every test config (distinctive, so a leak scan can look for them).
inline constexpr char kLightspeedKey[] = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
inline constexpr char kLightspeedSecret[] = "ffeeddccbbaa99887766554433221100";
inline constexpr char kPicqerKey[] = "pq-live-test-key-8c1d55e0";
std::vector<std::string> test_secrets();

// A directory of its own under $TEST_TMPDIR.
std::string fresh_dir(const std::string& name);

struct LiveWorld {
  std::string dir;
  std::string ca_file;  // "" over http
  std::unique_ptr<FakeServices> fakes;
};
// Fakes over https (a CA made for the test) or http, with the test's credentials, quick
// webhooks, and the secrets exported as LPSYNC_TEST_* environment variables.
LiveWorld make_world(const std::string& name, bool https, uint64_t seed = 1);

// The shop: product 1 "Mug" (variant 11, SKU MUG, 9 in stock, 1 image), product 2 "Shirt"
// (variant 21, SHIRT-S, 5), products 3 and 4 sharing SKU DUP (variants 31, 41); Picqer has
// SHIRT-S with 7 in warehouse 1. Orders: ORD1 paid (1 MUG), ORD2 not paid (1 SHIRT-S),
// ORD3 paid (1 DUP).
void add_shop(FakeServices& f);

// The references of the Picqer orders created through the API (by lpsync), in order.
std::vector<std::string> picqer_references(FakeServices& f);

// Writes DIR/NAME.json for the world's fakes with `settings` (and `extra` top-level keys).
std::string write_config(const LiveWorld& w, const std::string& name, const boost::json::object& settings,
                         const boost::json::object& extra = {});

struct CliResult {
  int code = -1;
  std::string out, err;
};
CliResult lpsync(const std::vector<std::string>& args);

// An ostream that another thread may write while a test reads it.
class SharedLog : public std::ostream {
 public:
  SharedLog() : std::ostream(&buf_) {}
  std::string text() const { return buf_.text(); }

 private:
  class Buf : public std::stringbuf {
   public:
    std::string text() const {
      std::lock_guard lock(mu_);
      return str();
    }

   protected:
    int sync() override { return 0; }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      std::lock_guard lock(mu_);
      return std::stringbuf::xsputn(s, n);
    }
    int_type overflow(int_type c) override {
      std::lock_guard lock(mu_);
      return std::stringbuf::overflow(c);
    }

   private:
    mutable std::recursive_mutex mu_;  // xsputn calls overflow
  };
  Buf buf_;
};

// Every log line whose "event" is `event`, parsed.
std::vector<boost::json::object> log_events(const std::string& log, const std::string& event);

}  // namespace lpsync::testing

namespace lpsync::testing {

// `lpsync ARGS` on a thread of its own (lpsync run), its log readable while it runs.
class Background {
 public:
  explicit Background(std::vector<std::string> args);
  ~Background();
  const SharedLog& log() const { return err_; }
  // Waits (polling the log) until an event appears `count` times; false after `timeout`.
  bool wait_for(const std::string& event, size_t count = 1, Duration timeout = Duration::seconds(20)) const;
  // Sends SIGTERM and waits for the command to return; its exit code.
  int stop();
  std::string out() const { return out_.str(); }

 private:
  SharedLog err_;
  std::ostringstream out_;
  std::thread thread_;
  int code_ = -1;
};

// The port of the listener a run logged ("listening" event), or 0.
int listening_port(const std::string& log);

}  // namespace lpsync::testing
