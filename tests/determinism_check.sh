#!/usr/bin/env bash
# Determinism check: no code may read the wall clock or draw unseeded randomness, and no
# behaviour may depend on the iteration order of unordered containers, except in the few
# files that exist to do exactly that (listed below with the reason).
# Runs over the real source tree (tagged "external" in tests/BUILD, so never cached).
set -euo pipefail

# Usage: determinism_check.sh [ROOT]  (default: the repository this script lives in)
script=$(readlink -f "${BASH_SOURCE[0]}")
root=${1:-$(cd "$(dirname "$script")/.." && pwd)}
cd "$root"

# file -> why it may use the forbidden calls
allowed=(
  "engine/env/clock.cc"       # SystemClock: the live wall clock
  "engine/env/crypto.cc"      # system_random_hex: secrets for live mode
  "engine/env/stopwatch.h"    # wall time for reports and benchmarks only, never for decisions
  "engine/env/guarded_server.cc"  # network deadlines of the HTTP server's sockets; never reaches the engine
  "tests/hostile/raw_client.cc"   # a hostile test client's bounded waits on its socket
  "tests/hostile/http_server_hostile_test.cc"  # "not stuck" bounds on real sockets, generous
  "tests/hostile/listener_hostile_test.cc"     # SIGTERM with slow clients: a generous bound on the stop
)

pattern='system_clock::now|steady_clock::now|high_resolution_clock::now|(^|[^_[:alnum:]])time\(|gettimeofday|clock_gettime|(^|[^_[:alnum:].>])s?rand\(|random_device|std::unordered_'

is_allowed() {
  local f
  for f in "${allowed[@]}"; do [ "$1" = "$f" ] && return 0; done
  return 1
}

violations=0
while IFS= read -r -d '' file; do
  rel=${file#./}
  is_allowed "$rel" && continue
  if matches=$(grep -nE "$pattern" "$rel" | grep -vE '^[0-9]+:\s*//'); then
    while IFS= read -r line; do
      echo "$rel:$line"
    done <<< "$matches"
    violations=$((violations + 1))
  fi
done < <(find ./engine ./fakes ./tools ./tests -type f 2>/dev/null \( -name '*.cc' -o -name '*.h' \) -print0 | sort -z)

if [ "$violations" -ne 0 ]; then
  cat <<'MSG'

The lines above read the wall clock, draw unseeded randomness or use an unordered container.
Use the Clock and Random seams (engine/env/clock.h, engine/env/random.h) and std::map/std::set
instead, so that a run is reproducible from its seed. If a file truly must, add it to the
allow-list in tests/determinism_check.sh with the reason.
MSG
  exit 1
fi
echo "determinism check: no wall clock, unseeded randomness or unordered containers outside the seams"
