#include "tools/flags.h"

#include <gtest/gtest.h>

namespace lpsync::cli {
namespace {

const std::vector<FlagSpec> kSpecs = {{"trace", true, "FILE  write a trace"}, {"check-determinism", false, "run twice"}};

TEST(Flags, ParsesValuesBooleansAndPositionals) {
  auto a = Args::parse({"a.json", "--trace", "t.jsonl", "--check-determinism", "b.json"}, kSpecs);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a.value().value("trace"), "t.jsonl");
  EXPECT_TRUE(a.value().has("check-determinism"));
  EXPECT_EQ(a.value().positional(), (std::vector<std::string>{"a.json", "b.json"}));
  auto b = Args::parse({"--trace=x", "--", "--not-a-flag"}, kSpecs);
  ASSERT_TRUE(b);
  EXPECT_EQ(b.value().value("trace"), "x");
  EXPECT_EQ(b.value().positional(), (std::vector<std::string>{"--not-a-flag"}));
}

// The error a parse that must fail gives.
Error<ArgsProblem> refusal(const std::vector<std::string>& argv, const std::vector<FlagSpec>& specs) {
  auto parsed = Args::parse(argv, specs);
  EXPECT_FALSE(parsed) << "parsed although it should not";
  return parsed ? Error<ArgsProblem>{} : parsed.error();
}

TEST(Flags, ErrorsSayWhatIsWrong) {
  auto e = refusal({"--trce", "x"}, kSpecs);
  EXPECT_EQ(e.kind, ArgsProblem::unknown_flag);
  EXPECT_EQ(e.message, "unknown flag --trce (known: --trace, --check-determinism)");
  e = refusal({"--trace"}, kSpecs);
  EXPECT_EQ(e.kind, ArgsProblem::missing_value);
  EXPECT_EQ(e.message, "--trace needs a value");
  e = refusal({"--check-determinism=yes"}, kSpecs);
  EXPECT_EQ(e.kind, ArgsProblem::unexpected_value);
  EXPECT_EQ(e.message, "--check-determinism takes no value");
  e = refusal({"-x"}, kSpecs);
  EXPECT_EQ(e.kind, ArgsProblem::unknown_option);
  EXPECT_EQ(e.message, "unknown option -x (options are written --name)");
  e = refusal({"--x"}, {});
  EXPECT_EQ(e.kind, ArgsProblem::unknown_flag);
  EXPECT_EQ(e.message, "unknown flag --x (this command takes no flags)");
}

TEST(Flags, DescribesFlags) {
  EXPECT_EQ(describe_flags(kSpecs),
            "  --trace FILE              write a trace\n"
            "  --check-determinism       run twice\n");
}

}  // namespace
}  // namespace lpsync::cli
