// The warehouse ships an order: every open picklist is picked and closed, each with a shipment.
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

Result<std::vector<int64_t>> Account::ship_order(int64_t idorder, const std::string& trackingcode,
                                                 const std::string& carrier) {
  auto it = orders_.find(idorder);
  if (it == orders_.end()) return not_found("Order " + std::to_string(idorder));
  Order& o = it->second;
  std::vector<int64_t> shipped;
  for (auto& [idpicklist, pl] : picklists_) {
    if (pl.idorder != idorder || pl.status != "new") continue;
    for (auto& l : pl.lines) {
      StockLevel& lvl = level(l.idproduct, pl.idwarehouse);
      lvl.stock -= l.amount;  // never below zero: stock >= reservedpicklists >= l.amount
      lvl.reservedpicklists -= l.amount;
      l.amountpicked = l.amount;
    }
    pl.status = "closed";
    pl.closed_at = pl.updated = clock_.now();
    emit("picklists.closed", render_picklist(pl, o));

    Shipment s;
    s.idshipment = next_id(shipments_);
    s.idpicklist = idpicklist;
    s.idorder = idorder;
    s.carrier_key = lower(carrier.empty() ? config_.default_carrier : carrier);
    s.provider = provider_name(s.carrier_key);
    s.trackingcode = trackingcode;
    s.tracktraceurl = config_.origin + "/track/" + percent_encode(s.carrier_key) + "/" + percent_encode(trackingcode);
    s.created = clock_.now();
    const Shipment& stored = shipments_.emplace(s.idshipment, std::move(s)).first->second;
    emit("picklists.shipments.created", render_shipment(stored));
    shipped.push_back(stored.idshipment);
  }
  if (shipped.empty()) {
    return bad_request(kWrongStatus, "Order " + std::to_string(idorder) + " (status " + o.status +
                                         ") has no open picklist to ship");
  }
  if (o.backorders.empty()) set_order_status(o, "completed");
  return shipped;
}

}  // namespace lpsync::fakes::picqer
