// What must hold at `run_until`. Every key is optional; nullopt means "not checked".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tools/scenario/lightspeed_objects.h"
#include "tools/scenario/picqer_objects.h"

namespace lpsync::scenario {

// A total number of requests, or counts per request pattern ({"PUT /variants/*": 1}).
using RequestCount = std::variant<int64_t, std::map<std::string, int64_t>>;

// An entry of `picqer.orders` (a set compared by reference); products compare
// order-insensitively.
struct ExpectedPicqerOrder {
  std::string reference;
  std::optional<std::vector<PicqerOrderLine>> products;
  std::optional<std::string> status;
  bool operator==(const ExpectedPicqerOrder&) const = default;
};

// An entry of `picqer.products`: the product exists, with these fields when given.
struct ExpectedPicqerProduct {
  std::string productcode;
  std::optional<std::string> name;
  std::optional<double> price;
  std::optional<std::string> barcode;
  std::optional<int64_t> idvatgroup;
  std::optional<int64_t> images;  // how many
  std::optional<StockMap> stock;
  bool operator==(const ExpectedPicqerProduct&) const = default;
};

// An entry of `lightspeed.orders`: order fields, plus the tracking code of its shipment.
struct ExpectedLightspeedOrder {
  OrderPatch fields;
  std::optional<std::string> tracking_code;
  bool operator==(const ExpectedLightspeedOrder&) const = default;
};

struct HeldOrder {
  std::string order;   // the order number
  std::string reason;  // one of kHeldReasons
  bool operator==(const HeldOrder&) const = default;
};

// An entry of `needs_person`: an imported order the engine reports as needing a person.
struct NeedsPerson {
  std::string order;   // the order number
  std::string reason;  // one of kNeedsPersonReasons
  bool operator==(const NeedsPerson&) const = default;
};

// An entry of `by_hand`: the engine's answer to engine.import_order for that order number
// (kByHandAnswers: what happened, or the reason it is held).
struct ByHandExpected {
  std::string order;
  std::string answer;
  bool operator==(const ByHandExpected&) const = default;
};

struct SkippedVariant {
  int64_t variant = 0;
  std::string reason;  // one of kSkippedReasons
  bool operator==(const SkippedVariant&) const = default;
};

struct Expectations {
  std::optional<std::vector<ExpectedPicqerOrder>> picqer_orders;
  std::optional<int64_t> picqer_orders_count;
  std::optional<std::vector<ExpectedPicqerProduct>> picqer_products;
  std::optional<int64_t> picqer_products_count;
  std::optional<std::vector<VariantPatch>> lightspeed_variants;
  std::optional<std::vector<ExpectedLightspeedOrder>> lightspeed_orders;
  std::optional<RequestCount> lightspeed_writes;
  std::optional<RequestCount> lightspeed_writes_max;
  std::optional<RequestCount> picqer_requests_max;
  std::optional<RequestCount> lightspeed_requests_max;
  std::optional<std::vector<HeldOrder>> held;                 // compared exactly
  std::optional<std::vector<NeedsPerson>> needs_person;       // compared exactly
  std::optional<std::vector<SkippedVariant>> skipped_variants;  // compared exactly
  std::optional<std::vector<ByHandExpected>> by_hand;           // compared exactly, in order
  bool operator==(const Expectations&) const = default;
};

}  // namespace lpsync::scenario
