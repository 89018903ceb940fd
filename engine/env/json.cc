#include "engine/env/json.h"

#include <charconv>
#include <cmath>

namespace lpsync::json {

bj::value parse(std::string_view text) {
  boost::system::error_code ec;
  bj::value v = bj::parse(bj::string_view(text.data(), text.size()), ec);
  if (ec) throw Error("$", "malformed JSON (" + ec.message() + ")");
  return v;
}

std::string serialize(const bj::value& value) { return bj::serialize(value); }

std::string_view kind_name(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return "a boolean";
    case bj::kind::int64:
    case bj::kind::uint64: return "an integer";
    case bj::kind::double_: return "a number";
    case bj::kind::string: return "a string";
    case bj::kind::array: return "an array";
    case bj::kind::object: return "an object";
  }
  return "a value";
}

std::optional<std::string> integer_out_of_range(const bj::value& value) {
  if (value.is_uint64() && value.get_uint64() > static_cast<uint64_t>(INT64_MAX)) {
    return "the integer " + std::to_string(value.get_uint64()) + " is out of range (at most " +
           std::to_string(INT64_MAX) + ")";
  }
  if (value.is_double() && std::floor(value.get_double()) == value.get_double()) {
    return "the number " + bj::serialize(value) + " is out of range for an integer";
  }
  return std::nullopt;
}

void Reader::fail(const std::string& what) const { throw Error(path_, what); }

const bj::object& Reader::object() const {
  if (!value_->is_object()) fail("expected an object, got " + std::string(kind_name(*value_)));
  return value_->get_object();
}

const bj::array& Reader::array() const {
  if (!value_->is_array()) fail("expected an array, got " + std::string(kind_name(*value_)));
  return value_->get_array();
}

Reader Reader::field(std::string_view key) const {
  const bj::object& o = object();
  auto it = o.find(bj::string_view(key.data(), key.size()));
  std::string child = path_ + "." + std::string(key);
  if (it == o.end()) throw Error(child, "missing");
  return Reader(it->value(), child);
}

std::optional<Reader> Reader::find(std::string_view key) const {
  const bj::object& o = object();
  auto it = o.find(bj::string_view(key.data(), key.size()));
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  return Reader(it->value(), path_ + "." + std::string(key));
}

bool Reader::has(std::string_view key) const {
  return value_->is_object() && value_->get_object().contains(bj::string_view(key.data(), key.size()));
}

std::vector<std::string> Reader::keys() const {
  std::vector<std::string> out;
  for (const auto& kv : object()) out.emplace_back(kv.key());
  return out;
}

size_t Reader::size() const { return array().size(); }

Reader Reader::at(size_t index) const {
  const bj::array& a = array();
  std::string child = path_ + "[" + std::to_string(index) + "]";
  if (index >= a.size()) throw Error(child, "missing (the array has " + std::to_string(a.size()) + " items)");
  return Reader(a[index], child);
}

std::vector<Reader> Reader::items() const {
  const bj::array& a = array();
  std::vector<Reader> out;
  out.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) out.emplace_back(a[i], path_ + "[" + std::to_string(i) + "]");
  return out;
}

std::string Reader::as_string() const {
  if (!value_->is_string()) fail("expected a string, got " + std::string(kind_name(*value_)));
  return std::string(value_->get_string());
}

int64_t Reader::as_int() const {
  if (value_->is_int64()) return value_->get_int64();
  if (value_->is_uint64() && value_->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(value_->get_uint64());
  }
  if (value_->is_double()) {
    double d = value_->get_double();
    if (std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
  }
  if (auto range = integer_out_of_range(*value_)) fail(*range);
  fail("expected an integer, got " + std::string(kind_name(*value_)));
}

double Reader::as_number() const {
  if (value_->is_int64()) return static_cast<double>(value_->get_int64());
  if (value_->is_uint64()) return static_cast<double>(value_->get_uint64());
  if (value_->is_double()) return value_->get_double();
  fail("expected a number, got " + std::string(kind_name(*value_)));
}

bool Reader::as_bool() const {
  if (!value_->is_bool()) fail("expected a boolean, got " + std::string(kind_name(*value_)));
  return value_->get_bool();
}

namespace {

// A plain finite number written as text ("0.25", "-3", "1e2"); nullopt for anything else.
std::optional<double> number_in_text(std::string_view s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// The shortest text of a number ("2.5", not Boost's "2.5E0"), for messages.
std::string number_text(double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : std::string("a number");
}

// Whole numbers the engine keeps as int64: well inside the range a double holds exactly.
constexpr double kWholeLimit = 9e15;

}  // namespace

int64_t Reader::as_int_loose() const {
  if (value_->is_null() || is_false()) return 0;
  if (value_->is_string()) {
    std::string_view s = value_->get_string();
    if (s.empty()) return 0;
    int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) return v;
    auto d = number_in_text(s);
    if (!d || std::floor(*d) != *d || std::fabs(*d) >= kWholeLimit) {
      fail("expected a whole number, got the text \"" + std::string(s) + "\"");
    }
    return static_cast<int64_t>(*d);
  }
  if (value_->is_double()) {
    double d = value_->get_double();
    if (std::floor(d) != d) fail("expected a whole number, got " + number_text(d));
  }
  return as_int();
}

double Reader::as_number_loose() const {
  if (value_->is_null() || is_false()) return 0;
  if (value_->is_string()) {
    std::string_view s = value_->get_string();
    if (s.empty()) return 0;
    auto d = number_in_text(s);
    if (!d) fail("expected a number, got the text \"" + std::string(s) + "\"");
    return *d;
  }
  return as_number();
}

int64_t Reader::as_rounded_loose() const {
  double d = std::round(as_number_loose());
  if (std::fabs(d) >= kWholeLimit) fail("the number " + number_text(d) + " is out of range for an integer");
  return static_cast<int64_t>(d);
}

std::string Reader::as_string_loose() const {
  if (value_->is_null() || is_false()) return "";
  if (value_->is_string()) return std::string(value_->get_string());
  if (value_->is_int64()) return std::to_string(value_->get_int64());
  if (value_->is_uint64()) return std::to_string(value_->get_uint64());
  if (value_->is_double()) return bj::serialize(*value_);
  fail("expected a string, got " + std::string(kind_name(*value_)));
}

bj::object object_of(std::initializer_list<std::pair<bj::string_view, bj::value_ref>> fields) {
  return bj::object(fields);
}

}  // namespace lpsync::json
