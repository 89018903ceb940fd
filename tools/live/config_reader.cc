#include "tools/live/config_reader.h"

#include <algorithm>

#include "engine/env/edit_distance.h"

#include "engine/env/json.h"

namespace lpsync::live {
namespace {

namespace bj = boost::json;

bool valid_env_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

const bj::value* member(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

}  // namespace

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

void ConfigReader::error(const std::string& path, const std::string& message) {
  errors_.push_back(file_ + ": " + (path.empty() ? "" : path + ": ") + message);
}

const bj::object* ConfigReader::object(const bj::value& v, const std::string& path) {
  if (v.is_object()) return &v.as_object();
  error(path, "expected an object ({...}), got " + std::string(json::kind_name(v)));
  return nullptr;
}

void ConfigReader::known_keys(const bj::object& o, const std::string& path,
                              std::initializer_list<std::string_view> known) {
  for (const auto& kv : o) {
    std::string_view key(kv.key().data(), kv.key().size());
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list, closest;
    size_t best = 3;  // suggest only near misses
    for (std::string_view k : known) {
      list += (list.empty() ? "" : ", ") + std::string(k);
      if (size_t d = edit_distance(key, k); d < best) best = d, closest = k;
    }
    error(join_path(path, key), "unknown key" + (closest.empty() ? "" : " (did you mean \"" + closest + "\"?)") +
                                    "; the keys here are: " + list);
  }
}

std::optional<std::string> ConfigReader::string(const bj::object& o, const std::string& path, std::string_view key,
                                                bool required) {
  const bj::value* v = member(o, key);
  if (!v) {
    if (required) error(join_path(path, key), "missing: this key is required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    error(join_path(path, key), "expected a string, got " + std::string(json::kind_name(*v)));
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<bool> ConfigReader::boolean(const bj::object& o, const std::string& path, std::string_view key) {
  const bj::value* v = member(o, key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    error(join_path(path, key), "expected true or false, got " + std::string(json::kind_name(*v)));
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<int64_t> ConfigReader::integer(const bj::object& o, const std::string& path, std::string_view key) {
  const bj::value* v = member(o, key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) return static_cast<int64_t>(v->as_uint64());
  if (auto range = json::integer_out_of_range(*v)) {
    error(join_path(path, key), *range);
  } else {
    error(join_path(path, key), "expected a whole number, got " + std::string(json::kind_name(*v)));
  }
  return std::nullopt;
}

std::optional<std::string> ConfigReader::secret(const bj::object& o, const std::string& path, std::string_view key) {
  std::string where = join_path(path, key);
  const bj::value* v = member(o, key);
  if (!v) {
    error(where, "missing: this key is required (write the value, or \"env:NAME\" to read it from the environment)");
    return std::nullopt;
  }
  if (!v->is_string()) {
    // Never echo the value: it may be a secret written with the wrong type.
    error(where, "expected a string, got " + std::string(json::kind_name(*v)));
    return std::nullopt;
  }
  std::string value(v->as_string());
  constexpr std::string_view kEnv = "env:";
  if (value.rfind(kEnv, 0) == 0) {
    std::string name = value.substr(kEnv.size());
    if (!valid_env_name(name)) {
      error(where, "\"env:\" must be followed by an environment variable name (letters, digits, _), e.g. \"env:LPSYNC_" +
                       std::string(key == "key" ? "KEY" : "SECRET") + "\"");
      return std::nullopt;
    }
    std::optional<std::string> from_env = env_ ? env_(name) : std::nullopt;
    if (!from_env) {
      error(where, "the environment variable " + name + " is not set (the file says \"env:" + name +
                       "\"): export it before starting lpsync, or write the value in the file");
      return std::nullopt;
    }
    if (from_env->empty()) {
      error(where, "the environment variable " + name + " is empty");
      return std::nullopt;
    }
    return from_env;
  }
  if (value.empty()) {
    error(where, "is empty: write the value, or \"env:NAME\" to read it from the environment");
    return std::nullopt;
  }
  return value;
}

}  // namespace lpsync::live
