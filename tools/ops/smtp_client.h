// Sends one e-mail over SMTP, upgraded with STARTTLS before anything else is said: the
// server's certificate is checked against the CAs (the system's, or `ca_file`) and the host
// name, and a server that does not offer STARTTLS gets nothing (no alert and no password in
// clear text). Credentials, when given, go with AUTH PLAIN inside TLS. Blocking, with a
// timeout on every read and write: call it from a thread of its own (alert_sender.h).
#pragma once

#include <string>
#include <vector>

#include "engine/env/time.h"

namespace lpsync::ops {

struct SmtpOptions {
  std::string host;
  int port = 587;
  std::string from;
  std::vector<std::string> to;
  std::string user, password;  // both or neither
  std::string ca_file;         // "" = the system's CAs
  Duration timeout = Duration::seconds(30);  // each read and write
  Duration within = Duration::minutes(2);    // the whole conversation
};

// "" when the server accepted the message; otherwise what went wrong, with the server's
// answer (never a credential).
std::string smtp_send(const SmtpOptions& o, const std::string& message);

}  // namespace lpsync::ops
