#include "tools/console/config_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/env/json.h"

namespace lpsync::console {

std::optional<boost::json::object> read_config_object(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  try {
    boost::json::value v = json::parse(s.str());
    if (v.is_object()) return v.as_object();
  } catch (const json::Error&) {
  }
  return std::nullopt;
}

bool write_private_file(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    ::chmod(tmp.c_str(), 0600);
    out << text;
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace lpsync::console
