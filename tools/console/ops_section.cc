#include "tools/console/ops_section.h"

#include <algorithm>

#include "tools/console/html.h"
#include "tools/live/attention_text.h"

namespace lpsync::console {
namespace {

namespace bj = boost::json;

constexpr int kChartWidth = 288, kChartHeight = 40;

const bj::object* object_at(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

int64_t int_at(const bj::object& o, std::string_view key) {
  const bj::value* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string ago(const bj::object& o, std::string_view key, Instant now) {
  const bj::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return "never";
  auto at = parse_iso8601(v->as_string());
  return at ? live::age_text(now - *at) + " ago" : "never";
}

// Per quarter hour: what an API's cumulative count grew by, from the history's samples.
std::vector<int64_t> per_interval(const bj::array& history, const std::string& api, std::string_view field) {
  std::vector<int64_t> out;
  int64_t previous = -1;
  for (const auto& sample : history) {
    if (!sample.is_object()) continue;
    const bj::object* apis = object_at(sample.as_object(), "apis");
    const bj::object* a = apis ? object_at(*apis, api) : nullptr;
    int64_t count = a ? int_at(*a, field) : 0;
    if (previous >= 0) out.push_back(std::max<int64_t>(0, count - previous));  // a new run counts from 0
    previous = count;
  }
  return out;
}

}  // namespace

std::string bar_chart(const std::vector<int64_t>& values, const std::string& title) {
  int64_t top = 1;
  for (int64_t v : values) top = std::max(top, v);
  std::string bars;
  double width = values.empty() ? 0 : static_cast<double>(kChartWidth) / static_cast<double>(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    int height = static_cast<int>(kChartHeight * values[i] / top);
    bars += "<rect x=\"" + std::to_string(static_cast<int>(i * width)) + "\" y=\"" +
            std::to_string(kChartHeight - height) + "\" width=\"" + std::to_string(std::max(1, static_cast<int>(width) - 1)) +
            "\" height=\"" + std::to_string(height) + "\"/>";
  }
  return "<svg class=\"chart\" role=\"img\" aria-label=\"" + escape(title) + "\" viewBox=\"0 0 " +
         std::to_string(kChartWidth) + " " + std::to_string(kChartHeight) + "\" width=\"" + std::to_string(kChartWidth) +
         "\" height=\"" + std::to_string(kChartHeight) + "\"><title>" + escape(title) + "</title>" + bars + "</svg>";
}

std::string ops_section(const bj::object& status, Instant now) {
  const bj::object* ops = object_at(status, "ops");
  if (!ops) return "";
  const bj::value* h = status.if_contains("ops_history");
  bj::array history = h && h->is_array() ? h->as_array() : bj::array{};
  // The figures of now close the last (partial) quarter hour.
  if (const bj::value* apis = ops->if_contains("apis")) history.push_back(bj::object{{"apis", *apis}});
  std::string body = "<section id=\"ops\" data-live><h2>This run</h2><ul>";
  body += "<li>Last successful order poll: <strong>" + escape(ago(*ops, "last_successful_poll", now)) + "</strong>";
  if (const bj::value* failing = ops->if_contains("poll_failing_since"); failing && failing->is_string()) {
    body += " <span class=\"error\">(failing since " + escape(ago(*ops, "poll_failing_since", now)) + ")</span>";
  }
  body += "</li><li>Stock levels sent to the shop: <strong>" + std::to_string(int_at(*ops, "stock_pushes")) +
          "</strong></li><li>Shipments marked shipped: <strong>" + std::to_string(int_at(*ops, "shipments_pushed")) +
          "</strong></li></ul>";
  if (const bj::object* apis = object_at(*ops, "apis"); apis && !apis->empty()) {
    body += "<h3>API budgets</h3>";
    for (const auto& [name, v] : *apis) {
      if (!v.is_object()) continue;
      const bj::object& a = v.as_object();
      std::string api(name);
      body += "<p><strong>" + escape(api) + "</strong>: " + std::to_string(int_at(a, "requests")) + " requests, " +
              std::to_string(int_at(a, "rate_limited")) + " answered 429, " +
              std::to_string(int_at(a, "budget_remaining")) + " left in the tightest window now.</p>";
      if (history.size() > 1) {
        body += bar_chart(per_interval(history, api, "requests"), api + ": requests per quarter hour, last 24 h");
      }
    }
  }
  body += "<h3>Webhooks</h3>";
  const bj::object* hooks = object_at(*ops, "webhooks");
  if (!hooks || hooks->empty()) {
    body += "<p>None arrived in this run.</p>";
  } else {
    body += "<ul>";
    for (const auto& [topic, v] : *hooks) {
      if (!v.is_object()) continue;
      body += "<li>" + escape(std::string(topic)) + ": " + std::to_string(int_at(v.as_object(), "arrivals")) +
              ", the last " + escape(ago(v.as_object(), "last", now)) + "</li>";
    }
    body += "</ul>";
  }
  // Each open problem with the time the run first saw it, oldest first.
  if (const bj::value* open = ops->if_contains("open_problems"); open && open->is_array() && !open->as_array().empty()) {
    body += "<h3>Problems</h3><ul>";
    for (const auto& v : open->as_array()) {
      if (!v.is_object()) continue;
      const bj::value* message = v.as_object().if_contains("message");
      body += "<li>" + escape(ago(v.as_object(), "since", now)) + ": " +
              escape(message && message->is_string() ? std::string(message->as_string()) : "?") + "</li>";
    }
    body += "</ul>";
  }
  return body + "</section>";
}

}  // namespace lpsync::console
