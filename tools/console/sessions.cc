#include "tools/console/sessions.h"

#include "engine/env/check.h"
#include "engine/env/crypto.h"

namespace lpsync::console {
namespace {

// Sessions are found by a hash of their token: a lookup's timing says nothing about a token.
std::string key_of(const std::string& token) { return hmac_sha256("lpsync console session", token); }

}  // namespace

std::optional<Instant> SessionBook::locked_until(const std::string& client, Instant now) const {
  auto it = failures_.find(client);
  if (it == failures_.end() || it->second.count < kFailuresAllowed) return std::nullopt;
  Instant until = it->second.first + kFailureWindow;
  if (now >= until) return std::nullopt;
  return until;
}

void SessionBook::failed(const std::string& client, Instant now) {
  auto it = failures_.find(client);
  if (it != failures_.end() && now >= it->second.first + kFailureWindow) {
    failures_.erase(it);
    it = failures_.end();
  }
  if (it == failures_.end()) {
    if (failures_.size() >= kMaxClients) {
      // Forget the windows that are over; if none is, the oldest one: the book stays bounded.
      std::erase_if(failures_, [&](const auto& f) { return now >= f.second.first + kFailureWindow; });
      if (failures_.size() >= kMaxClients) failures_.erase(failures_.begin());
    }
    it = failures_.emplace(client, Failures{now, 0}).first;
  }
  ++it->second.count;
}

Session SessionBook::open(const std::string& user, Instant now) {
  if (sessions_.size() >= kMaxSessions) {
    std::erase_if(sessions_, [&](const auto& s) { return now >= s.second.last_seen + kIdle; });
    if (sessions_.size() >= kMaxSessions) {
      auto oldest = sessions_.begin();
      for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
        if (it->second.last_seen < oldest->second.last_seen) oldest = it;
      }
      sessions_.erase(oldest);
    }
  }
  Session s{make_token_(), make_token_(), user, now};
  LPSYNC_CHECK(s.token.size() >= 32 && s.csrf.size() >= 32, "session tokens are long random strings");
  sessions_[key_of(s.token)] = s;
  return s;
}

std::optional<Session> SessionBook::find(const std::string& token, Instant now) {
  auto it = sessions_.find(key_of(token));
  if (it == sessions_.end()) return std::nullopt;
  if (now >= it->second.last_seen + kIdle) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void SessionBook::close(const std::string& token) { sessions_.erase(key_of(token)); }

bool SessionBook::csrf_ok(const Session& s, const std::string& form_token) {
  return !form_token.empty() && constant_time_equals(s.csrf, form_token);
}

}  // namespace lpsync::console
