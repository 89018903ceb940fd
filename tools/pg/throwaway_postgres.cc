#include "tools/pg/throwaway_postgres.h"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

namespace lpsync {
namespace {

constexpr const char* kBinDir = "/usr/lib/postgresql/15/bin";
constexpr const char* kUser = "lpsync";  // the cluster's superuser

// Who runs the server: the current user, or `nobody` when that is root.
struct RunAs {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

std::optional<RunAs> run_as() {
  if (geteuid() != 0) return RunAs{};
  const passwd* pw = getpwnam("nobody");
  if (!pw) return std::nullopt;
  return RunAs{true, pw->pw_uid, pw->pw_gid};
}

// Runs `argv` as `who`, its output appended to `log`; the exit status (-1 when it could not start).
int run(const RunAs& who, const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    // The user first, so the log and everything the server writes belong to it.
    if (who.switch_user && (setgroups(0, nullptr) != 0 || setgid(who.gid) != 0 || setuid(who.uid) != 0)) _exit(126);
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    // The server's user may not be able to enter the caller's directory (a test's runfiles).
    if (chdir(std::filesystem::path(log).parent_path().c_str()) != 0) _exit(125);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string tail_of(const std::string& path) {
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
}

}  // namespace

Result<std::unique_ptr<ThrowawayPostgres>, PostgresStartProblem> ThrowawayPostgres::start() {
  using R = Result<std::unique_ptr<ThrowawayPostgres>, PostgresStartProblem>;
  std::string bin = kBinDir;
  if (access((bin + "/initdb").c_str(), X_OK) != 0) {
    return R::failure(PostgresStartProblem::not_installed,
                      "PostgreSQL 15 is not installed (no " + bin + "/initdb): install the Debian package postgresql-15 "
                      "(./test installs it).");
  }
  std::optional<RunAs> who = run_as();
  if (!who) return R::failure(PostgresStartProblem::no_user, "running as root, but there is no user `nobody` to run PostgreSQL as");
  char tmpl[] = "/tmp/lpsync-pg-XXXXXX";
  if (!mkdtemp(tmpl)) return R::failure(PostgresStartProblem::init_failed, "cannot create a directory in /tmp");
  std::unique_ptr<ThrowawayPostgres> pg(new ThrowawayPostgres(tmpl, bin));
  if (who->switch_user && chown(tmpl, who->uid, who->gid) != 0) {
    return R::failure(PostgresStartProblem::init_failed, std::string("cannot hand ") + tmpl + " to user nobody");
  }
  std::string data = pg->dir_ + "/data", log = pg->dir_ + "/server.log";
  int rc = run(*who, {bin + "/initdb", "-D", data, "-U", kUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"}, log);
  if (rc != 0) {
    return R::failure(PostgresStartProblem::init_failed, "initdb failed (exit " + std::to_string(rc) + "):\n" + tail_of(log));
  }
  // No TCP listener, no fsync: a throwaway cluster for tests.
  std::string options = "-k " + pg->dir_ + " -c listen_addresses= -c fsync=off -c max_connections=200";
  rc = run(*who, {bin + "/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "120", "start"}, log);
  if (rc != 0) {
    return R::failure(PostgresStartProblem::start_failed, "PostgreSQL did not start (exit " + std::to_string(rc) + "):\n" + tail_of(log));
  }
  pg->running_ = true;
  return R(std::move(pg));
}

ThrowawayPostgres::~ThrowawayPostgres() {
  if (running_) {
    if (std::optional<RunAs> who = run_as()) {
      run(*who, {bin_ + "/pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"}, dir_ + "/server.log");
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string ThrowawayPostgres::url(const std::string& database) const {
  return "host=" + dir_ + " user=" + kUser + " dbname=" + database;
}

bool ThrowawayPostgres::create_database(const std::string& name, std::string& error) const {
  PGconn* conn = PQconnectdb(url().c_str());
  bool ok = PQstatus(conn) == CONNECTION_OK;
  if (ok) {
    char* quoted = PQescapeIdentifier(conn, name.c_str(), name.size());
    PGresult* res = PQexec(conn, ("CREATE DATABASE " + std::string(quoted)).c_str());
    PQfreemem(quoted);
    ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
  }
  if (!ok) error = PQerrorMessage(conn);
  PQfinish(conn);
  return ok;
}

}  // namespace lpsync
