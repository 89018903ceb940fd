#include "engine/env/http_server.h"

#include <httplib.h>

namespace lpsync {

HttpServer::HttpServer(Handler handler, HttpServerOptions options)
    : handler_(std::move(handler)), options_(std::move(options)) {
  bool tls = !options_.cert_file.empty() && !options_.key_file.empty();
  if (tls) {
    server_ = std::make_unique<httplib::SSLServer>(options_.cert_file.c_str(), options_.key_file.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  if (!server_->is_valid()) {
    error_ = "could not load the TLS certificate or key";
    return;
  }
  // cpp-httplib writes headers and body separately: without TCP_NODELAY each answer waits
  // for a delayed ACK (about 40 ms on loopback).
  server_->set_tcp_nodelay(true);
  std::mutex* lock = options_.serialize ? options_.serialize : &own_mutex_;
  std::string scheme = tls ? "https" : "http";
  auto route = [this, lock, scheme](const httplib::Request& in, httplib::Response& out) {
    Request request;
    request.method = in.method;
    request.url = scheme + "://" + options_.host + ":" + std::to_string(port_) + in.target;
    for (const auto& [k, v] : in.headers) {
      // cpp-httplib adds these on the server side; they are not the client's.
      if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;
      request.headers.add(k, v);
    }
    request.body = in.body;
    std::optional<TransportResult> result;
    if (options_.concurrent) {
      result.emplace(handler_(request));
    } else {
      std::lock_guard guard(*lock);
      result.emplace(handler_(request));
    }
    if (!result->ok()) {
      out.status = 200;
      out.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
      return;
    }
    const Response& r = result->response();
    out.status = r.status;
    std::string content_type = r.headers.get("Content-Type").value_or("application/json");
    Headers rest = r.headers;
    rest.remove("Content-Type");
    for (const auto& [k, v] : rest.fields()) out.headers.emplace(k, v);
    out.set_content(r.body, content_type.c_str());
  };
  server_->Get(".*", route);
  server_->Post(".*", route);
  server_->Put(".*", route);
  server_->Delete(".*", route);
  server_->Patch(".*", route);
  int port = options_.port == 0 ? server_->bind_to_any_port(options_.host)
                                : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port <= 0) {
    error_ = "could not listen on " + options_.host + ":" + std::to_string(options_.port) +
             " (is the port in use?)";
    return;
  }
  port_ = port;
  // The socket already listens after bind; early connections wait in its backlog. Wait
  // until the accept loop runs, so that stop() cannot come before it and be missed.
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    listen_returned_ = true;
  });
  while (!server_->is_running() && !listen_returned_) std::this_thread::yield();
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string HttpServer::base_url() const {
  bool tls = !options_.cert_file.empty() && !options_.key_file.empty();
  return std::string(tls ? "https" : "http") + "://" + options_.host + ":" + std::to_string(port_);
}

}  // namespace lpsync
