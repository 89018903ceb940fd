// Quirk modes: switchable behaviours of the fakes for the points the public API docs leave
// open (issue 14). Each quirk is the plausible alternative to the fake's default reading of
// the docs; a scenario (`"quirks": [...]`) or `lpsync serve-fakes --quirk NAME` turns it on,
// and each fake's README says which engine guard copes with it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lpsync::fakes {

struct QuirkInfo {
  std::string_view name;  // "<fake>.<quirk>"
  std::string_view what;  // one line for messages and --help
};

// Every quirk either fake knows, in a fixed order.
const std::vector<QuirkInfo>& known_quirks();
bool is_known_quirk(std::string_view name);

// The quirks turned on for one fake (names with the fake's prefix; others are ignored by it).
class Quirks {
 public:
  Quirks() = default;
  Quirks(std::initializer_list<std::string> names) : on_(names) {}
  void turn_on(const std::string& name) { on_.insert(name); }
  bool has(std::string_view name) const { return on_.count(std::string(name)) > 0; }
  bool empty() const { return on_.empty(); }

 private:
  std::set<std::string> on_;
};

// The names of the quirks.
inline constexpr std::string_view kPicqerFiltersIgnored = "picqer.filters_ignored";
inline constexpr std::string_view kPicqerOffsetIgnored = "picqer.offset_ignored";
inline constexpr std::string_view kPicqerRowsWithoutIds = "picqer.rows_without_ids";
inline constexpr std::string_view kLightspeedFractionalNumbers = "lightspeed.fractional_numbers";
inline constexpr std::string_view kLightspeedTemporary404 = "lightspeed.temporary_404";
inline constexpr std::string_view kLightspeedUnsignedWebhooks = "lightspeed.unsigned_webhooks";

}  // namespace lpsync::fakes
