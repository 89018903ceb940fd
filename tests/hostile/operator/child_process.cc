#include "tests/hostile/operator/child_process.h"

#include <cstdlib>
#include <stdexcept>

namespace lpsync::testing {
namespace {

process::ChildOptions with_binary(const ChildOptions& options) {
  process::ChildOptions out = options;
  if (out.binary.empty()) out.binary = lpsync_binary();
  return out;
}

}  // namespace

std::string runfile(const std::string& path) {
  const char* root = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (!root || !workspace) throw std::runtime_error("TEST_SRCDIR/TEST_WORKSPACE not set: run under bazel test");
  return std::string(root) + "/" + workspace + "/" + path;
}

std::string lpsync_binary() { return runfile("tools/lpsync"); }

Child::Child(const std::vector<std::string>& args, const ChildOptions& options)
    : process::Child(with_binary(options), args) {}

}  // namespace lpsync::testing
