// docs/state.md names the schema version this build writes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/state/schema.h"

namespace lpsync {
namespace {

TEST(SchemaDoc, StateMdNamesTheCurrentSchemaVersion) {
  std::ifstream in("docs/state.md");
  ASSERT_TRUE(in) << "docs/state.md is not in the runfiles";
  std::ostringstream text;
  text << in.rdbuf();
  std::string heading = "## Schema (version " + std::to_string(sqlite::current_schema_version()) + ")";
  EXPECT_NE(text.str().find(heading), std::string::npos) << "docs/state.md lacks \"" << heading << "\"";
}

}  // namespace
}  // namespace lpsync
