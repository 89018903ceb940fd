// Typed access to Boost.JSON documents that names the JSON path of whatever is missing or
// of the wrong type ("$.orders[3].paymentStatus: expected a string, got a number"). All JSON
// in lpsync is parsed and built with Boost.JSON; never by hand.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lpsync::json {

namespace bj = boost::json;

// A document that is not what the reader expected. `path()` is the JSON path of the value.
class Error : public std::runtime_error {
 public:
  Error(std::string path, const std::string& what) : std::runtime_error(path + ": " + what), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Parses text; throws Error("$", "malformed JSON ...") when it is not JSON.
bj::value parse(std::string_view text);
std::string serialize(const bj::value& value);
// "an object", "a string", ... for messages.
std::string_view kind_name(const bj::value& value);
// For a number that is a whole number too large for int64: a message saying so ("the integer
// 18446744073709551615 is out of range ..."); nullopt for anything else.
std::optional<std::string> integer_out_of_range(const bj::value& value);

// A read-only view of one value and its path.
class Reader {
 public:
  explicit Reader(const bj::value& value, std::string path = "$") : value_(&value), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  const bj::value& raw() const { return *value_; }

  bool is_null() const { return value_->is_null(); }
  bool is_object() const { return value_->is_object(); }
  bool is_array() const { return value_->is_array(); }
  // Lightspeed writes `false` where an object or number is empty.
  bool is_false() const { return value_->is_bool() && !value_->as_bool(); }

  // Object access. field() requires the key; find() returns nullopt when absent or null.
  Reader field(std::string_view key) const;
  std::optional<Reader> find(std::string_view key) const;
  bool has(std::string_view key) const;
  std::vector<std::string> keys() const;

  // Array access.
  size_t size() const;
  Reader at(size_t index) const;
  std::vector<Reader> items() const;

  // Strict conversions: the JSON type must match.
  std::string as_string() const;
  int64_t as_int() const;   // an integer (a double with no fraction is accepted)
  double as_number() const; // an integer or a double
  bool as_bool() const;

  // Lenient conversions for APIs that send numbers as strings, "" or false for empty, and
  // decimals where an integer was documented. Text must be a plain finite number ("0.25",
  // "12", "-3"); anything else throws Error naming the path.
  int64_t as_int_loose() const;      // 12, "12", 12.0, "12.0"; "" / false / null -> 0; 2.5 -> error
  double as_number_loose() const;    // 1.5, "1.5", 2; "" / false / null -> 0
  int64_t as_rounded_loose() const;  // any number as above, rounded to the nearest whole
  std::string as_string_loose() const;  // "x"; numbers as text; false / null -> ""

  // Optional fields of loosely typed APIs: absent, null, `false` or "" give the empty value.
  std::string text_or_empty(std::string_view key) const {
    auto f = find(key);
    return f ? f->as_string_loose() : "";
  }
  int64_t int_or_zero(std::string_view key) const {
    auto f = find(key);
    return f ? f->as_int_loose() : 0;
  }
  double number_or_zero(std::string_view key) const {
    auto f = find(key);
    return f ? f->as_number_loose() : 0;
  }
  int64_t rounded_or_zero(std::string_view key) const {
    auto f = find(key);
    return f ? f->as_rounded_loose() : 0;
  }
  // A boolean that may come as true/false or 1/0; `fallback` when absent.
  bool flag_or(std::string_view key, bool fallback) const {
    auto f = find(key);
    if (!f) return fallback;
    return f->raw().is_bool() ? f->as_bool() : f->as_int_loose() != 0;
  }

  // Shorthands for required fields.
  std::string string_at(std::string_view key) const { return field(key).as_string(); }
  int64_t int_at(std::string_view key) const { return field(key).as_int(); }
  bool bool_at(std::string_view key) const { return field(key).as_bool(); }

  [[noreturn]] void fail(const std::string& what) const;

 private:
  const bj::object& object() const;
  const bj::array& array() const;

  const bj::value* value_;
  std::string path_;
};

// Builds {"key": value, ...} in the order given (Boost.JSON keeps insertion order).
bj::object object_of(std::initializer_list<std::pair<bj::string_view, bj::value_ref>> fields);

}  // namespace lpsync::json
