// A raw TCP client for hostile tests: it sends exactly the bytes a test gives (half a
// request, a header line at a time, a body that never comes) and reads what comes back,
// every wait bounded by a timeout.
#pragma once

#include <chrono>
#include <string>

namespace lpsync::testing {

class RawClient {
 public:
  explicit RawClient(int port);  // connects to 127.0.0.1:port; check connected()
  ~RawClient();
  RawClient(RawClient&& other) noexcept;
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return fd_ >= 0; }
  // False if the peer closed or reset the connection.
  bool send(const std::string& bytes);
  // Everything until the peer closes, `timeout` passes, or (when the head is complete) the
  // Content-Length body has arrived.
  std::string read_response(std::chrono::milliseconds timeout);
  // True when the peer closed the connection (EOF or reset) within `timeout`.
  bool closed_within(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
};

// The status code of a raw response ("HTTP/1.1 413 ..."), or 0.
int status_of(const std::string& response);
// The body of a raw response (after the blank line).
std::string body_of(const std::string& response);

}  // namespace lpsync::testing
