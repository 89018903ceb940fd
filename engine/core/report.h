// What the engine did and what it could not do, in the merchant's terms: imported orders,
// held orders with reasons, products linked and created, stock and shipment pushes,
// problems that need a person, and the requests spent against each API's budget.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/limits.h"
#include "engine/env/time.h"
#include "engine/rules/order_by_hand.h"
#include "engine/state/state_store.h"

namespace lpsync {

struct ImportedOrder {
  std::string number;
  int64_t idorder = 0;
  Instant at;
  bool adopted = false;  // it already existed in Picqer (created before a lost answer or a crash)
};

// An imported order the engine will not touch any more without a person (sync-rules
// section 2, "After import"): why, in the merchant's words, and when it was decided.
struct OrderNeedingPerson {
  std::string number;
  std::string reason;  // cancelled_after_pick, on_hold_after_import, lines_changed_after_import
  std::string message;
  Instant at;
};

// The answer to a person's "import order NUMBER now" (sync-rules section 2, by hand).
struct ByHandAnswer {
  std::string number;
  ByHandResult result = ByHandResult::not_found;
  std::optional<HeldReason> reason;  // when held: what to fix
  int64_t idorder = 0;               // imported or already imported
  std::string message;               // failed: what was refused
  Instant at;
  // Held for duplicate_sku: the SKU and every variant that has it (order_lines.h SharedSku).
  std::string shared_sku;
  std::vector<int64_t> sharing;
};

struct ApiUsage {
  int64_t requests = 0;
  int64_t rate_limited = 0;     // 429 answers
  int64_t refused_writes = 0;   // writes the read-only guard stopped (must stay 0)
  int64_t budget_remaining = 0; // in the tightest window, at the time of the report
  // The length (s) of the longest window whose budget went in its first half, 0 = none
  // (RateBudget::exhausted_early), at the time of the report.
  int64_t exhausted_early_window_s = 0;
};

struct Report {
  std::vector<ImportedOrder> imported;  // by this process, in order
  std::vector<HeldOrder> held;          // as decided at the last order poll
  std::vector<OrderNeedingPerson> needs_person;  // one entry per order and reason, in order
  std::vector<ByHandAnswer> by_hand;  // answers to "import this order now", oldest first (the newest kept)
  std::map<std::string, std::string> problems;  // key -> message; cleared when resolved
  int64_t products_created = 0;
  int64_t products_linked = 0;
  int64_t stock_pushes = 0;
  int64_t shipments_pushed = 0;
  std::vector<std::string> notes;  // things a merchant should know, e.g. a second shipment
  BulkImport bulk;
  ApiUsage lightspeed, picqer;
  Instant last_order_poll;
  int64_t order_polls = 0;
  int64_t webhooks_refused = 0;  // deliveries answered 401 (bad token or signature)

  // Caps (engine/core/limits.h; a test may lower them). Past a cap the newest entries are
  // counted, not kept, and overflow() says so in one line each.
  size_t max_notes = kMaxReportNotes;
  size_t max_problems = kMaxReportProblems;
  size_t max_imported = kMaxReportImported;
  int64_t notes_dropped = 0, problems_dropped = 0, imported_dropped = 0;

  void imported_order(ImportedOrder order) {
    if (imported.size() >= max_imported) {
      ++imported_dropped;
      return;
    }
    imported.push_back(std::move(order));
  }

  // The newest answers are kept (the oldest goes first past the cap): a person asking again
  // wants to see this answer.
  void answered_by_hand(ByHandAnswer answer) {
    if (by_hand.size() >= max_imported) by_hand.erase(by_hand.begin());
    by_hand.push_back(std::move(answer));
  }

  void note(std::string message) {
    if (notes.size() >= max_notes) {
      ++notes_dropped;
      return;
    }
    notes.push_back(std::move(message));
  }
  void problem(const std::string& key, const std::string& message) {
    if (problems.size() >= max_problems && !problems.count(key)) {
      ++problems_dropped;
      return;
    }
    problems[key] = message;
  }
  void resolved(const std::string& key) { problems.erase(key); }
  // Records that an imported order needs a person, once per order and reason (kept under the
  // problems cap). Returns false when it was already recorded.
  bool needs_a_person(OrderNeedingPerson entry) {
    for (const auto& e : needs_person) {
      if (e.number == entry.number && e.reason == entry.reason) return false;
    }
    if (needs_person.size() >= max_problems) {
      ++problems_dropped;
      return true;
    }
    needs_person.push_back(std::move(entry));
    return true;
  }
  // The order no longer needs a person (e.g. taken off hold in the shop).
  void no_longer_needs_a_person(const std::string& number) {
    std::erase_if(needs_person, [&](const OrderNeedingPerson& e) { return e.number == number; });
  }
  std::vector<std::string> overflow() const {
    std::vector<std::string> out;
    if (problems_dropped > 0) {
      out.push_back(std::to_string(problems_dropped) + " more problems were not kept: the report keeps " +
                    std::to_string(max_problems) + "; see the log");
    }
    if (imported_dropped > 0) {
      out.push_back(std::to_string(imported_dropped) + " more imported orders are not listed: the report lists the first " +
                    std::to_string(max_imported) + "; every one is in Picqer and in the log");
    }
    if (notes_dropped > 0) {
      out.push_back(std::to_string(notes_dropped) + " more notes were not kept: the report keeps " +
                    std::to_string(max_notes) + "; see the log");
    }
    return out;
  }
};

}  // namespace lpsync
