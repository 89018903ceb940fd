// The real lpsync binary (a data dependency of the test) started as a child process
// (tools/process/child.h), found in the test's runfiles.
#pragma once

#include <string>
#include <vector>

#include "tools/process/child.h"

namespace lpsync::testing {

// The path of the lpsync binary in the test's runfiles.
std::string lpsync_binary();
// The path of another binary of the workspace in the test's runfiles ("tests/fleet/x").
std::string runfile(const std::string& path);

// As process::ChildOptions; `binary` "" = lpsync_binary().
struct ChildOptions : process::ChildOptions {};

class Child : public process::Child {
 public:
  Child(const std::vector<std::string>& args, const ChildOptions& options);
};

using process::eventually;

}  // namespace lpsync::testing
