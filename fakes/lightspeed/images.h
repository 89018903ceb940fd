// The small deterministic images behind product image names, and their CDN-like URLs.
// `src` and `thumb` point at the fake's own origin:
//   {origin}/static/shops/{shop_id:6}/files/{image_id:9}/{name}
//   {origin}/static/shops/{shop_id:6}/files/{image_id:9}/50x50x2/{name}
// The bytes depend only on the name (and thumb or not): the format's signature (JPEG,
// PNG or GIF by extension), the name, then filler drawn from a generator seeded by the
// name. They are not decodable pictures; they are stable, distinct and small.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lpsync::fakes::lightspeed {

std::string image_bytes(std::string_view name, bool thumb);
// "jpg", "png", ... (lower case, without the dot); "" when the name has none.
std::string image_extension(std::string_view name);
// "image/jpeg", "image/png", "image/gif", else "application/octet-stream".
std::string image_content_type(std::string_view name);
// The title of an image: its name without the extension.
std::string image_title(std::string_view name);

std::string image_url(std::string_view origin, int64_t shop_id, int64_t image_id, std::string_view name, bool thumb);

struct ImagePath {
  int64_t shop_id = 0;
  int64_t image_id = 0;
  std::string name;  // decoded
  bool thumb = false;
};
// Parses the path part of an image URL; nullopt when it is not one.
std::optional<ImagePath> parse_image_path(std::string_view path);
inline bool is_image_path(std::string_view path) { return path.rfind("/static/", 0) == 0; }

}  // namespace lpsync::fakes::lightspeed
