// Mounts a request handler (the same object a DirectTransport calls) on a cpp-httplib server
// on a loopback address, over http or https. A handler's TransportError becomes a dropped
// connection: the client reads the status line, then the connection closes mid-answer.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/env/http.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace lpsync {
namespace detail {
class GuardedServer;
}

// What the server accepts from its clients. Over plain http every connection has a thread of
// its own while it is open (so a slow or idle client holds only its own), its request
// deadline, and a place under the caps; over https (the fakes in tests) only the body limit
// and error bodies apply.
struct HttpLimits {
  size_t max_body = 8 * 1024 * 1024;  // bytes; a larger body is refused with 413 before it is read
  // A request's head and body must have arrived this long after its first byte was awaited.
  std::chrono::milliseconds request_timeout{10000};
  // A kept-alive connection is closed after waiting this long for its next request.
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds write_timeout{5000};  // for each part of an answer
  // Connections open at once, in all and from one address. A connection beyond either cap
  // closes the longest-waiting connection that has not sent a whole request head (a slot
  // for a real request); if every one is busy, the newcomer gets 503.
  int max_connections = 64;
  int max_per_client = 16;
};

// The body of an error the HTTP layer answers itself (400, 408, 413, 503, ...), in the
// shape of the API it serves. Without one: the message as text/plain.
using HttpErrorBody = std::function<Response(const std::string& method, const std::string& path, int status,
                                             const std::string& message)>;

inline constexpr char kClientAddressHeader[] = "X-Lpsync-Client-Address";

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                 // 0: any free port
  std::string cert_file;        // both set: serve https
  std::string key_file;
  std::mutex* serialize = nullptr;  // calls to the handler hold this lock (default: the server's own)
  // Calls to the handler may overlap (it is thread-safe); `serialize` is then not used. For a
  // listener whose answer may wait for another thread that is itself waiting for a sender.
  bool concurrent = false;
  // Tell the handler the client's address in the header kClientAddressHeader (a header of that
  // name sent by the client is dropped first, so it cannot be forged).
  bool client_address = false;
  HttpLimits limits;
  // The body limit of a route (method, path); without one, limits.max_body everywhere.
  std::function<size_t(const std::string& method, const std::string& path)> body_limit;
  HttpErrorBody error_body;
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
  void mount(const std::string& scheme);
  // Calls the handler for one request whose body has been read, and writes its answer.
  void answer(const std::string& scheme, const httplib::Request& in, const std::string& body, httplib::Response& out);

  Handler handler_;
  HttpServerOptions options_;
  std::mutex own_mutex_;
  std::unique_ptr<httplib::Server> server_;
  detail::GuardedServer* guarded_ = nullptr;  // server_ over plain http
  std::thread thread_;
  std::atomic<bool> listen_returned_ = false;
  int port_ = 0;
  std::string error_;
};

}  // namespace lpsync
