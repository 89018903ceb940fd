// Tolerant readers of a JSON object's members, for documents lpsync wrote itself (the status
// document, the status file's figures): a missing or mistyped member reads as 0 / false.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string_view>

namespace lpsync::ops {

inline int64_t int_at(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

inline bool bool_at(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

}  // namespace lpsync::ops
