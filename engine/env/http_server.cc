#include "engine/env/http_server.h"

#include <strings.h>

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/env/guarded_server.h"

namespace lpsync {
namespace {

using httplib::Server;

bool expects_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A Content-Length value: digits only, and no more than fits.
std::optional<size_t> parse_length(const std::string& text) {
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  return static_cast<size_t>(std::stoull(text));
}

Response error_answer(const HttpServerOptions& o, const std::string& method, const std::string& path, int status,
                      const std::string& message) {
  if (o.error_body) return o.error_body(method, path, status, message);
  return Response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, message + "\n"};
}

// The routes of one server: what runs before httplib reads a body, the body reader, and the
// error bodies of what httplib refuses itself.
struct Mount {
  const HttpServerOptions& options;
  std::function<void(const httplib::Request&, const std::string& body, httplib::Response&)> serve;

  size_t limit(const httplib::Request& in) const {
    return options.body_limit ? options.body_limit(in.method, in.path) : options.limits.max_body;
  }

  // Answers `status` in the API's error shape; `close`: the connection ends after it (a
  // body the server did not read may still be on its way).
  void refuse(const httplib::Request& in, httplib::Response& out, int status, const std::string& message,
              bool close) const {
    Response r = error_answer(options, in.method, in.path, status, message);
    out.status = status;
    std::string type = r.headers.get("Content-Type").value_or("text/plain");
    out.set_content(r.body, type.c_str());
    if (!close) return;
    out.set_header("Connection", "close");
    if (auto* c = detail::GuardedServer::current()) c->must_close = true;
  }

  Server::HandlerResponse before_routing(const httplib::Request& in, httplib::Response& out) const {
    size_t max = limit(in);
    if (in.has_header("Content-Length")) {
      auto length = parse_length(in.get_header_value("Content-Length"));
      if (!length) {
        refuse(in, out, 400, "Content-Length is not a byte count: send the body's length in bytes", true);
        return Server::HandlerResponse::Handled;
      }
      if (*length > max) {
        refuse(in, out, 413,
               "the request body is " + std::to_string(*length) + " bytes; " + in.path + " accepts at most " +
                   std::to_string(max) + " bytes",
               true);
        return Server::HandlerResponse::Handled;
      }
      if (!expects_body(in.method) && *length > 0) {
        if (auto* c = detail::GuardedServer::current()) c->must_close = true;  // its body is not read
      }
      return Server::HandlerResponse::Unhandled;
    }
    if (in.has_header("Transfer-Encoding")) {
      if (lower(in.get_header_value("Transfer-Encoding")) == "chunked") return Server::HandlerResponse::Unhandled;
      refuse(in, out, 501, "Transfer-Encoding " + in.get_header_value("Transfer-Encoding") +
                               " is not supported: send Content-Length or chunked", true);
      return Server::HandlerResponse::Handled;
    }
    if (!expects_body(in.method)) return Server::HandlerResponse::Unhandled;
    // No Content-Length and no Transfer-Encoding: the request has no body (RFC 9112
    // section 6.3), as curl -X POST sends it. httplib would wait for one until it times out.
    serve(in, "", out);
    return Server::HandlerResponse::Handled;
  }

  void with_body(const httplib::Request& in, httplib::Response& out, const httplib::ContentReader& read) const {
    if (lower(in.get_header_value("Content-Type")).rfind("multipart/form-data", 0) == 0) {
      refuse(in, out, 415, "multipart/form-data bodies are not accepted here: send JSON", true);
      return;
    }
    size_t max = limit(in);
    std::string body;
    bool over = false;
    bool complete = read([&](const char* data, size_t n) {
      if (body.size() + n > max) {
        over = true;
        return false;
      }
      body.append(data, n);
      return true;
    });
    if (over) {
      refuse(in, out, 413, "the request body is over " + std::to_string(max) + " bytes, the most " + in.path + " accepts",
             true);
    } else if (!complete) {
      auto* c = detail::GuardedServer::current();
      bool late = c && c->timed_out;
      refuse(in, out, late ? 408 : 400,
             late ? "the request body did not arrive in time" : "the request body could not be read", true);
    } else {
      serve(in, body, out);
    }
  }

