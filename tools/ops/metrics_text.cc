#include "tools/ops/metrics_text.h"

#include <cstdio>
#include <sstream>
#include <utility>
#include <vector>

namespace lpsync::ops {
namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

// One metric family at a time: its HELP and TYPE, then its samples.
class Writer {
 public:
  void family(const char* name, const char* type, const char* help) {
    name_ = name;
    out_ << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
  }
  void sample(int64_t value, const Labels& labels = {}) { write_sample(std::to_string(value), labels); }
  void seconds(Instant t, const Labels& labels = {}) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(t.unix_millis() / 1000),
                  static_cast<long long>(t.unix_millis() % 1000));
    write_sample(text, labels);
  }
  // A family with one sample per key of `by` under label `label`.
  void by_label(const char* label, const std::map<std::string, int64_t>& by) {
    for (const auto& [key, value] : by) sample(value, {{label, key}});
  }
  std::string text() const { return out_.str(); }

 private:
  void write_sample(const std::string& value, const Labels& labels) {
    out_ << name_;
    if (!labels.empty()) {
      out_ << "{";
      for (size_t i = 0; i < labels.size(); ++i) {
        out_ << (i ? "," : "") << labels[i].first << "=\"" << escape_label_value(labels[i].second) << "\"";
      }
      out_ << "}";
    }
    out_ << " " << value << "\n";
  }

  std::ostringstream out_;
  std::string name_;
};

void write_orders(Writer& w, const OpsFigures& f) {
  w.family("lpsync_orders_imported_total", "counter", "Orders lpsync imported into Picqer (from the state).");
  w.sample(f.orders_imported);
  w.family("lpsync_orders_held", "gauge", "Orders held at the last order poll, by reason.");
  w.by_label("reason", f.held_by_reason);
  w.family("lpsync_orders_needing_person", "gauge", "Imported orders that need a person, by reason.");
  w.by_label("reason", f.needing_person_by_reason);
  w.family("lpsync_stock_pushes_total", "counter", "Stock levels sent to the shop by this run.");
  w.sample(f.stock_pushes);
  w.family("lpsync_shipments_pushed_total", "counter", "Shipments marked shipped in the shop (from the state).");
  w.sample(f.shipments_pushed);
}

void write_apis(Writer& w, const OpsFigures& f) {
  w.family("lpsync_api_requests_total", "counter", "Requests sent to each API by this run.");
  for (const auto& [api, a] : f.apis) w.sample(a.requests, {{"api", api}});
  w.family("lpsync_api_rate_limited_total", "counter", "429 answers received from each API by this run.");
  for (const auto& [api, a] : f.apis) w.sample(a.rate_limited, {{"api", api}});
  w.family("lpsync_api_budget_remaining_requests", "gauge",
           "Requests left in the tightest rate-limit window of each API.");
  for (const auto& [api, a] : f.apis) w.sample(a.budget_remaining, {{"api", api}});
  w.family("lpsync_api_budget_exhausted_early_window_seconds", "gauge",
           "The length of the longest rate-limit window of each API whose budget went in its first half (0: none).");
  for (const auto& [api, a] : f.apis) w.sample(a.exhausted_early_window_s, {{"api", api}});
}

void write_progress(Writer& w, const OpsFigures& f) {
  w.family("lpsync_order_polls_total", "counter", "Complete order polls of this run.");
  w.sample(f.order_polls);
  w.family("lpsync_order_poll_failures_total", "counter", "Order polls of this run that failed.");
  w.sample(f.order_poll_failures);
  w.family("lpsync_last_successful_poll_timestamp_seconds", "gauge",
           "When the last order poll completed, in seconds since the epoch.");
  if (f.last_successful_poll) w.seconds(*f.last_successful_poll);
  w.family("lpsync_bulk_import_running", "gauge", "1 while Import products is running.");
  w.sample(f.bulk_running ? 1 : 0);
  w.family("lpsync_bulk_import_variants_done", "gauge", "Variants Import products has handled.");
  w.sample(f.bulk_done);
  w.family("lpsync_bulk_import_variants_planned", "gauge", "Variants Import products has to handle in all.");
  w.sample(f.bulk_total);
}

void write_webhooks_and_errors(Writer& w, const OpsFigures& f) {
  w.family("lpsync_webhook_arrivals_total", "counter", "Webhooks accepted by the listener, by topic.");
  w.by_label("topic", f.webhook_arrivals);
  w.family("lpsync_webhook_last_arrival_timestamp_seconds", "gauge",
           "When a webhook of each topic last arrived, in seconds since the epoch.");
  for (const auto& [topic, at] : f.webhook_last_arrival) w.seconds(at, {{"topic", topic}});
  w.family("lpsync_webhooks_refused_total", "counter", "Webhooks refused for a bad token or signature.");
  w.sample(f.webhooks_refused);
  w.family("lpsync_problems", "gauge", "Open problems that need attention, by kind.");
  w.by_label("kind", f.problems_by_kind);
  w.family("lpsync_start_time_seconds", "gauge", "When this run started, in seconds since the epoch.");
  if (f.started_at) w.seconds(*f.started_at);
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string metrics_text(const OpsFigures& f) {
  Writer w;
  write_orders(w, f);
  write_apis(w, f);
  write_progress(w, f);
  write_webhooks_and_errors(w, f);
  return w.text();
}

}  // namespace lpsync::ops
