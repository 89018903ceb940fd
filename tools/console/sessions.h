// Who is logged in to the console (issue 19): sessions with a random token (the cookie) and a
// CSRF token of their own (every form carries it), an idle timeout, and login attempts limited
// per client address. Pure: the time comes in, the random tokens come from `make_token`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "engine/env/time.h"

namespace lpsync::console {

struct Session {
  std::string token;  // the cookie's value
  std::string csrf;   // what every form of this session must carry
  std::string user;
  Instant last_seen;
};

class SessionBook {
 public:
  static constexpr Duration kIdle = Duration::hours(8);
  static constexpr int kFailuresAllowed = 5;  // per client address and window
  static constexpr Duration kFailureWindow = Duration::minutes(15);
  static constexpr size_t kMaxSessions = 1000;
  static constexpr size_t kMaxClients = 10'000;

  explicit SessionBook(std::function<std::string()> make_token) : make_token_(std::move(make_token)) {}

  // nullopt: the client may try to log in now; else when it may again.
  std::optional<Instant> locked_until(const std::string& client, Instant now) const;
  // After a password check: a failure counts against the client, a success opens a session.
  void failed(const std::string& client, Instant now);
  Session open(const std::string& user, Instant now);
  // The live session of a cookie value (its idle time restarts); nullopt when none.
  std::optional<Session> find(const std::string& token, Instant now);
  void close(const std::string& token);
  // Whether `form_token` is this session's CSRF token (constant time).
  static bool csrf_ok(const Session& s, const std::string& form_token);

 private:
  struct Failures {
    Instant first;
    int count = 0;
  };
  std::function<std::string()> make_token_;
  std::map<std::string, Session> sessions_;   // by a hash of the token
  std::map<std::string, Failures> failures_;  // by client address
};

}  // namespace lpsync::console
