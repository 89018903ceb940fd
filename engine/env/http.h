// The transport seam: HTTP requests and responses as plain values, and the Transport
// interface through which every byte between the engine, the fakes and the real APIs flows.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/env/result.h"

namespace lpsync {

// Header fields in the order they were added; names compare case-insensitively.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields) : fields_(fields) {}

  std::optional<std::string> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Replaces every field called `name` with one field.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
  void remove(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  std::string method;  // "GET", "POST", "PUT", "DELETE"
  std::string url;     // absolute: "https://api.webshopapp.com/en/orders.json?page=2"
  Headers headers;
  std::string body;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

enum class TransportErrorKind {
  timeout,  // no answer in time: the request may or may not have been applied
  reset,    // the connection broke: the request may or may not have been applied
  refused,  // no connection was made: the request was certainly not applied
};
std::string_view to_string(TransportErrorKind kind);

// A transport error's message never contains credentials.
using TransportError = Error<TransportErrorKind>;

// Either a response (of any status) or a transport error.
using TransportResult = Result<Response, TransportErrorKind>;

class Transport {
 public:
  virtual ~Transport() = default;
  virtual TransportResult send(const Request& request) = 0;
};

// Anything that answers requests: a fake API, the engine's webhook receiver.
using Handler = std::function<TransportResult(const Request&)>;

// A parsed absolute URL. `origin` is "scheme://host[:port]" as written.
struct Url {
  std::string scheme;
  std::string host;
  int port = 0;  // the explicit port, or the scheme's default (80, 443)
  std::string origin;
  std::string path;   // starts with '/', percent-encoded as received
  std::string query;  // without '?', may be empty
  std::string target() const { return query.empty() ? path : path + "?" + query; }
};
std::optional<Url> parse_url(std::string_view url);
// "HOST:PORT" (an IPv6 host in brackets, which are taken off), the port 0..65535 in digits.
struct HostPort {
  std::string host;
  int port = 0;
};
std::optional<HostPort> parse_host_port(std::string_view text);

// Query strings: "a=1&b=x%20y" <-> ordered key/value pairs (decoded; '+' is a space, as in
// form-encoded queries, so percent_decode is for queries, not for path segments).
using QueryParams = std::vector<std::pair<std::string, std::string>>;
QueryParams parse_query(std::string_view query);
std::string encode_query(const QueryParams& params);
std::string percent_encode(std::string_view text);
std::string percent_decode(std::string_view text);
// The first value of `key`, if present.
std::optional<std::string> query_value(const QueryParams& params, std::string_view key);

// "Basic base64(user:password)".
std::string basic_auth_header(std::string_view user, std::string_view password);
// Decodes a "Basic ..." header into user and password; nullopt when it is not one.
std::optional<std::pair<std::string, std::string>> parse_basic_auth(std::string_view header);

}  // namespace lpsync
