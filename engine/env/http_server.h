// Mounts a request handler (the same object a DirectTransport calls) on a cpp-httplib server
// on a loopback address, over http or https. A handler's TransportError becomes a dropped
// connection: the client reads the status line, then the connection closes mid-answer.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/env/http.h"

namespace httplib {
class Server;
}

namespace lpsync {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                 // 0: any free port
  std::string cert_file;        // both set: serve https
  std::string key_file;
  std::mutex* serialize = nullptr;  // calls to the handler hold this lock (default: the server's own)
  // Calls to the handler may overlap (it is thread-safe); `serialize` is then not used. For a
  // listener whose answer may wait for another thread that is itself waiting for a sender.
  bool concurrent = false;
};

class HttpServer {
 public:
  // Binds and starts serving on a background thread; check ok() and error().
  HttpServer(Handler handler, HttpServerOptions options = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  bool ok() const { return port_ > 0; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }
  // "http://127.0.0.1:PORT" or "https://..."
  std::string base_url() const;
  void stop();

 private:
  Handler handler_;
  HttpServerOptions options_;
  std::mutex own_mutex_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<bool> listen_returned_ = false;
  int port_ = 0;
  std::string error_;
};

}  // namespace lpsync
