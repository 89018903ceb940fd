// The warehouse picks and ships an order: every open picklist is picked and closed, each with a
// shipment; picking alone closes them without one; a shipment can be cancelled afterwards.
#include <cctype>

#include "engine/env/http.h"
#include "fakes/picqer/account.h"
#include "fakes/picqer/render.h"

namespace lpsync::fakes::picqer {
namespace {

// Carrier keys as Picqer spells them, with the provider name it shows.
std::string provider_name(const std::string& carrier_key) {
  static const std::pair<const char*, const char*> kKnown[] = {
      {"postnl", "PostNL"}, {"dhl", "DHL"}, {"dpd", "DPD"}, {"ups", "UPS"}, {"gls", "GLS"}, {"bpost", "bpost"},
  };
  for (auto [key, name] : kKnown) {
    if (carrier_key == key) return name;
  }
  return carrier_key;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

int64_t first_with_open_picklist(const Account& account, const std::vector<const Order*>& found) {
  for (const Order* o : found) {
    for (const auto& [id, pl] : account.picklists()) {
      if (pl.idorder == o->idorder && pl.status == "new") return o->idorder;
    }
  }
  return found.front()->idorder;
}

void Account::close_picklist(Picklist& pl, const Order& o) {
  for (auto& l : pl.lines) {
    StockLevel& lvl = level(l.idproduct, pl.idwarehouse);
    lvl.stock -= l.amount;  // never below zero: stock >= reservedpicklists >= l.amount
    lvl.reservedpicklists -= l.amount;
    l.amountpicked = l.amount;
  }
  pl.status = "closed";
  pl.closed_at = pl.updated = clock_.now();
  emit("picklists.closed", render_picklist(pl, o));
}

int64_t Account::create_shipment(const Picklist& pl, const std::string& trackingcode, const std::string& carrier) {
  Shipment s;
  s.idshipment = next_id(shipments_);
  s.idpicklist = pl.idpicklist;
  s.idorder = pl.idorder;
  s.carrier_key = lower(carrier.empty() ? config_.default_carrier : carrier);
  s.provider = provider_name(s.carrier_key);
  s.trackingcode = trackingcode;
  s.tracktraceurl = config_.origin + "/track/" + percent_encode(s.carrier_key) + "/" + percent_encode(trackingcode);
  s.created = s.updated = clock_.now();
  const Shipment& stored = shipments_.emplace(s.idshipment, std::move(s)).first->second;
  emit("picklists.shipments.created", render_shipment(stored));
  return stored.idshipment;
}

bool Account::has_live_shipment(int64_t idpicklist) const {
  for (const auto& [id, s] : shipments_) {
    if (s.idpicklist == idpicklist && !s.cancelled) return true;
  }
  return false;
}

Result<std::vector<int64_t>> Account::ship_order(int64_t idorder, const std::string& trackingcode,
                                                 const std::string& carrier) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  std::vector<int64_t> shipped;
  bool picked_now = false;
  for (auto& [idpicklist, pl] : picklists_) {
    if (pl.idorder != idorder) continue;
    // Open picklists are picked first; picked ones without a (live) shipment are shipped too.
    bool open = pl.status == "new";
    if (!open && (pl.status != "closed" || has_live_shipment(idpicklist))) continue;
    if (open) close_picklist(pl, o);
    picked_now = picked_now || open;
    shipped.push_back(create_shipment(pl, trackingcode, carrier));
  }
  if (shipped.empty()) {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " (status " + o.status +
                                         ") has no open or unshipped picklist to ship");
  }
  if (picked_now && o.backorders.empty()) set_order_status(o, "completed");
  return shipped;
}

Status Account::pick_order(int64_t idorder) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  bool picked = false;
  for (auto& [idpicklist, pl] : picklists_) {
    if (pl.idorder != idorder || pl.status != "new") continue;
    close_picklist(pl, o);
    picked = true;
  }
  if (!picked) {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " (status " + o.status +
                                         ") has no open picklist to pick");
  }
  if (o.backorders.empty()) set_order_status(o, "completed");
  return ok_status();
}

Result<int64_t> Account::cancel_shipment(int64_t idorder) {
  if (!orders_.count(idorder)) return not_found("Order " + std::to_string(idorder));
  for (auto it = shipments_.rbegin(); it != shipments_.rend(); ++it) {
    Shipment& s = it->second;
    if (s.idorder != idorder || s.cancelled) continue;
    s.cancelled = true;
    s.updated = clock_.now();
    emit("picklists.shipments.cancelled", render_shipment(s));
    return s.idshipment;
  }
  return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " has no shipment to cancel");
}

}  // namespace lpsync::fakes::picqer
