#include "fakes/lightspeed/images.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

#include "engine/env/http.h"
#include "engine/env/random.h"

namespace lpsync::fakes::lightspeed {
namespace {

std::string signature_for(std::string_view ext) {
  if (ext == "jpg" || ext == "jpeg") return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11);
  if (ext == "png") return std::string("\x89PNG\r\n\x1A\n", 8);
  if (ext == "gif") return "GIF89a";
  return "";
}

std::string padded(int64_t value, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(value));
  return buf;
}

std::optional<int64_t> to_id(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

std::string image_extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string image_title(std::string_view name) { return std::string(name.substr(0, name.rfind('.'))); }

std::string image_content_type(std::string_view name) {
  std::string ext = image_extension(name);
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "gif") return "image/gif";
  return "application/octet-stream";
}

std::string image_bytes(std::string_view name, bool thumb) {
  std::string out = signature_for(image_extension(name));
  out += thumb ? "lpsync-fake-thumb:" : "lpsync-fake-image:";
  out += name;
  out += '\n';
  Random filler(stable_hash(name) ^ (thumb ? 0x7468756d62ULL : 0));
  size_t n = thumb ? 32 : 160;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>(filler.below(256));
  return out;
}

std::string image_url(std::string_view origin, int64_t shop_id, int64_t image_id, std::string_view name,
                      bool thumb) {
  std::string url(origin);
  url += "/static/shops/" + padded(shop_id, 6) + "/files/" + padded(image_id, 9) + "/";
  if (thumb) url += "50x50x2/";
  url += percent_encode(name);
  return url;
}

std::optional<ImagePath> parse_image_path(std::string_view path) {
  if (!is_image_path(path)) return std::nullopt;
  auto parts = split(path.substr(1));  // static, shops, S, files, I, [50x50x2,] name
  if (parts.size() != 6 && parts.size() != 7) return std::nullopt;
  if (parts[1] != "shops" || parts[3] != "files") return std::nullopt;
  if (parts.size() == 7 && parts[5] != "50x50x2") return std::nullopt;
  auto shop = to_id(parts[2]);
  auto image = to_id(parts[4]);
  if (!shop || !image || parts.back().empty()) return std::nullopt;
  return ImagePath{*shop, *image, percent_decode(parts.back()), parts.size() == 7};
}

}  // namespace lpsync::fakes::lightspeed
