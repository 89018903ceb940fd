// References, languages, countries, webhooks; catalog and order shapes are in
// serialize_catalog.cc and serialize_orders.cc.
#include "fakes/lightspeed/serialize.h"

#include <algorithm>
#include <cctype>

namespace lpsync::fakes::lightspeed {
namespace {

struct Country {
  std::string_view code, code3, title;
};
constexpr Country kCountries[] = {
    {"nl", "nld", "Netherlands"}, {"be", "bel", "Belgium"}, {"de", "deu", "Germany"},
    {"fr", "fra", "France"},      {"gb", "gbr", "United Kingdom"}, {"us", "usa", "United States"},
    {"es", "esp", "Spain"},       {"it", "ita", "Italy"},   {"at", "aut", "Austria"},
    {"lu", "lux", "Luxembourg"},
};

struct Language {
  std::string_view code, locale, title;
};
constexpr Language kLanguages[] = {
    {"en", "en_GB", "English"}, {"us", "en_US", "English (US)"}, {"nl", "nl_NL", "Nederlands"},
    {"de", "de_DE", "Deutsch"},
    {"fr", "fr_FR", "Français"}, {"es", "es_ES", "Español"},   {"it", "it_IT", "Italiano"},
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string timestamp(Instant t) { return format_iso8601_offset(t); }

bj::object country(const std::string& code) {
  std::string c = lower(code);
  for (size_t i = 0; i < std::size(kCountries); ++i) {
    if (kCountries[i].code == c) {
      return {{"id", static_cast<int64_t>(i + 1)}, {"code", c}, {"code3", kCountries[i].code3},
              {"title", kCountries[i].title}};
    }
  }
  return {{"id", false}, {"code", c}, {"code3", ""}, {"title", c}};
}

bj::object Serializer::ref(const std::string& url, std::optional<int64_t> id) const {
  bj::object resource(sp_);
  if (id) {
    resource["id"] = *id;
  } else {
    resource["id"] = false;
  }
  resource["url"] = url;
  size_t q = url.find('?');
  std::string query = q == std::string::npos ? "" : url.substr(q);
  resource["link"] = config_.origin + "/" + language_ + "/" + url.substr(0, q) + ".json" + query;
  return wrap("resource", std::move(resource));
}

bj::object Serializer::wrap(std::string_view key, bj::object inner) const {
  bj::object out(sp_);
  out[key] = std::move(inner);
  return out;
}

bj::object Serializer::language(const std::string& code) const {
  auto active = std::find(config_.languages.begin(), config_.languages.end(), code);
  int64_t id = active == config_.languages.end() ? 0 : (active - config_.languages.begin()) + 1;
  std::string locale = code + "_", title = code;
  for (char c : code) locale += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& l : kLanguages) {
    if (l.code == code) locale = l.locale, title = l.title;
  }
  return bj::object({{"id", id}, {"code", code}, {"locale", locale}, {"title", title}}, sp_);
}

bj::object Serializer::webhook(const Webhook& w) const {
  return bj::object({{"id", w.id},
          {"createdAt", timestamp(w.created_at)},
          {"updatedAt", timestamp(w.updated_at)},
          {"isActive", w.is_active},
          {"itemGroup", w.item_group},
          {"itemAction", w.item_action},
          {"language", language(w.language)},
          {"format", w.format},
          {"address", w.address}},
                    sp_);
}

}  // namespace lpsync::fakes::lightspeed
