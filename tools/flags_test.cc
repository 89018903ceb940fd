#include "tools/flags.h"

#include <gtest/gtest.h>

namespace lpsync::cli {
namespace {

const std::vector<FlagSpec> kSpecs = {{"trace", true, "FILE  write a trace"}, {"check-determinism", false, "run twice"}};

TEST(Flags, ParsesValuesBooleansAndPositionals) {
  std::string error;
  auto a = Args::parse({"a.json", "--trace", "t.jsonl", "--check-determinism", "b.json"}, kSpecs, error);
  ASSERT_TRUE(a) << error;
  EXPECT_EQ(a->value("trace"), "t.jsonl");
  EXPECT_TRUE(a->has("check-determinism"));
  EXPECT_EQ(a->positional(), (std::vector<std::string>{"a.json", "b.json"}));
  auto b = Args::parse({"--trace=x", "--", "--not-a-flag"}, kSpecs, error);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->value("trace"), "x");
  EXPECT_EQ(b->positional(), (std::vector<std::string>{"--not-a-flag"}));
}

TEST(Flags, ErrorsSayWhatIsWrong) {
  std::string error;
  EXPECT_FALSE(Args::parse({"--trce", "x"}, kSpecs, error));
  EXPECT_EQ(error, "unknown flag --trce (known: --trace, --check-determinism)");
  EXPECT_FALSE(Args::parse({"--trace"}, kSpecs, error));
  EXPECT_EQ(error, "--trace needs a value");
  EXPECT_FALSE(Args::parse({"--check-determinism=yes"}, kSpecs, error));
  EXPECT_EQ(error, "--check-determinism takes no value");
  EXPECT_FALSE(Args::parse({"-x"}, kSpecs, error));
  EXPECT_EQ(error, "unknown option -x (options are written --name)");
  EXPECT_FALSE(Args::parse({"--x"}, {}, error));
  EXPECT_EQ(error, "unknown flag --x (this command takes no flags)");
}

TEST(Flags, DescribesFlags) {
  EXPECT_EQ(describe_flags(kSpecs),
            "  --trace FILE              write a trace\n"
            "  --check-determinism       run twice\n");
}

}  // namespace
}  // namespace lpsync::cli
