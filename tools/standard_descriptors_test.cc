#include "tools/standard_descriptors.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lpsync::cli {
namespace {

bool is_dev_null(int fd) {
  struct stat a {}, b {};
  return ::fstat(fd, &a) == 0 && ::stat("/dev/null", &b) == 0 && a.st_rdev == b.st_rdev && S_ISCHR(a.st_mode);
}

// In a child: closes `closed` of 0-2, calls the function, and exits 0 only if all three
// are open afterwards, the closed ones on /dev/null, and the next descriptor is above 2.
int child_with_closed(std::initializer_list<int> closed) {
  pid_t child = ::fork();
  if (child == 0) {
    for (int fd : closed) ::close(fd);
    if (!open_standard_descriptors()) ::_exit(2);
    for (int fd : closed) {
      if (!is_dev_null(fd)) ::_exit(3);
    }
    int next = ::open("/dev/null", O_RDONLY);
    ::_exit(next > 2 ? 0 : 4);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(StandardDescriptors, ClosedOnesAreOpenedOnDevNull) {
  EXPECT_EQ(child_with_closed({1, 2}), 0);
  EXPECT_EQ(child_with_closed({0, 1, 2}), 0);
  EXPECT_EQ(child_with_closed({0}), 0);
  EXPECT_EQ(child_with_closed({2}), 0);
}

TEST(StandardDescriptors, OpenOnesAreLeftAlone) {
  struct stat before {}, after {};
  ASSERT_EQ(::fstat(2, &before), 0);
  ASSERT_TRUE(open_standard_descriptors());
  ASSERT_EQ(::fstat(2, &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
}

}  // namespace
}  // namespace lpsync::cli
