// The status file of a live run: STATE.status.json beside the state file, rewritten
// (atomically, by rename) every 30 seconds and at the end, for `lpsync status` and monitoring:
// the state's status document (report_text.h), when it was written, the process id, and what
// this run's engine has done so far.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "engine/core/report.h"
#include "engine/env/time.h"
#include "engine/state/state_store.h"

namespace lpsync::live {

// `this_run` may be null (no engine is running). A file that cannot be written is skipped:
// the next one may succeed, and the run does not depend on it.
void write_status_file(const std::string& state_path, const StateStore& store, const Report* this_run, Instant now);
// The same with the status document already made (status_document(store), with whatever the
// run adds, such as its operator's figures under "ops").
void write_status_file(const std::string& state_path, boost::json::object doc, const Report* this_run, Instant now);

}  // namespace lpsync::live
