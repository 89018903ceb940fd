// The live transport: cpp-httplib over http:// and https:// (certificate verification on by
// default, optional CA file). One keep-alive connection per origin. Not thread-safe: one
// engine thread sends at a time.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/env/http.h"
#include "engine/env/time.h"

namespace httplib {
class Client;
}

namespace lpsync {

struct HttplibOptions {
  std::string ca_file;              // PEM file of trusted CAs; empty: the system's CAs
  bool verify_certificate = true;   // turn off only for tests that say so
  Duration connect_timeout = Duration::seconds(10);
  Duration read_timeout = Duration::seconds(30);
  Duration write_timeout = Duration::seconds(30);
};

class HttplibTransport final : public Transport {
 public:
  explicit HttplibTransport(HttplibOptions options = {});
  ~HttplibTransport() override;

  TransportResult send(const Request& request) override;
  // Closes every kept-alive connection (a server being stopped would otherwise wait for
  // them to time out).
  void disconnect();

 private:
  httplib::Client& client_for(const Url& url);

  HttplibOptions options_;
  std::map<std::string, std::unique_ptr<httplib::Client>> clients_;
};

}  // namespace lpsync
