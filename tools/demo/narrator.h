// Turns the engine's trace into what a merchant would want to read: one line per thing
// that happened to an order, a product, the stock or a shipment, in simulated time. Noisy
// decisions (each hourly check, every product of a bulk import, an order held again for
// the same reason) are summed up instead of repeated.
#pragma once

#include <boost/json.hpp>

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "tools/demo/demo_scenario.h"

namespace lpsync::demo {

class Narrator {
 public:
  Narrator(std::ostream& out, DemoCatalogue catalogue) : out_(out), catalogue_(std::move(catalogue)) {}

  // Feed every trace line, in order.
  void line(const boost::json::object& l);
  // Writes what was summed up and not yet told.
  void flush();

  int64_t stock_updates() const { return stock_updates_; }
  // Orders told as not imported and never imported afterwards, with the last reason.
  const std::map<std::string, std::string>& never_imported() const { return held_; }
  // Imported orders that need a person at the end, with the reason.
  const std::map<std::string, std::string>& needs_person() const { return needs_person_; }

 private:
  void say(const std::string& when, const std::string& text);
  std::string sku(int64_t variant) const;
  void flush_stock();
  // An import is told together with what followed it at once (processed or allocated).
  void flush_import();
  void tell_processed(const std::string& order, const std::string& when, bool allocated);
  // "settings_changed": says what was switched on or off.
  void tell_settings(const boost::json::object& l, const std::string& when);
  // "stock_pushed" (batched per minute) and "stock_reconciled" (told once).
  void tell_stock(const boost::json::object& l, const std::string& what, const std::string& when);

  std::ostream& out_;
  DemoCatalogue catalogue_;
  std::map<std::string, std::string> held_;  // order -> reason last told
  std::map<std::string, std::string> needs_person_;  // order -> reason
  struct Import {
    std::string order, when;
    bool adopted = false;
  };
  std::optional<Import> import_;  // told once its follow-up is known
  bool bulk_running_ = false;
  std::string stock_when_;
  std::vector<std::string> stock_batch_;
  int64_t stock_updates_ = 0;
  int64_t reconciliations_ = 0;
  int64_t scans_ = 0;
  std::map<std::string, bool> last_settings_;
  std::string first_day_;
};

// The held reasons in a merchant's words.
std::string explain(const std::string& reason);
// Why an imported order needs a person, in a merchant's words.
std::string explain_after_import(const std::string& reason);

}  // namespace lpsync::demo
