#include "engine/state/store_factories.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace lpsync::testing {

std::string fresh_path(std::string_view name) {
  static int counter = 0;
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::filesystem::path dir = std::filesystem::path(tmp ? tmp : "/tmp") /
                              (std::string(name) + "-" + std::to_string(++counter));
  std::filesystem::remove_all(dir);
  return dir.string();
}

std::unique_ptr<SqliteStateStore> open_sqlite(const std::string& path) {
  auto opened = SqliteStateStore::open(path, {SqliteOptions::Durability::process});
  if (!opened) throw std::runtime_error("cannot open " + path + ": " + opened.error().message);
  return std::move(opened.value().store);
}

}  // namespace lpsync::testing
