#include "tools/json/json_document.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstring>

namespace lpsync {
namespace {

namespace bj = boost::json;

bj::value ok(std::string_view text) {
  auto r = read_json_document(text);
  if (auto* e = std::get_if<JsonDocumentError>(&r)) {
    ADD_FAILURE() << e->path << ": " << e->message;
    return nullptr;
  }
  return std::get<bj::value>(r);
}

JsonDocumentError error(std::string_view text) {
  auto r = read_json_document(text);
  if (!std::holds_alternative<JsonDocumentError>(r)) {
    ADD_FAILURE() << "parsed: " << text;
    return {};
  }
  return std::get<JsonDocumentError>(r);
}

TEST(JsonDocument, BuildsTheSameDocumentAsBoost) {
  const char* text = R"({"a": [1, -2, 18446744073709551615, 2.5, true, null, "x\u00e9"], "b": {"c": {}}})";
  EXPECT_EQ(ok(text), bj::parse(text));
}

TEST(JsonDocument, DoublesAreRoundedCorrectly) {
  // Boost.JSON 1.81 reads these one unit in the last place off; std::from_chars does not.
  for (double d : {1.3927926388013963e-143, 5.409760742964738e+124, 0.1, 19.95, 5e-324, 1.7976931348623157e308}) {
    char buf[64];
    auto end = std::to_chars(buf, buf + sizeof buf, d).ptr;
    std::string text = "[" + std::string(buf, end) + "]";
    EXPECT_EQ(ok(text).as_array()[0].as_double(), d) << text;
  }
}

TEST(JsonDocument, ARepeatedKeyIsAnErrorAtItsPath) {
  JsonDocumentError e = error(R"({"timeline": [{"at": "+1h"}, {"at": "+1h", "fault": {}, "fault": {}}]})");
  EXPECT_EQ(e.path, "$.timeline[1].fault");
  EXPECT_EQ(e.message, "the key \"fault\" appears twice in this object; give each key once");
  EXPECT_EQ(e.repeated_key, (std::vector<std::string>{"timeline", "fault"}));
  EXPECT_EQ(error(R"({"a": 1, "b": [[0, {"k": 1, "k": 2}]]})").path, "$.b[0][1].k");
  ok(R"({"a": {"k": 1}, "b": {"k": 1}})");  // the same key in two objects is fine
}

TEST(JsonDocument, SyntaxErrorsSayLineAndColumn) {
  EXPECT_EQ(error("{\n  \"a\": [1,,2]\n}"), (JsonDocumentError{"$", "malformed JSON at line 2, column 11: syntax error", {}}));
  EXPECT_EQ(error("{\"a\": 1"), (JsonDocumentError{"$", "malformed JSON at line 1, column 8: incomplete JSON", {}}));
  EXPECT_EQ(error("").path, "$");
  EXPECT_EQ(error("{} []").message,
            "malformed JSON at line 1, column 4: text after the end of the document (the file holds one JSON object)");
}

}  // namespace
}  // namespace lpsync
