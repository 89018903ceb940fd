// The reference model: what the sync rules say must and may happen for a history, written
// independently of the engine (its own window, gate, filter and SKU rules), so that a rule
// broken in the engine is not also broken in the model. Poll times depend on the engine's
// scheduling, so import is predicted as a sandwich: an order MAY be imported if at some
// moment the engine was up, active and importing while the order was in its window, passed
// the gate and filter, and every line resolved; it MUST be imported if that held for long
// enough without faults (a poll interval plus time for retries).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tools/scenario/scenario.h"

namespace lpsync::properties {

// Facts read from the fakes at the end of a run, which the model needs for what it cannot
// know itself (when a Picqer product came to exist).
struct PicqerProductFact {
  std::string productcode;
  Instant created;
  bool via_api = false;
};

struct ModelOrder {
  scenario::LightspeedOrder order;  // as it is at the time asked
  bool exists = false;
};

class Model {
 public:
  Model(const scenario::Scenario& s, std::vector<PicqerProductFact> picqer_products);

  ModelOrder order_at(int64_t id, Instant t) const;
  std::vector<int64_t> order_ids() const;
  // The shop's raw SKU of every variant at t.
  std::map<int64_t, std::string> skus_at(Instant t) const;
  Settings settings_at(Instant t) const;
  bool engine_up_at(Instant t) const;
  bool picqer_has(const std::string& code, Instant t) const;

  // The reason the rules give for not importing order `id` at t (nullopt: import it), as
  // the engine decides at a poll; "" reasons never happen.
  std::optional<std::string> reason_at(int64_t id, Instant t) const;
  // The order is in its 12-hour window at t.
  bool in_window(int64_t id, Instant t) const;

  // Whether `holds` held at every moment from some time on to the end, with the engine up,
  // active, importing orders and no fault, for at least the longest poll interval of that
  // stretch plus slack: then the engine has certainly acted on it. The stretch starts no
  // earlier than `from`.
  bool settled(const std::function<bool(Instant)>& holds, Instant from) const;
  Instant end() const { return end_; }

  std::set<std::string> may_import() const;  // by order number
  std::set<std::string> must_import() const;

  // Variants holding `trimmed` at t.
  std::vector<int64_t> holders(const std::string& trimmed, Instant t) const;
  static std::string trim(const std::string& raw);

 private:
  struct Snapshot {
    Instant from;
    std::map<int64_t, scenario::LightspeedOrder> orders;
    std::map<int64_t, std::string> skus;
    Settings settings;
    bool up = true;
  };
  const Snapshot& at(Instant t) const;
  // Splits the snapshots at a downtime [from, until) so that the pieces inside it are down.
  void add_downtime(Instant from, Instant until);
  bool importable(int64_t id, Instant t) const;
  bool faults_quiet(Instant t) const;
  std::vector<Instant> change_points() const;

  const scenario::Scenario& s_;
  std::vector<PicqerProductFact> picqer_;
  std::vector<Snapshot> snapshots_;
  std::vector<std::pair<Instant, Instant>> faults_;  // spans when some fault may fire
  Instant end_;
};

// Order rules of the reference model (independent of engine/rules).
std::optional<std::string> model_gate(const scenario::LightspeedOrder& o);
std::optional<std::string> model_filter(const scenario::LightspeedOrder& o, OrderFilter f);
// The warehouse may ship it: paid; or, under eligible_to_ship, cash on delivery or pay later.
bool model_shippable(const scenario::LightspeedOrder& o, OrderFilter f);

}  // namespace lpsync::properties
