#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under AddressSanitizer and UndefinedBehaviorSanitizer
# in build-fuzz/, replays every committed corpus (tests/fuzz/corpus/<target>/), then fuzzes
# each target for FUZZ_SECONDS (default 30). New inputs go to build-fuzz/new-corpus/<target>/
# (not the committed corpus); a crash leaves its input in build-fuzz/crashes/<target>/.
# Ends with one line "fuzz: N passed, M failed" (a replay and a fuzz run per target).
# JOBS (default 2) targets are fuzzed at a time; their logs are printed in order at the end.
# Usage: scripts/lib/fuzz.sh [--build-only] [target...]     env: FUZZ_SECONDS, JOBS
# --build-only builds the targets and stops (scripts/test builds them while ctest runs).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-30}"
out=build-fuzz
build_only=0
if [[ "${1:-}" == "--build-only" ]]; then build_only=1; shift; fi

CC=clang CXX=clang++ cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGREENROOM_FUZZ=ON \
  -DGREENROOM_TESTS=OFF -DGREENROOM_WERROR=OFF >/dev/null || { echo "fuzz: 0 passed, 1 failed"; exit 1; }
cmake --build "$out" -j"${JOBS:-2}" || { echo "fuzz: 0 passed, 1 failed"; exit 1; }
((build_only)) && exit 0

targets=("$@")
if ((${#targets[@]} == 0)); then
  for dir in tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

# One target: replay its corpus, then fuzz it; prints its log and writes "<passed> <failed>"
# to $out/<target>.result. JOBS targets run at a time (each libFuzzer run is one process).
run_target() {
  local t=$1 bin="$out/tests/fuzz/${1}_fuzz" corpus="tests/fuzz/corpus/$1" ok=0 bad=0 log
  log="$out/$t.out"
  mkdir -p "$out/new-corpus/$t" "$out/crashes/$t"
  {
    if [[ ! -x "$bin" ]]; then
      echo "fuzz: no target $bin for corpus $corpus"; echo "0 2" >"$out/$t.result"; return
    fi
    echo "==> $t: replaying $(find "$corpus" -type f | wc -l) corpus inputs"
    if "$bin" -runs=0 -rss_limit_mb=2048 "$corpus" >"$out/$t-replay.log" 2>&1; then
      ok=$((ok + 1))
    else
      bad=$((bad + 1)); tail -40 "$out/$t-replay.log"
    fi
    echo "==> $t: fuzzing for ${seconds}s"
    if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" \
        "$out/new-corpus/$t" "$corpus" >"$out/$t-fuzz.log" 2>&1; then
      ok=$((ok + 1))
      grep -E "stat::number_of_executed_units|stat::new_units_added" "$out/$t-fuzz.log" | tr '\n' ' '
      echo
    else
      bad=$((bad + 1)); tail -60 "$out/$t-fuzz.log"
      echo "fuzz: $t crashed; the input is in $out/crashes/$t/ — make it a unit test and fix it"
    fi
  } >"$log" 2>&1
  echo "$ok $bad" >"$out/$t.result"
}

jobs_at_once="${JOBS:-2}"
for t in "${targets[@]}"; do
  rm -f "$out/$t.result" "$out/$t.out"
  while (($(jobs -rp | wc -l) >= jobs_at_once)); do wait -n; done
  run_target "$t" &
done
wait
passed=0 failed=0
for t in "${targets[@]}"; do
  cat "$out/$t.out" 2>/dev/null
  read -r ok bad <"$out/$t.result" 2>/dev/null || { ok=0; bad=2; }
  passed=$((passed + ok)); failed=$((failed + bad))
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
