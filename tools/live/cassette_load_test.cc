// load_cassette refuses what is not a cassette it can replay, saying where and why.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tools/live/cassette.h"

namespace lpsync::live {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir ? dir : "/tmp") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(LoadCassette, AFirstLineThatIsNotTheHeaderIsRefusedAtThatLine) {
  std::string path = write_file("no_header.jsonl", "{\"decision\":{\"decision\":\"x\"}}\n");
  auto load = load_cassette(path);
  ASSERT_FALSE(load.ok());
  EXPECT_EQ(load.error().message,
            path + ":1: not a readable cassette line: $: the first line must be the cassette header");
}

TEST(LoadCassette, AnUnknownFormatIsRefused) {
  std::string path = write_file("format2.jsonl", "{\"cassette\":2}\n");
  auto load = load_cassette(path);
  ASSERT_FALSE(load.ok());
  EXPECT_NE(load.error().message.find(":1: not a readable cassette line"), std::string::npos) << load.error().message;
  EXPECT_NE(load.error().message.find("a cassette format this lpsync does not know"), std::string::npos)
      << load.error().message;
}

TEST(LoadCassette, AnEmptyFileIsNotACassette) {
  std::string path = write_file("empty.jsonl", "");
  EXPECT_EQ(load_cassette(path).error().message, path + ": empty, or not a cassette");
}

}  // namespace
}  // namespace lpsync::live
