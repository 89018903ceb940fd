// Everything about the fake Picqer account that a test or scenario may want to change. The
// defaults follow the reference (../shared/reference/picqer-api.md); where the reference says
// UNCONFIRMED, the default is the choice documented in fakes/picqer/README.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/env/time.h"
#include "fakes/common/quirks.h"

namespace lpsync::fakes::picqer {

struct VatGroup {
  int64_t idvatgroup = 0;
  std::string name;
  double percentage = 0;
};

// What `GET /products?inactive` means (UNCONFIRMED in the reference).
enum class InactiveFilter {
  only_inactive,        // default: the filter lists inactive products only
  active_and_inactive,  // the filter adds inactive products to the active ones
};

struct PicqerConfig {
  // Base of every URL the fake writes (image URLs, tracktraceurl).
  std::string origin = "http://picqer.test";
  // HTTP basic auth user name; the password is ignored, as the reference says.
  std::string api_key = "picqer-test-key";

  // Requests per minute per API key; X-RateLimit-Limit / X-RateLimit-Remaining on answers.
  int64_t rate_limit_per_minute = 500;
  // Add "Retry-After: <seconds until the window ends>" to 429 answers (not documented).
  bool send_retry_after = false;

  InactiveFilter inactive_filter = InactiveFilter::only_inactive;
  // DELETE /hooks/{id} deactivates the hook (kept, listed with active=false) when true, and
  // removes it when false.
  bool delete_deactivates_hook = true;
  // Backorders become picklists as soon as the warehouse has free stock for them.
  bool auto_process_backorders = true;
  // The carrier of ship_order when the scenario names none.
  std::string default_carrier = "postnl";

  // Webhooks: first attempt this long after the event; after a failed attempt the next one
  // follows after the next delay of the list (15 retries over 16.5 h by default); a delivery
  // that fails every attempt is a "complete failure", and a hook with `deactivate_after`
  // complete failures within `deactivate_window` is deactivated.
  Duration webhook_delay = Duration::seconds(2);
  std::vector<Duration> webhook_retry_delays = {
      Duration::minutes(1), Duration::minutes(2),  Duration::minutes(5), Duration::minutes(10),
      Duration::minutes(15), Duration::minutes(30), Duration::minutes(30), Duration::hours(1),
      Duration::hours(1),   Duration::hours(1),    Duration::hours(2),   Duration::hours(2),
      Duration::hours(2),   Duration::hours(3),    Duration::hours(3)};
  int webhook_deactivate_after = 5;
  Duration webhook_deactivate_window = Duration::hours(24);

  // Keep a journal of requests, and uploaded image bytes (both off for memory benchmarks of
  // very large runs: an image then keeps only its size).
  bool journal = true;
  bool keep_image_bytes = true;

  // Quirk modes (fakes/common/quirks.h): the `picqer.*` ones change what this fake answers.
  Quirks quirks;

  std::vector<VatGroup> vatgroups = {{1, "Hoog", 21}, {2, "Laag", 9}, {3, "Geen", 0}};
};

}  // namespace lpsync::fakes::picqer
