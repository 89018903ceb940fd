// The Lightspeed App Store callbacks (sync-rules.md section 9, reference section 1.3-1.4).
// Install: GET ...?language=L&shop_id=S&timestamp=T&token=K&cluster_id=C&signature=X is
// genuine when X == md5("language=Lshop_id=Stimestamp=Ttoken=K" + app_secret) (cluster_id is
// not signed), compared in constant time; the shop's API password is then
// md5(token + app_secret) with the app key as user name, and it is kept in the state store.
// Uninstall: the same without token; the credentials are deleted. A callback is refused
// when its timestamp is more than kTolerance away from now (either way: a clock may be a
// little ahead), and when its signature was used before (a replayed link), remembered in
// the state store so a restart does not forget. Messages never contain the token, the
// signature or the password.
#pragma once

#include <optional>
#include <string>

#include "engine/env/http.h"
#include "engine/env/time.h"
#include "engine/state/state_store.h"

namespace lpsync::live {

struct Installation {
  int64_t shop_id = 0;
  std::string language;
  std::string cluster;   // "eu1" / "us1"
  std::string password;  // md5(token + app_secret)
  Instant installed_at;
};
std::optional<Installation> stored_installation(const StateStore& store);

struct CallbackVerdict {
  bool accepted = false;
  int status = 0;        // the HTTP answer
  std::string message;   // for the person at the browser and the log
};

class AppCallbacks {
 public:
  static constexpr Duration kTolerance = Duration::minutes(10);

  // `expected_shop_id`: 0, or the shop this connection is for (lightspeed.shop_id).
  AppCallbacks(StateStore& store, std::string app_secret, int64_t expected_shop_id = 0)
      : store_(store), app_secret_(std::move(app_secret)), expected_shop_id_(expected_shop_id) {}

  CallbackVerdict install(const QueryParams& query, Instant now);
  CallbackVerdict uninstall(const QueryParams& query, Instant now);

 private:
  struct Checked {
    std::string language, cluster, token, signature;
    int64_t shop_id = 0, timestamp = 0;
  };
  std::optional<CallbackVerdict> check(const QueryParams& query, bool install, Instant now, Checked& out);

  StateStore& store_;
  std::string app_secret_;
  int64_t expected_shop_id_;
};

}  // namespace lpsync::live
