// Test equipment: a small SMTP receiver on loopback that speaks STARTTLS with a throw-away
// certificate (engine/env/test_tls.h), accepts AUTH PLAIN, and keeps what it received. It
// refuses MAIL FROM before STARTTLS (so a test sees a client that would talk in clear), and
// can refuse the first N messages with 451 (to test retries). One connection at a time.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/env/test_tls.h"

namespace lpsync::ops::testing {

struct ReceivedMail {
  std::string auth_user, auth_password;  // from AUTH PLAIN
  std::string from;
  std::vector<std::string> to;
  std::string data;  // as received, dot-stuffing undone
  bool over_tls = false;
};

class SmtpTestServer {
 public:
  // `tls_dir` receives the certificate files; `offer_starttls` false plays a server without it.
  SmtpTestServer(const std::string& tls_dir, bool offer_starttls = true);
  ~SmtpTestServer();
  int port() const { return port_; }
  const std::string& ca_file() const { return tls_.ca_file; }
  void refuse_next(int n) { refuse_ = n; }
  std::vector<ReceivedMail> mails() const;
  int connections() const { return connections_; }
  std::vector<std::string> plain_commands() const;  // commands seen before STARTTLS

 private:
  void serve();
  void session(int fd);

  ::lpsync::testing::TestTls tls_;
  bool offer_starttls_;
  int listen_fd_ = -1, port_ = 0;
  std::atomic<bool> stopping_ = false;
  std::atomic<int> refuse_ = 0, connections_ = 0;
  mutable std::mutex mu_;
  std::vector<ReceivedMail> mails_;
  std::vector<std::string> plain_;
  std::thread thread_;
};

}  // namespace lpsync::ops::testing
