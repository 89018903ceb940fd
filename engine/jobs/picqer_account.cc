#include "engine/jobs/picqer_account.h"

#include "engine/rules/stock_rules.h"

namespace lpsync {

Step load_picqer_account(const JobBasics& basics, const AccountParts& parts, Backoff& backoff, Priority p) {
  auto warehouses = parts.picqer.warehouses(p);
  if (!warehouses.ok()) return step_for(basics, backoff, warehouses);
  auto vat = parts.picqer.vatgroups(p);
  if (!vat.ok()) return step_for(basics, backoff, vat);
  if (vat.value.empty()) {
    basics.report.problem("vatgroup", "Picqer has no VAT groups, so no product can be created: add one in Picqer.");
    return Step::item_failed("no VAT group in Picqer");
  }
  basics.report.resolved("vatgroup");
  parts.account.warehouses = warehouses.value;
  // Which group a new product gets is decided per product (engine/rules/vat_rules.h).
  parts.account.vatgroups = vat.value;
  parts.account.loaded = true;
  backoff.succeeded();
  return Step::ok();
}

std::optional<int64_t> base_stock_warehouse(const Settings& settings, const PicqerAccount& account) {
  auto ids = stock_warehouse_ids(settings, account.warehouses);
  if (ids.empty()) return std::nullopt;
  return ids.front();
}

}  // namespace lpsync
