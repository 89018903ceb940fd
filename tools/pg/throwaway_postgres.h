// A PostgreSQL 15 server of its own for a test or a bench: a fresh cluster in a temporary
// directory, listening only on a Unix socket there (no TCP port), stopped and deleted when
// the object goes. Run as root, the cluster belongs to an unprivileged user (PostgreSQL
// refuses to run as root). Needs Debian's postgresql-15, which ./test and ./lpsync install.
#pragma once

#include <memory>
#include <string>

#include "engine/env/result.h"

namespace lpsync {

enum class PostgresStartProblem { not_installed, no_user, init_failed, start_failed };

class ThrowawayPostgres {
 public:
  // Creates and starts the cluster; a failure says what went wrong and shows the server's log.
  static Result<std::unique_ptr<ThrowawayPostgres>, PostgresStartProblem> start();
  ~ThrowawayPostgres();
  ThrowawayPostgres(const ThrowawayPostgres&) = delete;
  ThrowawayPostgres& operator=(const ThrowawayPostgres&) = delete;

  // libpq connection strings (key=value form) for the superuser `lpsync`.
  std::string url(const std::string& database = "postgres") const;
  // Creates an empty database owned by `lpsync`; false (with `error` set) when refused.
  bool create_database(const std::string& name, std::string& error) const;
  const std::string& directory() const { return dir_; }

 private:
  ThrowawayPostgres(std::string dir, std::string bin) : dir_(std::move(dir)), bin_(std::move(bin)) {}
  std::string dir_;  // holds data/, the socket and server.log
  std::string bin_;  // the PostgreSQL programs
  bool running_ = false;
};

}  // namespace lpsync
