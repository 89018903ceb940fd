#include "tools/ops/alert_message.h"

#include <boost/json.hpp>

#include <cstdio>
#include <ctime>

#include "engine/env/crypto.h"
#include "engine/env/json.h"

namespace lpsync::ops {
namespace {

std::string hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// "Sun, 06 Dec 2026 19:54:24 +0000" (RFC 5322 section 3.3).
std::string mail_date(Instant t) {
  std::time_t secs = static_cast<std::time_t>(t.unix_seconds());
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return text;
}

// A header value on one line: line breaks (which would start a header of their own) become spaces.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

std::string alert_json(const Alert& a, const std::string& connection) {
  boost::json::object o{{"source", "lpsync"},    {"connection", connection}, {"cause", a.cause},
                        {"subject", a.subject},  {"message", a.message},     {"at", format_iso8601(a.at)}};
  return json::serialize(o);
}

std::string alert_signature(std::string_view body, std::string_view secret) {
  return "sha256=" + hex(hmac_sha256(secret, body));
}

std::string alert_mail(const Alert& a, const std::string& connection, const std::string& from,
                       const std::vector<std::string>& to) {
  std::string list;
  for (const auto& t : to) list += (list.empty() ? "" : ", ") + t;
  std::string subject = "lpsync " + connection + ": " + a.cause + (a.subject.empty() ? "" : " " + a.subject);
  std::string out;
  out += "From: " + one_line(from) + "\r\n";
  out += "To: " + one_line(list) + "\r\n";
  out += "Subject: " + one_line(subject) + "\r\n";
  out += "Date: " + mail_date(a.at) + "\r\n";
  out += "Message-ID: <" + std::to_string(a.at.unix_millis()) + "." + hex(a.key().substr(0, 24)) + "@lpsync>\r\n";
  out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += one_line(a.message) + "\r\n\r\nConnection: " + one_line(connection) + "\r\nCause: " + a.cause +
         "\r\nAt: " + format_iso8601(a.at) + "\r\n";
  return out;
}

}  // namespace lpsync::ops
