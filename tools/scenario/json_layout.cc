#include "tools/scenario/json_layout.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace lpsync::scenario {
namespace {

namespace bj = boost::json;

std::string scalar(const bj::value& v) {
  if (!v.is_double()) return bj::serialize(v);
  double d = v.get_double();
  if (!std::isfinite(d)) throw std::logic_error("layout_json: JSON has no infinite or NaN numbers");
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

std::string one_line(const bj::value& v) {
  if (v.is_object()) {
    std::string out = "{";
    for (const auto& kv : v.get_object()) {
      if (out.size() > 1) out += ", ";
      out += bj::serialize(bj::value(kv.key())) + ": " + one_line(kv.value());
    }
    return out + "}";
  }
  if (v.is_array()) {
    std::string out = "[";
    for (const auto& item : v.get_array()) {
      if (out.size() > 1) out += ", ";
      out += one_line(item);
    }
    return out + "]";
  }
  return scalar(v);
}

void lay_out(const bj::value& v, size_t indent, size_t used, size_t width, std::string& out, bool expand = false) {
  std::string flat = one_line(v);
  bool empty = (v.is_object() && v.get_object().empty()) || (v.is_array() && v.get_array().empty());
  if (empty || (!v.is_object() && !v.is_array()) || (!expand && used + flat.size() <= width)) {
    out += flat;
    return;
  }
  std::string inner(indent + 2, ' ');
  bool first = true;
  if (v.is_object()) {
    out += "{\n";
    for (const auto& kv : v.get_object()) {
      if (!first) out += ",\n";
      first = false;
      std::string key = bj::serialize(bj::value(kv.key())) + ": ";
      out += inner + key;
      lay_out(kv.value(), indent + 2, inner.size() + key.size(), width, out);
    }
    out += "\n" + std::string(indent, ' ') + "}";
  } else {
    out += "[\n";
    for (const auto& item : v.get_array()) {
      if (!first) out += ",\n";
      first = false;
      out += inner;
      lay_out(item, indent + 2, inner.size(), width, out);
    }
    out += "\n" + std::string(indent, ' ') + "]";
  }
}

}  // namespace

std::string layout_json(const bj::value& document, size_t width) {
  std::string out;
  lay_out(document, 0, 0, width, out, /*expand=*/true);
  return out + "\n";
}

}  // namespace lpsync::scenario
