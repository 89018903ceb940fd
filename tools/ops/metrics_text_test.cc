#include "tools/ops/metrics_text.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace lpsync::ops {
namespace {

// A strict reader of the Prometheus text format 0.0.4, as this project writes it: every line
// is a HELP, a TYPE or a sample; names and labels by the format's grammar; a family's TYPE
// comes before its samples and once; no series twice; counters end in _total. Throws with the
// line number on anything else.
struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> help, type;
  std::vector<Sample> samples;
};

[[noreturn]] void fail(int line, const std::string& why) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + why);
}

const std::regex kName("[a-zA-Z_:][a-zA-Z0-9_:]*");
const std::regex kLabelName("[a-zA-Z_][a-zA-Z0-9_]*");

// Reads `{a="x",b="y"}` from `s` at `i` (just past the '{'); leaves `i` past the '}'.
std::map<std::string, std::string> read_labels(const std::string& s, size_t& i, int line) {
  std::map<std::string, std::string> labels;
  while (true) {
    if (i < s.size() && s[i] == '}') {
      ++i;
      return labels;
    }
    size_t eq = s.find('=', i);
    if (eq == std::string::npos) fail(line, "label without =");
    std::string name = s.substr(i, eq - i);
    if (!std::regex_match(name, kLabelName) || name.rfind("__", 0) == 0) fail(line, "bad label name '" + name + "'");
    i = eq + 1;
    if (i >= s.size() || s[i] != '"') fail(line, "label value not quoted");
    ++i;
    std::string value;
    while (true) {
      if (i >= s.size()) fail(line, "unterminated label value");
      char c = s[i++];
      if (c == '"') break;
      if (c == '\\') {
        if (i >= s.size()) fail(line, "dangling backslash");
        char e = s[i++];
        if (e == 'n') value += '\n';
        else if (e == '\\' || e == '"') value += e;
        else fail(line, std::string("bad escape \\") + e);
      } else {
        value += c;
      }
    }
    if (labels.count(name)) fail(line, "label " + name + " twice");
    labels[name] = value;
    if (i < s.size() && s[i] == ',') ++i;
    else if (i >= s.size() || s[i] != '}') fail(line, "expected , or } after a label");
  }
}

