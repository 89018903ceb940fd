// One engine per database: held for as long as the store is open and released by the
// kernel when the process dies (so a crash never leaves a stale lock). Two exclusive
// flock(2)s, both taken without waiting:
//  - on "<real path of the database>.lock", which holds the pid of the last holder (the
//    refusal names it). The real path has every symlink resolved, so two configs reaching
//    one database through a symlinked directory or file take the same lock file;
//  - on the database file itself, so any other path to the same file (a hard link, a bind
//    mount) is refused too: the lock goes with the file's identity, not its name.
// SQLite's own locks are fcntl(2) locks, which flock(2) does not touch. The descriptor on the
// database stays open until after SQLite has closed it: closing another descriptor of the
// file would drop the fcntl locks SQLite holds in this process.
// SqliteStateStore adds a third lock inside the database: SQLite's exclusive locking mode.
#pragma once

#include <optional>
#include <string>

namespace lpsync {

class LockFile {
 public:
  // Locks the database at `database` (created empty when missing). On failure `why` says
  // who holds it, or what failed, and `held_elsewhere` is true when another holder is the
  // reason.
  static std::optional<LockFile> acquire(const std::string& database, std::string& why, bool& held_elsewhere);
  LockFile(LockFile&& other) noexcept : fd_(other.fd_), database_fd_(other.database_fd_) {
    other.fd_ = other.database_fd_ = -1;
  }
  LockFile& operator=(LockFile&&) = delete;
  LockFile(const LockFile&) = delete;
  ~LockFile();

  // The path of `database` with every symlink resolved (the file may not exist yet; its
  // directory must).
  static std::string real_path(const std::string& database);

 private:
  LockFile(int fd, int database_fd) : fd_(fd), database_fd_(database_fd) {}
  int fd_;
  int database_fd_;
};

}  // namespace lpsync
