#include "tools/demo/demo_run.h"

#include <cstdio>

#include "tools/demo/narrator.h"
#include "tools/scenario/runner.h"
#include "tools/sim/world.h"

namespace lpsync::demo {
namespace {

struct EndOfDay {
  BulkImport bulk;
  Report report;
  bool engine_up = false;
  int64_t picqer_products = 0;
};

std::string thousands(int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace

int run_demo(std::ostream& out, std::ostream& err, std::ostream* trace) {
  scenario::Scenario s = demo_scenario();
  DemoCatalogue catalogue = demo_catalogue(s);
  out << "lpsync demo: a day of a small gift shop (50 products) and its Picqer warehouse,\n"
         "simulated against the built-in fake Lightspeed and Picqer APIs with the real engine.\n\n";
  Narrator narrator(out, catalogue);
  EndOfDay end;
  scenario::RunOptions options;
  options.trace_out = trace;
  options.observe = [&](const boost::json::object& line) { narrator.line(line); };
  options.after_run = [&](sim::World& w) {
    end.bulk = w.store().bulk_import();
    end.picqer_products = static_cast<int64_t>(w.picqer().products().size());
    if (w.engine()) {
      end.report = w.engine()->report();
      end.engine_up = true;
    }
  };
  scenario::RunResult r = scenario::run_scenario(s, options);
  narrator.flush();
  for (const auto& e : r.errors) err << "demo: " << e << "\n";

  out << "\nAt the end of the day:\n";
  out << "  Orders not imported today (" << narrator.never_imported().size() << "):\n";
  for (const auto& [number, reason] : narrator.never_imported()) out << "    " << number << ": " << explain(reason) << "\n";
  if (!narrator.needs_person().empty()) {
    out << "  Orders that need a person (" << narrator.needs_person().size() << "):\n";
    for (const auto& [number, reason] : narrator.needs_person()) {
      out << "    " << number << ": " << explain_after_import(reason) << "\n";
    }
  }
  out << "  Import products: " << end.bulk.created << " created, " << end.bulk.linked << " linked, "
      << end.bulk.skipped.size() << " skipped\n";
  for (const auto& sk : end.bulk.skipped) {
    std::string why = sk.reason == SkuProblem::missing_sku ? "no SKU" : "its SKU is shared with";
    out << "    variant " << sk.variant_id << " (" << catalogue.title_of_variant[sk.variant_id]
        << "): " << why;
    for (int64_t other : sk.sharing) {
      if (other != sk.variant_id) out << " variant " << other;
    }
    out << "\n";
  }
  if (end.engine_up) {
    const Report& rep = end.report;
    out << "  API requests: Lightspeed " << thousands(rep.lightspeed.requests) << " (limit 12,000 a day, 3,000 an hour), "
        << "Picqer " << thousands(rep.picqer.requests) << " (limit 500 a minute); rate-limited "
        << rep.lightspeed.rate_limited + rep.picqer.rate_limited << " times\n";
    for (const auto& [key, message] : rep.problems) out << "  Needs a person: " << message << "\n";
  }
  char wall[32];
  std::snprintf(wall, sizeof wall, "%.2f", r.wall_seconds);
  out << "\nSummary: " << r.orders_imported << " orders imported, " << narrator.never_imported().size() << " not imported, " << end.picqer_products
      << " products in Picqer, " << narrator.stock_updates() << " stock updates, " << r.shipments_pushed
      << " shipments sent to the shop; " << format_duration(r.simulated) << " simulated in " << wall << " s.\n";
  return r.errors.empty() ? 0 : 1;
}

}  // namespace lpsync::demo
