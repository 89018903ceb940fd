#include "engine/env/httplib_transport.h"

#include <httplib.h>

namespace lpsync {
namespace {

void set_timeout(httplib::Client& c, void (httplib::Client::*setter)(time_t, time_t), Duration d) {
  (c.*setter)(d.millis() / 1000, (d.millis() % 1000) * 1000);
}

TransportError error_for(httplib::Error error, const Url& url) {
  std::string where = " (" + url.origin + ")";
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress:
      return {TransportErrorKind::refused, "could not connect" + where};
    case httplib::Error::ConnectionTimeout:
      return {TransportErrorKind::refused, "connecting timed out" + where};
    case httplib::Error::SSLConnection:
      return {TransportErrorKind::refused, "the TLS handshake failed" + where};
    case httplib::Error::SSLLoadingCerts:
      return {TransportErrorKind::refused, "could not load the CA certificates (check tls.ca_file)" + where};
    case httplib::Error::SSLServerVerification:
      return {TransportErrorKind::refused,
              "the server's TLS certificate could not be verified (check tls.ca_file)" + where};
    case httplib::Error::Read:
      return {TransportErrorKind::timeout, "no complete answer was read" + where};
    case httplib::Error::Write:
      return {TransportErrorKind::reset, "the connection broke while sending" + where};
    default:
      return {TransportErrorKind::reset, "the request failed: " + httplib::to_string(error) + where};
  }
}

}  // namespace

HttplibTransport::HttplibTransport(HttplibOptions options) : options_(std::move(options)) {}
HttplibTransport::~HttplibTransport() = default;

void HttplibTransport::disconnect() { clients_.clear(); }

httplib::Client& HttplibTransport::client_for(const Url& url) {
  auto& slot = clients_[url.origin];
  if (!slot) {
    slot = std::make_unique<httplib::Client>(url.origin);
    slot->set_keep_alive(true);
    slot->set_tcp_nodelay(true);  // see http_server.cc: no delayed-ACK stall per request
    set_timeout(*slot, &httplib::Client::set_connection_timeout, options_.connect_timeout);
    set_timeout(*slot, &httplib::Client::set_read_timeout, options_.read_timeout);
    set_timeout(*slot, &httplib::Client::set_write_timeout, options_.write_timeout);
    if (url.scheme == "https") {
      slot->enable_server_certificate_verification(options_.verify_certificate);
      if (!options_.ca_file.empty()) slot->set_ca_cert_path(options_.ca_file);
    }
  }
  return *slot;
}

TransportResult HttplibTransport::send(const Request& request) {
  auto url = parse_url(request.url);
  if (!url) return TransportError{TransportErrorKind::refused, "not an http(s) URL"};
  httplib::Request out;
  out.method = request.method;
  out.path = url->target();
  for (const auto& [k, v] : request.headers.fields()) out.headers.emplace(k, v);
  out.body = request.body;
  httplib::Result result = client_for(*url).send(out);
  if (!result) {
    // A broken keep-alive connection must not poison the next request.
    clients_.erase(url->origin);
    return error_for(result.error(), *url);
  }
  Response response;
  response.status = result->status;
  for (const auto& [k, v] : result->headers) response.headers.add(k, v);
  response.body = std::move(result->body);
  return response;
}

}  // namespace lpsync
