#include "fakes/common/quirks.h"

namespace lpsync::fakes {

const std::vector<QuirkInfo>& known_quirks() {
  static const std::vector<QuirkInfo> all = {
      {kPicqerFiltersIgnored, "GET /picklists ignores idorder, status and picklistid (lists every picklist)"},
      {kPicqerOffsetIgnored, "GET /warehouses/{id}/stock ignores offset (every page is the first)"},
      {kPicqerRowsWithoutIds, "warehouse stock rows carry productcode but no idproduct"},
      {kLightspeedFractionalNumbers, "weights with a fraction (0.25 g, not 0) and order line prices as decimal text (\"10.0000\")"},
      {kLightspeedTemporary404, "the first GET of each order (and its lines) answers 404 once"},
      {kLightspeedUnsignedWebhooks, "webhooks carry no X-Signature header"},
  };
  return all;
}

bool is_known_quirk(std::string_view name) {
  for (const auto& q : known_quirks()) {
    if (q.name == name) return true;
  }
  return false;
}

}  // namespace lpsync::fakes
