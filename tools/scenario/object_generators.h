// Generators of the parts of a Scenario (used inside rc::gen::exec, so each function draws
// with operator*): text that needs escaping, money, Lightspeed and Picqer objects, patches,
// settings and faults. Ids are the caller's to choose, so the caller keeps them unique.
#pragma once

#include <rapidcheck.h>

#include <optional>
#include <string>
#include <vector>

#include "tools/scenario/scenario.h"

namespace lpsync::scenario::generate {

// Text with the characters a JSON writer must escape, and multi-byte UTF-8.
std::string text();
// Cents, or now and then any finite double, which must still come back exactly.
double money();
// Given or not, at random.
template <class T>
std::optional<T> maybe(T value) {
  return *rc::gen::arbitrary<bool>() ? std::optional<T>(std::move(value)) : std::nullopt;
}
// One of a closed set of words.
template <size_t N>
std::string pick(const std::array<std::string_view, N>& words) {
  return std::string(*rc::gen::elementOf(words));
}
// Some of `ids`, in order.
std::vector<int64_t> subset(const std::vector<int64_t>& ids);

VariantPatch variant_patch(int64_t id);
LightspeedProduct product(int64_t id, int64_t first_variant);
// Lines refer to `variants`, to no variant, or to a variant that does not exist.
OrderPatch order_patch(int64_t id, Instant start, const std::vector<int64_t>& variants);
LightspeedOrder order(int64_t id, Instant start, const std::vector<int64_t>& variants);  // number "ORD<id>"

StockMap stock(const std::vector<int64_t>& warehouses);
PicqerProduct picqer_product(const std::string& code, std::optional<int64_t> idproduct,
                             const std::vector<int64_t>& warehouses);
std::vector<PicqerOrderLine> picqer_lines();

SettingsPatch settings(const std::vector<int64_t>& warehouses);
InjectFault fault();

}  // namespace lpsync::scenario::generate
