// One engine per database: an exclusive flock(2) on "<database>.lock", held for as long as
// the store is open and released by the kernel when the process dies (so a crash never
// leaves a stale lock). The file itself stays; it holds the pid of the last holder, which
// the refusal names.
#pragma once

#include <optional>
#include <string>

namespace lpsync {

class LockFile {
 public:
  // Takes the lock without waiting. On failure `why` says who holds it, or what failed,
  // and `held_elsewhere` is true when another holder is the reason.
  static std::optional<LockFile> acquire(const std::string& path, std::string& why, bool& held_elsewhere);
  LockFile(LockFile&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  LockFile& operator=(LockFile&&) = delete;
  LockFile(const LockFile&) = delete;
  ~LockFile();

 private:
  explicit LockFile(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace lpsync
