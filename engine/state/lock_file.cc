#include "engine/state/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace lpsync {
namespace {

namespace fs = std::filesystem;

// Opens `path` (creating it) and takes an exclusive flock without waiting: the descriptor,
// or -1 with `why` and `busy` (another holder) set.
int open_locked(const std::string& path, const std::string& what, std::string& why, bool& busy) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    why = "cannot open " + what + " " + path + ": " + std::strerror(errno);
    return -1;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  int error = errno;
  busy = error == EWOULDBLOCK;
  if (!busy) why = "cannot lock " + path + ": " + std::strerror(error);
  ::close(fd);
  return -1;
}

std::string holder_pid(const std::string& lock_path) {
  int fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  char pid[32] = {};
  ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
  ::close(fd);
  std::string holder = n > 0 ? std::string(pid, static_cast<size_t>(n)) : std::string();
  while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
  return holder;
}

}  // namespace

std::string LockFile::real_path(const std::string& database) {
  std::error_code ec;
  fs::path p = fs::absolute(database, ec).lexically_normal();
  fs::path real = fs::weakly_canonical(p, ec);  // resolves every symlink of the part that exists
  return ec ? p.string() : real.string();
}

std::optional<LockFile> LockFile::acquire(const std::string& database, std::string& why, bool& held_elsewhere) {
  held_elsewhere = false;
  std::string real = real_path(database);
  std::string lock_path = real + ".lock";
  int fd = open_locked(lock_path, "the lock file", why, held_elsewhere);
  if (fd < 0) {
    if (held_elsewhere) {
      std::string holder = holder_pid(lock_path);
      why = "another lpsync process" + (holder.empty() ? std::string() : " (pid " + holder + ")") +
            " has it open (lock file " + lock_path + ")";
    }
    return std::nullopt;
  }
  int database_fd = open_locked(real, "the database", why, held_elsewhere);
  if (database_fd < 0) {
    if (held_elsewhere) {
      why = "another lpsync process has the same file open through another path (a hard link or a mount of "
            "it): one database file, one engine, whatever the path";
    }
    ::close(fd);
    return std::nullopt;
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
  return LockFile(fd, database_fd);
}

LockFile::~LockFile() {
  // Closing the last descriptor releases a lock. The store closes SQLite before this runs.
  if (database_fd_ >= 0) ::close(database_fd_);
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace lpsync
