#include "tools/ops/smtp_client.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "engine/env/clock.h"
#include "engine/env/crypto.h"

namespace lpsync::ops {
namespace {

constexpr size_t kMaxReplyLines = 100;  // a multi-line answer longer than this is refused
constexpr size_t kMaxLine = 4096;

struct Failure {
  std::string why;
};

// One connection, plain until starttls(), then TLS.
class Connection {
 public:
  explicit Connection(const SmtpOptions& o)
      : o_(o), deadline_(SystemClock().now() + o.within) {}
  ~Connection() {
    if (ssl_) {
      SSL_shutdown(ssl_);
      SSL_free(ssl_);
    }
    if (ctx_) SSL_CTX_free(ctx_);
    if (fd_ >= 0) ::close(fd_);
  }

  void connect() {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(o_.host.c_str(), std::to_string(o_.port).c_str(), &hints, &found) != 0 || !found) {
      throw Failure{"cannot resolve " + o_.host};
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
    int64_t ms = std::min(o_.timeout.millis(), o_.within.millis());
    timeval tv{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
    for (addrinfo* a = found; a; a = a->ai_next) {
      int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
      if (fd < 0) continue;
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
      ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);  // also bounds connect()
      if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
        fd_ = fd;
        return;
      }
      ::close(fd);
    }
    throw Failure{"cannot connect to " + o_.host + ":" + std::to_string(o_.port)};
  }

  void starttls() {
    ctx_ = SSL_CTX_new(TLS_client_method());
    if (!ctx_) throw Failure{"TLS is not available"};
    SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
    bool cas = o_.ca_file.empty() ? SSL_CTX_set_default_verify_paths(ctx_) == 1
                                  : SSL_CTX_load_verify_locations(ctx_, o_.ca_file.c_str(), nullptr) == 1;
    if (!cas) throw Failure{"cannot load the trusted CAs"};
    ssl_ = SSL_new(ctx_);
    SSL_set_fd(ssl_, fd_);
    X509_VERIFY_PARAM* param = SSL_get0_param(ssl_);
    in6_addr any{};
    bool ip = ::inet_pton(AF_INET, o_.host.c_str(), &any) == 1 || ::inet_pton(AF_INET6, o_.host.c_str(), &any) == 1;
    if (ip) {
      X509_VERIFY_PARAM_set1_ip_asc(param, o_.host.c_str());
    } else {
      SSL_set_tlsext_host_name(ssl_, o_.host.c_str());
      X509_VERIFY_PARAM_set1_host(param, o_.host.c_str(), 0);
    }
    if (SSL_connect(ssl_) != 1) {
      long verify = SSL_get_verify_result(ssl_);
      throw Failure{std::string("TLS with ") + o_.host + " failed" +
                    (verify != X509_V_OK ? std::string(": ") + X509_verify_cert_error_string(verify) : "")};
    }
  }

  void write(const std::string& text) {
    arm();
    size_t done = 0;
    while (done < text.size()) {
      long n = ssl_ ? SSL_write(ssl_, text.data() + done, static_cast<int>(text.size() - done))
                    : ::send(fd_, text.data() + done, text.size() - done, MSG_NOSIGNAL);
      if (n <= 0) throw Failure{"the connection to " + o_.host + " broke while writing"};
      done += static_cast<size_t>(n);
    }
  }

  // One reply (all its lines); its code and its last line's text.
  std::pair<int, std::string> reply() {
    arm();
    for (size_t lines = 0; lines < kMaxReplyLines; ++lines) {
      std::string line = read_line();
      if (line.size() < 3) throw Failure{"a malformed answer from " + o_.host};
      int code = std::atoi(line.substr(0, 3).c_str());
      if (lines == 0) capabilities_.clear();
      capabilities_ += line.substr(std::min<size_t>(4, line.size())) + "\n";
      if (line.size() == 3 || line[3] == ' ') return {code, line};
    }
    throw Failure{"an answer of more than " + std::to_string(kMaxReplyLines) + " lines from " + o_.host};
  }
  // The lines of the last reply (for EHLO: the extensions).
  const std::string& last_lines() const { return capabilities_; }

 private:
  // Each read and write waits at most `timeout`, and never past the conversation's end.
  void arm() {
    int64_t left = (deadline_ - SystemClock().now()).millis();
    if (left <= 0) throw Failure{"the SMTP server " + o_.host + " took longer than the time given"};
    int64_t ms = std::min<int64_t>(left, o_.timeout.millis());
    timeval tv{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }

  std::string read_line() {
    std::string line;
    while (line.size() < kMaxLine) {
      char c;
      long n = ssl_ ? SSL_read(ssl_, &c, 1) : ::recv(fd_, &c, 1, 0);
      if (n <= 0) throw Failure{"the connection to " + o_.host + " closed or timed out"};
      if (c == '\n') {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
      }
      line += c;
    }
    throw Failure{"an answer line too long from " + o_.host};
  }

  const SmtpOptions& o_;
  Instant deadline_;  // the end of the conversation
  int fd_ = -1;
  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
  std::string capabilities_;
};

// Sends a command and checks its answer's code class (2 or 3).
void expect(Connection& c, const std::string& command, int wanted_class, const std::string& what) {
  if (!command.empty()) c.write(command + "\r\n");
  auto [code, text] = c.reply();
  if (code / 100 != wanted_class) throw Failure{what + ": the server answered " + text};
}

// CRLF line ends, a leading '.' doubled (RFC 5321 4.5.2), and the final ".".
std::string data_block(const std::string& message) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < message.size(); ++i) {
    char c = message[i];
    if (line_start && c == '.') out += '.';
    if (c == '\n' && (i == 0 || message[i - 1] != '\r')) out += '\r';
    out += c;
    line_start = c == '\n';
  }
  if (out.size() < 2 || out.substr(out.size() - 2) != "\r\n") out += "\r\n";
  return out + ".\r\n";
}

bool offers(const std::string& ehlo_lines, const std::string& extension) {
  size_t at = 0;
  while (at < ehlo_lines.size()) {
    size_t end = ehlo_lines.find('\n', at);
    std::string line = ehlo_lines.substr(at, end - at);
    for (char& ch : line) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (line.rfind(extension, 0) == 0) return true;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return false;
}

}  // namespace

std::string smtp_send(const SmtpOptions& o, const std::string& message) {
  try {
    Connection c(o);
    c.connect();
    expect(c, "", 2, "greeting");
    expect(c, "EHLO lpsync", 2, "EHLO");
    if (!offers(c.last_lines(), "STARTTLS")) {
      return "the SMTP server " + o.host + " does not offer STARTTLS: lpsync sends nothing in clear text";
    }
    expect(c, "STARTTLS", 2, "STARTTLS");
    c.starttls();
    expect(c, "EHLO lpsync", 2, "EHLO after STARTTLS");
    if (!o.user.empty()) {
      std::string plain = std::string(1, '\0') + o.user + std::string(1, '\0') + o.password;
      c.write("AUTH PLAIN " + base64_encode(plain) + "\r\n");
      auto [code, text] = c.reply();
      if (code != 235) return "the SMTP server refused the login (alerts.smtp.user and password): " + text;
    }
    expect(c, "MAIL FROM:<" + o.from + ">", 2, "MAIL FROM");
    for (const auto& to : o.to) expect(c, "RCPT TO:<" + to + ">", 2, "RCPT TO " + to);
    expect(c, "DATA", 3, "DATA");
    c.write(data_block(message));
    expect(c, "", 2, "the message");
    c.write("QUIT\r\n");
    return "";
  } catch (const Failure& f) {
    return f.why;
  }
}

}  // namespace lpsync::ops
