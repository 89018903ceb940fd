#include "tests/crash/failing_store.h"

#include "engine/state/store_errors.h"

namespace lpsync::crash {

void FailingStore::write() {
  if (failure_->counts && !failure_->counts()) return;
  if (++failure_->writes != failure_->fail_at) return;
  ++failure_->failed;
  throw StateStoreError("injected: write " + std::to_string(failure_->fail_at) +
                        " refused, as by a full disk; nothing of it was kept");
}

}  // namespace lpsync::crash