double read_value(const std::string& text, int line) {
  if (text == "+Inf" || text == "-Inf" || text == "NaN") return 0;
  static const std::regex kNumber("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  if (!std::regex_match(text, kNumber)) fail(line, "bad value '" + text + "'");
  return std::stod(text);
}

Exposition parse_strictly(const std::string& text) {
  if (text.empty() || text.back() != '\n') fail(0, "the text must end with a newline");
  Exposition out;
  std::set<std::string> series, families_with_samples;
  std::istringstream in(text);
  std::string s;
  int line = 0;
  while (std::getline(in, s)) {
    ++line;
    if (s.empty()) fail(line, "empty line");
    if (s.find('\r') != std::string::npos) fail(line, "carriage return");
    if (s.rfind("# HELP ", 0) == 0 || s.rfind("# TYPE ", 0) == 0) {
      bool help = s[2] == 'H';
      std::string rest = s.substr(7);
      size_t sp = rest.find(' ');
      if (sp == std::string::npos) fail(line, "HELP/TYPE without text");
      std::string name = rest.substr(0, sp), what = rest.substr(sp + 1);
      if (!std::regex_match(name, kName)) fail(line, "bad metric name " + name);
      if (what.empty()) fail(line, "empty HELP/TYPE text");
      if (families_with_samples.count(name)) fail(line, name + ": HELP/TYPE after its samples");
      auto& seen = help ? out.help : out.type;
      if (seen.count(name)) fail(line, name + ": HELP/TYPE twice");
      if (!help) {
        if (what != "counter" && what != "gauge" && what != "untyped") fail(line, "unknown type " + what);
        if ((what == "counter") != (name.size() > 6 && name.substr(name.size() - 6) == "_total")) {
          fail(line, name + ": a counter's name ends in _total, and only a counter's");
        }
      } else if (what.find('\n') != std::string::npos) {
        fail(line, "newline in HELP");
      }
      seen[name] = what;
      continue;
    }
    if (s[0] == '#') fail(line, "a comment that is neither HELP nor TYPE");
    size_t i = 0;
    while (i < s.size() && s[i] != '{' && s[i] != ' ') ++i;
    Sample sample;
    sample.name = s.substr(0, i);
    if (!std::regex_match(sample.name, kName)) fail(line, "bad sample name " + sample.name);
    if (!out.type.count(sample.name)) fail(line, sample.name + ": sample before its TYPE");
    if (!out.help.count(sample.name)) fail(line, sample.name + ": sample before its HELP");
    if (i < s.size() && s[i] == '{') {
      ++i;
      sample.labels = read_labels(s, i, line);
    }
    if (i >= s.size() || s[i] != ' ') fail(line, "expected one space before the value");
    std::string value = s.substr(i + 1);
    if (value.find(' ') != std::string::npos) fail(line, "a timestamp or extra text after the value");
    sample.value = read_value(value, line);
    std::string key = sample.name;
    for (const auto& [k, v] : sample.labels) key += "|" + k + "=" + v;
    if (!series.insert(key).second) fail(line, "series twice: " + key);
    families_with_samples.insert(sample.name);
    out.samples.push_back(sample);
  }
  return out;
}

double value_of(const Exposition& e, const std::string& name, std::map<std::string, std::string> labels = {}) {
  for (const auto& s : e.samples) {
    if (s.name == name && s.labels == labels) return s.value;
  }
  throw std::runtime_error("no sample " + name);
}

OpsFigures busy_figures() {
  OpsFigures f;
  f.gathered_at = Instant::from_unix_seconds(1'800'000'000);
  f.started_at = Instant::from_unix_seconds(1'799'990'000);
  f.orders_imported = 42;
  f.held_by_reason = {{"duplicate_sku", 2}, {"unpaid", 5}};
  f.needing_person_by_reason = {{"cancelled_after_pick", 1}};
  f.shipments_pushed = 17;
  f.bulk_running = true;
  f.bulk_done = 120;
  f.bulk_total = 400;
  f.stock_pushes = 33;
  f.apis["lightspeed"] = {250, 3, 48};
  f.apis["picqer"] = {120, 0, 480};
  f.order_polls = 9;
  f.order_poll_failures = 2;
  f.last_successful_poll = Instant::from_unix_millis(1'799'999'940'500);
  f.problems_by_kind = {{"order", 2}, {"page_cap", 1}};
  f.webhooks_refused = 4;
  f.webhook_arrivals = {{"picqer/products.free_stock_changed", 7}, {"lightspeed/orders", 3}};
  f.webhook_last_arrival = {{"picqer/products.free_stock_changed", Instant::from_unix_seconds(1'799'999'000)},
                            {"lightspeed/orders", Instant::from_unix_seconds(1'799'998'000)}};
  return f;
}

TEST(MetricsText, TheWholeOutputPassesTheStrictParser) {
  std::string text = metrics_text(busy_figures());
  Exposition e;
  ASSERT_NO_THROW(e = parse_strictly(text)) << text;
  EXPECT_EQ(value_of(e, "lpsync_orders_imported_total"), 42);
  EXPECT_EQ(value_of(e, "lpsync_orders_held", {{"reason", "unpaid"}}), 5);
  EXPECT_EQ(value_of(e, "lpsync_orders_needing_person", {{"reason", "cancelled_after_pick"}}), 1);
  EXPECT_EQ(value_of(e, "lpsync_stock_pushes_total"), 33);
  EXPECT_EQ(value_of(e, "lpsync_shipments_pushed_total"), 17);
  EXPECT_EQ(value_of(e, "lpsync_api_requests_total", {{"api", "lightspeed"}}), 250);
  EXPECT_EQ(value_of(e, "lpsync_api_rate_limited_total", {{"api", "lightspeed"}}), 3);
  EXPECT_EQ(value_of(e, "lpsync_api_budget_remaining_requests", {{"api", "picqer"}}), 480);
  EXPECT_EQ(value_of(e, "lpsync_order_polls_total"), 9);
  EXPECT_EQ(value_of(e, "lpsync_order_poll_failures_total"), 2);
  EXPECT_DOUBLE_EQ(value_of(e, "lpsync_last_successful_poll_timestamp_seconds"), 1799999940.5);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_variants_done"), 120);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_variants_planned"), 400);
  EXPECT_EQ(value_of(e, "lpsync_bulk_import_running"), 1);
  EXPECT_EQ(value_of(e, "lpsync_webhook_arrivals_total", {{"topic", "lightspeed/orders"}}), 3);
  EXPECT_EQ(value_of(e, "lpsync_problems", {{"kind", "order"}}), 2);
  EXPECT_EQ(value_of(e, "lpsync_webhooks_refused_total"), 4);
  EXPECT_EQ(value_of(e, "lpsync_start_time_seconds"), 1799990000);
}

TEST(MetricsText, AnEmptyStateStillGivesEveryFamilyAndPassesTheParser) {
  OpsFigures none;
  std::string text = metrics_text(none);
  Exposition e;
  ASSERT_NO_THROW(e = parse_strictly(text)) << text;
  EXPECT_EQ(value_of(e, "lpsync_orders_imported_total"), 0);
  // Without a poll yet there is no timestamp sample (0 would read as 1970), only its family.
  EXPECT_TRUE(e.type.count("lpsync_last_successful_poll_timestamp_seconds"));
  EXPECT_THROW(value_of(e, "lpsync_last_successful_poll_timestamp_seconds"), std::runtime_error);
}

TEST(MetricsText, LabelValuesAreEscaped) {
  OpsFigures f;
  f.held_by_reason["odd\"reason\\with\nnewline"] = 1;
  std::string text = metrics_text(f);
  EXPECT_NE(text.find(R"(reason="odd\"reason\\with\nnewline")"), std::string::npos) << text;
  Exposition e = parse_strictly(text);
  EXPECT_EQ(value_of(e, "lpsync_orders_held", {{"reason", "odd\"reason\\with\nnewline"}}), 1);
  EXPECT_EQ(escape_label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
}

// The parser itself refuses what the format forbids (so a pass above means something).
TEST(StrictParser, RefusesWhatTheFormatForbids) {
  EXPECT_THROW(parse_strictly("x 1\n"), std::runtime_error);                                  // no TYPE
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x counter\nx 1\n"), std::runtime_error);     // no _total
  EXPECT_THROW(parse_strictly("# HELP x_total h\n# TYPE x_total gauge\nx_total 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1\nx 2\n"), std::runtime_error);   // same series
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"b} 1\n"), std::runtime_error);  // unterminated
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"\\t\"} 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx one\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP 1x h\n# TYPE 1x gauge\n1x 1\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1\n# HELP x again\n"), std::runtime_error);
  EXPECT_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx 1"), std::runtime_error);         // no final newline
  EXPECT_NO_THROW(parse_strictly("# HELP x h\n# TYPE x gauge\nx{a=\"1\",b=\"\\\"\"} 1.5\n"));
}

}  // namespace
}  // namespace lpsync::ops
