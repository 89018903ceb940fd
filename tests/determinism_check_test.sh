#!/usr/bin/env bash
# The determinism check itself: it must reject each kind of violation and accept clean code.
set -uo pipefail
check=$(readlink -f "$TEST_SRCDIR/$TEST_WORKSPACE/tests/determinism_check.sh")
tree=$TEST_TMPDIR/tree

expect_status() {  # expected-status description file-content
  rm -rf "$tree"
  mkdir -p "$tree/engine"
  printf '%s\n' "$3" > "$tree/engine/sample.cc"
  "$check" "$tree" >/dev/null 2>&1
  local got=$?
  if [ "$got" -ne "$1" ]; then
    echo "FAIL: $2: exit $got, expected $1"
    exit 1
  fi
  echo "ok: $2"
}

expect_status 1 "wall clock" 'auto t = std::chrono::system_clock::now();'
expect_status 1 "steady clock" 'auto t = std::chrono::steady_clock::now();'
expect_status 1 "time()" 'long t = time(nullptr);'
expect_status 1 "gettimeofday" 'gettimeofday(&tv, nullptr);'
expect_status 1 "rand()" 'int r = rand();'
expect_status 1 "std::rand()" 'int r = std::rand();'
expect_status 1 "random_device" 'std::random_device rd;'
expect_status 1 "unordered container" 'std::unordered_map<int, int> m;'
expect_status 0 "seams and look-alikes" 'Instant t = clock.now(); int x = random.below(3); auto s = format_time(t); int o = operand(2);
  // a comment line may mention rand() and system_clock::now'
