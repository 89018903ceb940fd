// The order poll (section 2): while active and importing orders (or pushing stock, which
// needs the window's pending orders), every poll_interval and soon after an order webhook,
// take the orders changed in the last 12 hours, decide each one, import what may be
// imported, and keep every other decision with its reason for the report.
//
// The window's orders are kept between polls: a poll lists only what changed since the
// previous one (with a little overlap) and decides every order still in the window again,
// from memory. A started process lists the whole window once.
#pragma once

#include <map>
#include <set>
#include <vector>

#include "engine/core/scheduler.h"
#include "engine/jobs/order_import.h"
#include "engine/rules/stock_rules.h"
#include "engine/state/shared_pending.h"

namespace lpsync {

class OrderSync final : public Job {
 public:
  // What the poll touches besides the basics and the product linker: the importer's parts
  // (the catalogue, the order links), the held orders, and the pending quantities it
  // publishes for the stock job.
  struct Parts {
    OrderImporter::Parts import;
    HeldOrderStore& held;
    PendingQuantities& pending;
    // The other shops on this Picqer account (section 4, last bullet); nullptr: none.
    SharedPending* shared = nullptr;
  };
  OrderSync(JobBasics basics, Parts parts, ProductLinker& products)
      : basics_(basics), parts_(parts), importer_(basics, parts.import, products) {}

  std::string_view name() const override { return "order poll"; }
  Priority priority() const override { return Priority::orders; }
  std::optional<Instant> run(Instant now) override;

  // An order webhook arrived: poll soon, but not more often than kMinGap.
  Instant soon(Instant now) const;
  // That early poll is a luxury, taken only while the shop's budget has room for this
  // priority: the lowest that is busy. On a busy day the budget is better spent on stock
  // pushes than on polls between the scheduled ones; while Import products runs it spends
  // every window to its end, so the stock pushes' room is asked for instead (orders placed
  // during an import used to wait for the scheduled poll, up to 170 s).
  static Priority early_poll_room(bool import_running) {
    return import_running ? Priority::stock : Priority::bulk;
  }
  static constexpr Duration kWebhookDelay = Duration::seconds(2);
  static constexpr Duration kMinGap = Duration::seconds(30);
  // Changes stamped just before the previous listing are read again.
  static constexpr Duration kListingOverlap = Duration::minutes(2);

  // Called with the variants whose pending quantity changed after a poll.
  std::function<void(const std::vector<int64_t>&)> on_pending_changed;

 private:
  // A poll in progress. A rate limit or a server error interrupts it; the next run resumes
  // where it stopped (a poll stale by more than a poll interval starts again).
  struct Poll {
    Instant started;  // the poll's time t: the window is [t - 12h, ...]
    bool catalog_current = false;  // read for this poll's decisions
    int next_page = 1;
    bool listed = false;
    std::vector<ls::Order> orders;  // listed by this poll
    std::vector<int64_t> to_decide;  // the window's orders, filled once listed
    std::optional<Instant> newest_change;  // of the orders listed new or changed since the last listing
    size_t next_order = 0;
    std::vector<HeldOrder> held;
    std::vector<WindowOrder> window;
    std::set<int64_t> lines_read;  // orders whose lines this poll has read
    // Section 3: the open orders not in Picqer, counted once listed, before any import.
    bool open_counted = false;
    size_t next_open = 0;
    std::map<int64_t, std::map<int64_t, int64_t>> open;
  };

  Step poll(Instant now);
  // Makes the catalogue current (once a poll) before the first decision on the shop's SKUs
  // about something the shop last changed at `changed`, unless the last read serves it
  // (catalog_serves): a poll with nothing to decide on them reads nothing.
  Step catalog_for_decisions(Instant changed);
  Step decide(const ls::Order& order, std::vector<HeldOrder>& held, std::vector<WindowOrder>& window);
  // The order's lines (read once, then kept while the order is in the window).
  StepWith<const std::vector<ls::OrderLine>*> lines_of(const ls::Order& order);
  // Counts the window's open orders that are not in Picqer yet (PendingQuantities::open)
  // before this poll imports anything, so every product created from now on, by this poll
  // or by Import products, gets its base stock from them.
  Step count_open_orders(Poll& p);
  void publish_pending(const std::vector<WindowOrder>& window);
  // With a SharedPending: publishes this shop's pending by productcode and returns the other
  // shops' pending on this shop's linked variants.
  std::map<int64_t, int64_t> share_pending(const std::map<int64_t, int64_t>& own);
  // Whether the window's not-imported orders (and their lines) are kept: for the stock
  // pushed, the base stock of products created, or the other shops on the Picqer account.
  bool counts_pending() const;

  JobBasics basics_;
  Parts parts_;
  OrderImporter importer_;
  Backoff backoff_;
  Instant last_poll_;
  bool polled_ = false;
  std::map<int64_t, std::vector<ls::OrderLine>> lines_;  // by order id, for orders in the window
  std::map<int64_t, ls::Order> window_;  // every order in the window, as last listed
  std::optional<Instant> listed_until_;  // the previous complete listing's time
  std::optional<Poll> poll_;
};

}  // namespace lpsync
