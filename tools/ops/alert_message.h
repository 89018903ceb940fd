// How an alert is written for each way it is sent: the webhook's JSON body and its signature,
// and the e-mail's text (RFC 5322, CRLF line ends, dot-stuffed by the SMTP client). Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tools/ops/alert_rules.h"

namespace lpsync::ops {

inline constexpr char kSignatureHeader[] = "X-Lpsync-Signature";

// {"source":"lpsync","connection":...,"cause":...,"subject":...,"message":...,"at":...}
std::string alert_json(const Alert& a, const std::string& connection);
// "sha256=" + lower-case hex HMAC-SHA256 of the body with the secret.
std::string alert_signature(std::string_view body, std::string_view secret);
// The whole message: headers (From, To, Subject, Date, Message-ID, MIME) and the text.
std::string alert_mail(const Alert& a, const std::string& connection, const std::string& from,
                       const std::vector<std::string>& to);

}  // namespace lpsync::ops
