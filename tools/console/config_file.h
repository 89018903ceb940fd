// A connection's config file as the console reads and rewrites it: read as a JSON object,
// written whole or not at all (a file of its own, then renamed) and readable by this user
// only (it holds keys).
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>

namespace lpsync::console {

// The whole text of a small file ("" when it cannot be read).
std::string read_text_file(const std::string& path);
bool write_private_file(const std::string& path, const std::string& text);

}  // namespace lpsync::console
