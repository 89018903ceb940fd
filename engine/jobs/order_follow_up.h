// Step 6 and "After import" (section 2): what happens to an imported order right after its
// create and whenever the shop changes it while it stays in the window. The decision is the
// pure rule follow_up (engine/rules/order_lifecycle.h); this carries it out and records it
// in the order link, so each decision is acted on once across restarts and crashes:
// - process and allocate are safe to repeat (Picqer refuses a second process; the engine
//   then reads the order);
// - a cancel is always preceded by a read of the Picqer order and its picklists, which is
//   also the look-up after a crash between the cancel and storing it;
// - a person is told once per reason (the link keeps the reason; the trace records changes).
#pragma once

#include <vector>

#include "engine/jobs/backoff.h"
#include "engine/jobs/job_context.h"
#include "engine/jobs/step.h"
#include "engine/rules/order_lifecycle.h"

namespace lpsync {

class OrderFollowUp {
 public:
  struct Parts {
    PicqerClient& picqer;
    OrderLinkStore& orders;
  };
  OrderFollowUp(JobBasics basics, Parts parts, Backoff& backoff) : basics_(basics), parts_(parts), backoff_(backoff) {}

  // Whether the order changed in the shop since it was last followed, and may still ship
  // from Picqer: then its lines are read again to see whether they changed.
  static bool needs_fresh_lines(const ls::Order& order, const OrderLink& link);
  // `lines`: the shop's lines read now (needs_fresh_lines), else nullptr.
  Step follow(const ls::Order& order, OrderLink link, const std::vector<ls::OrderLine>* lines);

 private:
  Step act(const ls::Order& order, OrderLink& link, FollowUp f);
  Step process(OrderLink& link);
  Step allocate(OrderLink& link);
  // After Picqer refused a process or an allocate: whether the order is still a concept (the
  // refusal stands) or has moved on already (e.g. a person processed it, or a lost answer).
  StepWith<bool> still_concept(const OrderLink& link);
  // Reads the Picqer order and its picklists, then cancels, or finds it picked or cancelled.
  Step cancel(const ls::Order& order, OrderLink& link, OrderAsImported as_imported);
  void needs_person(OrderLink& link, std::optional<NeedsPersonReason> reason);

  JobBasics basics_;
  Parts parts_;
  Backoff& backoff_;
};

}  // namespace lpsync
