#include "tools/ops/summary_text.h"

#include <sstream>

namespace lpsync::ops {
namespace {

std::string ago(Duration d) {
  int64_t s = d.seconds();
  if (s < 120) return std::to_string(s) + " s ago";
  if (s < 2 * 3600) return std::to_string(s / 60) + " min ago";
  return std::to_string(s / 3600) + " h ago";
}

std::string for_how_long(Duration d) {
  std::string text = ago(d);
  return text.substr(0, text.size() - 4);  // without " ago"
}

int64_t total(const std::map<std::string, int64_t>& by) {
  int64_t n = 0;
  for (const auto& [key, value] : by) n += value;
  return n;
}

// "7 held (duplicate_sku 2, unpaid 5)", or "0 held".
std::string counted(const std::map<std::string, int64_t>& by, const std::string& what) {
  std::string out = std::to_string(total(by)) + " " + what;
  if (by.empty()) return out;
  out += " (";
  bool first = true;
  for (const auto& [key, value] : by) {
    out += (first ? "" : ", ") + key + " " + std::to_string(value);
    first = false;
  }
  return out + ")";
}

void polls_line(std::ostream& out, const OpsFigures& f, Instant now) {
  out << "  Order polls: ";
  if (!f.started_at) {
    out << "no run is going on\n";
    return;
  }
  out << f.order_polls << " complete, " << f.order_poll_failures << " failed; ";
  out << (f.last_successful_poll ? "last success " + ago(now - *f.last_successful_poll) : "none succeeded yet");
  if (f.poll_failing_since) out << "; failing for " << for_how_long(now - *f.poll_failing_since);
  out << "\n";
}

void apis_line(std::ostream& out, const OpsFigures& f) {
  if (f.apis.empty()) return;
  out << "  APIs:";
  bool first = true;
  for (const auto& [name, a] : f.apis) {
    out << (first ? " " : "; ") << name << " " << a.requests << " requests, " << a.rate_limited
        << " refused with 429, " << a.budget_remaining << " left";
    first = false;
  }
  out << "\n";
}

void webhooks_line(std::ostream& out, const OpsFigures& f, Instant now) {
  if (f.webhook_arrivals.empty() && f.webhooks_refused == 0) return;
  out << "  Webhooks:";
  bool first = true;
  for (const auto& [topic, n] : f.webhook_arrivals) {
    out << (first ? " " : ", ") << topic << " " << n;
    if (auto last = f.webhook_last_arrival.find(topic); last != f.webhook_last_arrival.end()) {
      out << " (last " << ago(now - last->second) << ")";
    }
    first = false;
  }
  if (f.webhooks_refused > 0) out << (first ? " " : "; ") << f.webhooks_refused << " refused";
  out << "\n";
}

}  // namespace

std::string summary_text(const OpsFigures& f, Instant now) {
  std::ostringstream out;
  out << "Summary (figures of " << format_iso8601(f.gathered_at) << ", as /metrics shows them):\n";
  out << "  Orders: " << f.orders_imported << " imported, " << counted(f.held_by_reason, "held") << ", "
      << counted(f.needing_person_by_reason, "needing a person") << "\n";
  out << "  Sent to the shop: ";
  if (f.started_at) out << f.stock_pushes << " stock levels (this run), ";
  out << f.shipments_pushed << " shipments\n";
  polls_line(out, f, now);
  out << "  Bulk import: ";
  if (f.bulk_running || f.bulk_finished) {
    out << f.bulk_done << "/" << f.bulk_total << " variants" << (f.bulk_finished ? " (finished)" : " (running)") << "\n";
  } else {
    out << "not started\n";
  }
  apis_line(out, f);
  webhooks_line(out, f, now);
  out << "  Problems: " << (f.problems_by_kind.empty() ? "none" : "");
  bool first = true;
  for (const auto& [kind, n] : f.problems_by_kind) {
    out << (first ? "" : ", ") << kind << " " << n;
    first = false;
  }
  out << "\n";
  return out.str();
}

}  // namespace lpsync::ops
