// Importing one order by hand (sync-rules section 2): a person asks for an order by number
// (`lpsync import-order`, the console's "Import now", scenario action engine.import_order).
// The job reads that order now, decides it with the poll's gate, filter and line rules but
// not the 12-hour window (rules/order_by_hand), and imports it with the poll's importer, so
// an imported order is never created twice. Each request gets exactly one answer
// (ByHandAnswer: to its caller and into the report).
//
// It needs no order poll before it: the SKUs are read as they are now (the catalogue brought
// up to date first), and when no poll has counted the window's open orders since start (the
// base stock of a product created now counts them, section 3) the job counts them itself,
// once, and publishes the count as a poll would.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/scheduler.h"
#include "engine/jobs/order_import.h"
#include "engine/rules/order_by_hand.h"

namespace lpsync {

class OrderByHand final : public Job {
 public:
  // What it touches besides the basics and the product linker: the importer's parts and the
  // open-order count it fills when no poll has.
  struct Parts {
    OrderImporter::Parts import;
    PendingQuantities& pending;
    HeldOrderStore& held;  // an order imported by hand leaves the held list at once
  };
  using Answered = std::function<void(const ByHandAnswer&)>;
  OrderByHand(JobBasics basics, Parts parts, ProductLinker& products)
      : basics_(basics), parts_(parts), importer_(basics, parts.import, products) {}

  std::string_view name() const override { return "import by hand"; }
  Priority priority() const override { return Priority::orders; }
  std::optional<Instant> run(Instant now) override;

  // Queues a request (answered in order; `done` may be empty). Past kMaxAsked waiting
  // requests the new one is answered `failed` at once.
  void ask(std::string number, Answered done);
  bool idle() const { return asked_.empty(); }
  static constexpr size_t kMaxAsked = 100;

  // Called after every answer (the engine refreshes what depends on the order).
  Answered on_answer;

 private:
  struct Asked {
    std::string number;
    Answered done;
    std::optional<std::vector<ls::Order>> listed;  // the shop's orders with this number
    bool catalog_current = false;
  };
  // The window's open orders not in Picqer yet (section 3), counted when no poll has.
  struct OpenCount {
    Instant started;
    int next_page = 1;
    bool listed = false;
    std::vector<ls::Order> orders;
    size_t next = 0;
    std::map<int64_t, std::map<int64_t, int64_t>> open;
  };

  // Done: the answer. Stop: run again later, where it stopped.
  StepWith<ByHandAnswer> work(Asked& a);
  StepWith<ByHandAnswer> import(Asked& a, const ls::Order& order);
  Step count_open_orders();
  void answer(Asked& a, ByHandAnswer answer);

  JobBasics basics_;
  Parts parts_;
  OrderImporter importer_;
  Backoff backoff_;
  std::deque<Asked> asked_;
  std::optional<OpenCount> count_;
};

}  // namespace lpsync
