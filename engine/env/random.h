// The randomness seam: one seed, independent named streams. Every random choice of the
// engine and the fakes (jitter, fault draws) comes from a stream of the run's seed, so a run
// is reproducible from its seed. The generator is xoshiro256** seeded through splitmix64;
// the helpers below do not use <random>'s distributions, whose output differs between
// standard libraries.
#pragma once

#include <cstdint>
#include <string_view>

namespace lpsync {

class Random {
 public:
  explicit Random(uint64_t seed);

  // A generator whose sequence depends only on this generator's seed and `name`, not on
  // how many numbers were drawn before: adding a draw in one stream leaves the others alone.
  Random stream(std::string_view name) const;

  uint64_t next();
  // Uniform in [0, bound); bound must be > 0 (checked: aborts otherwise).
  uint64_t below(uint64_t bound);
  // Uniform in [lo, hi], both included; lo <= hi (checked).
  int64_t between(int64_t lo, int64_t hi);
  // Uniform in [0, 1).
  double unit();
  // True with probability p (clamped to [0, 1]).
  bool chance(double p);

  uint64_t seed() const { return seed_; }

 private:
  uint64_t seed_;
  uint64_t s_[4];
};

// 64-bit FNV-1a: a stable hash for names and traces (std::hash is not stable across builds).
uint64_t stable_hash(std::string_view bytes, uint64_t basis = 14695981039346656037ULL);

}  // namespace lpsync
