#include "tools/live/command_box.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

namespace lpsync::live {
namespace {

namespace bj = boost::json;
namespace fs = std::filesystem;

class CommandBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  std::string state() const { return (dir_ / "acme.db").string(); }
  fs::path dir_;
  Instant t0 = Instant::from_unix_millis(1'790'000'000'000);
};

TEST_F(CommandBoxTest, CommandsAreTakenOldestFirstOnceAndAnswered) {
  CommandBox box(state());
  std::string error;
  auto a = box.submit("import_order", bj::object{{"number", "ORD1"}}, "admin", t0, error);
  auto b = box.submit("import_products", {}, "admin", t0 + Duration::seconds(1), error);
  ASSERT_TRUE(a && b) << error;
  EXPECT_TRUE(CommandBox::is_id(*a));
  EXPECT_TRUE(box.waiting(*a));
  struct stat st {};
  ASSERT_EQ(::stat(box.directory().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);  // other users cannot leave commands

  auto first = box.take(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].id, *a);
  EXPECT_EQ(first[0].kind, "import_order");
  EXPECT_EQ(first[0].args.at("number"), "ORD1");
  EXPECT_EQ(first[0].user, "admin");
  EXPECT_EQ(first[0].at, t0);
  EXPECT_FALSE(box.waiting(*a));
  auto rest = box.take(10);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].kind, "import_products");
  EXPECT_TRUE(box.take(10).empty());  // taken once

  EXPECT_FALSE(box.answer_of(*a));
  box.answer(*a, bj::object{{"result", "imported"}});
  auto answer = box.answer_of(*a);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->at("result"), "imported");
}

TEST_F(CommandBoxTest, AtMostMaxPendingWait) {
  CommandBox box(state());
  std::string error;
  for (size_t i = 0; i < CommandBox::kMaxPending; ++i) {
    ASSERT_TRUE(box.submit("import_products", {}, "admin", t0 + Duration::millis(i), error)) << error;
  }
  EXPECT_FALSE(box.submit("import_products", {}, "admin", t0, error));
  EXPECT_NE(error.find("is it running"), std::string::npos) << error;
}

TEST_F(CommandBoxTest, AFileThatIsNotACommandIsRemovedAndNamed) {
  CommandBox box(state());
  std::string error;
  ASSERT_TRUE(box.submit("import_products", {}, "admin", t0, error));
  std::ofstream(fs::path(box.directory()) / "000000000000000-0000aaaa.json") << "{not json";
  std::ofstream(fs::path(box.directory()) / "../../x.json") << "{}";
  std::ofstream(fs::path(box.directory()) / "rogue.json") << R"({"kind":"settings","args":{},"user":"u","at":"x"})";
  std::vector<std::string> refused;
  auto taken = box.take(10, &refused);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].kind, "import_products");
  EXPECT_EQ(refused.size(), 2u);
  EXPECT_TRUE(box.take(10, &refused).empty());
  EXPECT_EQ(refused.size(), 2u);  // removed: never refused twice
}

TEST_F(CommandBoxTest, AnswersAreReadOnlyByIdAndBounded) {
  CommandBox box(state());
  EXPECT_FALSE(box.answer_of("../../etc/passwd"));
  EXPECT_FALSE(CommandBox::is_id("000000000000001-0000000g"));
  EXPECT_FALSE(CommandBox::is_id("00000000000000x-00000000"));
  for (size_t i = 0; i < CommandBox::kMaxAnswers + 5; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "%015zu-00000000", i);
    box.answer(id, bj::object{{"n", static_cast<int64_t>(i)}});
  }
  EXPECT_FALSE(box.answer_of("000000000000000-00000000"));  // the oldest pushed out
  auto newest = box.answer_of("000000000000204-00000000");
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->at("n"), 204);
}

}  // namespace
}  // namespace lpsync::live
