#include "fakes/common/rate_window.h"

namespace lpsync::fakes {

bool RateWindow::try_take(Instant now) {
  if (!open(now)) {
    started_ = true;
    start_ = now;
    used_ = 0;
  }
  if (used_ >= limit_) return false;
  ++used_;
  return true;
}

int64_t RateWindow::remaining(Instant now) const { return open(now) ? limit_ - used_ : limit_; }

Duration RateWindow::reset_in(Instant now) const { return open(now) ? start_ + length_ - now : length_; }

}  // namespace lpsync::fakes