  // What httplib answers itself (a malformed request line or header, an unknown method, a
  // request that did not arrive in time) gets the API's error body too.
  Server::HandlerResponse on_error(const httplib::Request& in, httplib::Response& out) const {
    if (!out.body.empty() || out.has_header("Content-Type")) return Server::HandlerResponse::Unhandled;
    auto* c = detail::GuardedServer::current();
    int status = out.status;
    std::string message = "the request could not be read (malformed request line, header or body)";
    if (c && c->timed_out) {
      status = 408;
      message = "the request did not arrive within " + std::to_string(options.limits.request_timeout.count()) + " ms";
    } else if (status == 400 && !in.method.empty() && !expects_body(in.method) && in.method != "GET" &&
               in.method != "HEAD" && in.method != "OPTIONS") {
      status = 405;
      message = "the method " + in.method + " is not served here";
    } else if (status == 414) {
      message = "the request line is too long";
    } else if (status != 400) {
      message = "the request was refused (HTTP " + std::to_string(status) + ")";
    }
    refuse(in, out, status, message, c != nullptr);
    return Server::HandlerResponse::Handled;
  }
};

std::string raw_refusal(const HttpServerOptions& o) {
  Response r = error_answer(o, "", "", 503, "too many connections: try again soon");
  std::string type = r.headers.get("Content-Type").value_or("text/plain");
  return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: " + type + "\r\nContent-Length: " +
         std::to_string(r.body.size()) + "\r\nConnection: close\r\n\r\n" + r.body;
}

}  // namespace

HttpServer::HttpServer(Handler handler, HttpServerOptions options)
    : handler_(std::move(handler)), options_(std::move(options)) {
  bool tls = !options_.cert_file.empty() && !options_.key_file.empty();
  if (tls) {
    server_ = std::make_unique<httplib::SSLServer>(options_.cert_file.c_str(), options_.key_file.c_str());
    server_->set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(options_.limits.request_timeout).count());
    server_->set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(options_.limits.idle_timeout).count());
  } else {
    guarded_ = new detail::GuardedServer(options_.limits, [o = options_] { return raw_refusal(o); });
    server_.reset(guarded_);
  }
  if (!server_->is_valid()) {
    error_ = "could not load the TLS certificate or key";
    return;
  }
  mount(tls ? "https" : "http");
  int port = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                                : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port <= 0) {
    error_ = "could not listen on " + options_.host + ":" + std::to_string(options_.port) +
             " (is the port in use?)";
    return;
  }
  port_ = port;
  if (guarded_) guarded_->widen_listen_queue();
  // The socket already listens after bind; early connections wait in its backlog. Wait
  // until the accept loop runs, so that stop() cannot come before it and be missed.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listen_returned_ = true;
  });
  while (!server_->is_running() && !listen_returned_) std::this_thread::yield();
}

void HttpServer::mount(const std::string& scheme) {
  // cpp-httplib writes headers and body separately: without TCP_NODELAY each answer waits
  // for a delayed ACK (about 40 ms on loopback).
  server_->set_tcp_nodelay(true);
  auto serve = [this, scheme](const httplib::Request& in, const std::string& body, httplib::Response& out) {
    answer(scheme, in, body, out);
  };
  auto routes = std::make_shared<Mount>(Mount{options_, serve});
  server_->set_pre_routing_handler([routes](const httplib::Request& in, httplib::Response& out) { return routes->before_routing(in, out); });
  server_->set_error_handler(Server::HandlerWithResponse([routes](const httplib::Request& in, httplib::Response& out) { return routes->on_error(in, out); }));
  auto plain = [routes](const httplib::Request& in, httplib::Response& out) { routes->serve(in, "", out); };
  auto with_body = [routes](const httplib::Request& in, httplib::Response& out, const httplib::ContentReader& read) {
    routes->with_body(in, out, read);
  };
  server_->Get(".*", plain);
  server_->Post(".*", with_body);
  server_->Put(".*", with_body);
  server_->Delete(".*", with_body);
  server_->Patch(".*", with_body);
}

void HttpServer::answer(const std::string& scheme, const httplib::Request& in, const std::string& body,
                        httplib::Response& out) {
  Request request;
  request.method = in.method;
  request.url = scheme + "://" + options_.host + ":" + std::to_string(port_) + in.target;
  for (const auto& [k, v] : in.headers) {
    // cpp-httplib adds these on the server side; they are not the client's.
    if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;
    if (strcasecmp(k.c_str(), kClientAddressHeader) == 0) continue;
    request.headers.add(k, v);
  }
  if (options_.client_address) request.headers.add(kClientAddressHeader, in.remote_addr);
  request.body = body;
  std::optional<TransportResult> result;
  if (options_.concurrent) {
    result.emplace(handler_(request));
  } else {
    std::lock_guard guard(options_.serialize ? *options_.serialize : own_mutex_);
    result.emplace(handler_(request));
  }
  if (!result->ok()) {
    out.status = 200;
    out.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
    return;
  }
  const Response& r = result->value();
  out.status = r.status;
  std::string content_type = r.headers.get("Content-Type").value_or("application/json");
  Headers rest = r.headers;
  rest.remove("Content-Type");
  for (const auto& [k, v] : rest.fields()) out.headers.emplace(k, v);
  out.set_content(r.body, content_type.c_str());
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  // Slow or idle clients must not hold the stop: their sockets are shut first.
  if (guarded_) guarded_->stop_connections();
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string HttpServer::base_url() const {
  bool tls = !options_.cert_file.empty() && !options_.key_file.empty();
  return std::string(tls ? "https" : "http") + "://" + options_.host + ":" + std::to_string(port_);
}

}  // namespace lpsync
