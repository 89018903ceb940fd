#include "engine/jobs/picqer_account.h"

#include "engine/rules/stock_rules.h"

namespace lpsync {

Step load_picqer_account(Core& core, Backoff& backoff, Priority p) {
  auto warehouses = core.picqer.warehouses(p);
  if (!warehouses.ok()) return step_for(core, backoff, warehouses);
  auto vat = core.picqer.vatgroups(p);
  if (!vat.ok()) return step_for(core, backoff, vat);
  if (vat.value.empty()) {
    core.report.problem("vatgroup", "Picqer has no VAT groups, so no product can be created: add one in Picqer.");
    return Step::item_failed("no VAT group in Picqer");
  }
  core.report.resolved("vatgroup");
  core.account.warehouses = warehouses.value;
  // Which group a new product gets is decided per product (engine/rules/vat_rules.h).
  core.account.vatgroups = vat.value;
  core.account.loaded = true;
  backoff.succeeded();
  return Step::ok();
}

std::optional<int64_t> base_stock_warehouse(const Core& core) {
  auto ids = stock_warehouse_ids(core.settings, core.account.warehouses);
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

}  // namespace lpsync
