#include "tools/ops/smtp_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <stdexcept>

#include "engine/env/crypto.h"

namespace lpsync::ops::testing {
namespace {

constexpr size_t kMaxData = 1 << 20;

class Wire {
 public:
  explicit Wire(int fd) : fd_(fd) {}
  ~Wire() {
    if (ssl_) SSL_free(ssl_);
    if (ctx_) SSL_CTX_free(ctx_);
  }
  bool tls() const { return ssl_ != nullptr; }
  bool start_tls(const std::string& cert, const std::string& key) {
    ctx_ = SSL_CTX_new(TLS_server_method());
    if (SSL_CTX_use_certificate_chain_file(ctx_, cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx_, key.c_str(), SSL_FILETYPE_PEM) != 1) {
      return false;
    }
    ssl_ = SSL_new(ctx_);
    SSL_set_fd(ssl_, fd_);
    return SSL_accept(ssl_) == 1;
  }
  void write(const std::string& s) {
    if (ssl_) SSL_write(ssl_, s.data(), static_cast<int>(s.size()));
    else ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL);
  }
  // A line without its CRLF; false when the connection ended.
  bool line(std::string& out) {
    out.clear();
    while (out.size() < kMaxData) {
      char c;
      long n = ssl_ ? SSL_read(ssl_, &c, 1) : ::recv(fd_, &c, 1, 0);
      if (n <= 0) return false;
      if (c == '\n') {
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return true;
      }
      out += c;
    }
    return false;
  }

 private:
  int fd_;
  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
};

bool starts_with_ci(const std::string& s, const std::string& prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

std::string between_angles(const std::string& s) {
  size_t a = s.find('<'), b = s.rfind('>');
  return a != std::string::npos && b != std::string::npos && b > a ? s.substr(a + 1, b - a - 1) : "";
}

}  // namespace

SmtpTestServer::SmtpTestServer(const std::string& tls_dir, bool offer_starttls)
    : tls_(::lpsync::testing::make_test_tls(tls_dir)), offer_starttls_(offer_starttls) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 8) != 0) {
    throw std::runtime_error("the test SMTP server cannot listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

SmtpTestServer::~SmtpTestServer() {
  stopping_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  thread_.join();
  ::close(listen_fd_);
}

std::vector<ReceivedMail> SmtpTestServer::mails() const {
  std::lock_guard lock(mu_);
  return mails_;
}

std::vector<std::string> SmtpTestServer::plain_commands() const {
  std::lock_guard lock(mu_);
  return plain_;
}

void SmtpTestServer::serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;  // a bounded wait for a client, so the destructor can stop it
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ++connections_;
    session(fd);
    ::close(fd);
  }
}

void SmtpTestServer::session(int fd) {
  Wire w(fd);
  ReceivedMail mail;
  w.write("220 test.local ESMTP\r\n");
  std::string line;
  while (w.line(line)) {
    if (!w.tls()) {
      std::lock_guard lock(mu_);
      plain_.push_back(line);
    }
    if (starts_with_ci(line, "EHLO")) {
      w.write(std::string("250-test.local\r\n") + (offer_starttls_ && !w.tls() ? "250-STARTTLS\r\n" : "") +
              "250 AUTH PLAIN\r\n");
    } else if (starts_with_ci(line, "STARTTLS") && offer_starttls_ && !w.tls()) {
      w.write("220 go ahead\r\n");
      if (!w.start_tls(tls_.cert_file, tls_.key_file)) return;
    } else if (starts_with_ci(line, "AUTH PLAIN ")) {
      auto plain = base64_decode(line.substr(11));
      if (!w.tls() || !plain) {
        w.write("538 encryption required\r\n");
        continue;
      }
      size_t a = plain->find('\0', 1);
      mail.auth_user = plain->substr(1, a - 1);
      mail.auth_password = a == std::string::npos ? "" : plain->substr(a + 1);
      w.write("235 ok\r\n");
    } else if (starts_with_ci(line, "MAIL FROM:")) {
      if (!w.tls()) {
        w.write("530 must issue STARTTLS first\r\n");
      } else if (refuse_ > 0) {
        --refuse_;
        w.write("451 try again later\r\n");
      } else {
        mail.from = between_angles(line);
        w.write("250 ok\r\n");
      }
    } else if (starts_with_ci(line, "RCPT TO:")) {
      mail.to.push_back(between_angles(line));
      w.write("250 ok\r\n");
    } else if (starts_with_ci(line, "DATA")) {
      w.write("354 end with .\r\n");
      std::string data, l;
      while (w.line(l) && l != "." && data.size() < kMaxData) data += (l.rfind("..", 0) == 0 ? l.substr(1) : l) + "\r\n";
      mail.data = data;
      mail.over_tls = w.tls();
      {
        std::lock_guard lock(mu_);
        mails_.push_back(mail);
      }
      w.write("250 queued\r\n");
    } else if (starts_with_ci(line, "QUIT")) {
      w.write("221 bye\r\n");
      return;
    } else {
      w.write("502 not implemented\r\n");
    }
  }
}

}  // namespace lpsync::ops::testing
