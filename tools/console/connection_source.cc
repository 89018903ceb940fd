#include "tools/console/connection_source.h"

#include <algorithm>
#include <cctype>

namespace lpsync::console {
namespace {

constexpr size_t kMaxName = 64;

}  // namespace

bool is_connection_name(const std::string& name) {
  return !name.empty() && name.size() <= kMaxName && std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

std::optional<live::LiveConfig> ConnectionSource::find(const std::string& name, std::string& error, bool* exists) {
  if (exists) *exists = false;
  std::optional<std::string> text = is_connection_name(name) ? config_text(name) : std::nullopt;
  if (!text) {
    error = "There is no connection by that name.";
    return std::nullopt;
  }
  if (exists) *exists = true;
  live::ConfigResult r = parse(name, *text);
  if (!r) {
    for (const auto& e : r.errors) error += (error.empty() ? "" : "; ") + e;
    return std::nullopt;
  }
  return r.config;
}

std::optional<boost::json::object> ConnectionSource::config_object(const std::string& name) {
  std::optional<std::string> text = config_text(name);
  if (!text) return std::nullopt;
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

}  // namespace lpsync::console
