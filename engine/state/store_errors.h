// How the state store reports trouble. Opening returns a Result (engine/env/result.h) whose
// error has a StoreProblem kind and a message (the caller decides: print it and exit). Once
// open, a read or write that fails for a reason outside the program (disk full, I/O error,
// the file damaged under us) throws StateStoreError after rolling back whatever that write
// had done: the engine must not carry on as if it were stored, so the process stops with the
// message and a restart resumes from the last commit. Writing a second link for what is
// already linked is a programming error and throws std::logic_error, in every store.
#pragma once

#include <stdexcept>
#include <string>

namespace lpsync {

enum class StoreProblem {
  cannot_create,    // the file or its directory cannot be created or opened
  locked,           // another lpsync process has this database open
  not_a_database,   // the file is not an lpsync state database
  corrupt,          // the file is an lpsync database but damaged
  newer_schema,     // written by a newer lpsync than this one
  io_error,         // anything else the disk or SQLite refused
};

class StateStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lpsync
