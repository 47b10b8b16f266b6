#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz preset, clang) and runs each for FUZZ_SECONDS (default 30) from
# the seed corpus. Fails on any crash, leak, timeout or out-of-memory. Usage: .ci/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-30}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-2}"
/usr/bin/python3 tests/fuzz/make_corpus.py --source . --out build-fuzz/tests/fuzz/corpus
status=0
for target in scenario sweep; do
  bin=build-fuzz/tests/fuzz/fuzz_$target
  [ -x "$bin" ] || { echo "== fuzz_$target not built (skipped)"; continue; }
  work=$(mktemp -d)
  # Inputs that once failed are replayed first (tests/fuzz/regressions/<target>).
  extra=tests/fuzz/regressions/$target
  echo "== fuzz_$target for ${SECONDS_EACH}s"
  if ! "$bin" -max_total_time="$SECONDS_EACH" -dict=build-fuzz/tests/fuzz/corpus/$target.dict -max_len=4096 \
       -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" \
       "$work" build-fuzz/tests/fuzz/corpus/$target $extra 2>"$work/log"; then
    status=1
    tail -60 "$work/log"
    echo "fuzz_$target found a problem; the input is in $work" >&2
  else
    grep -E "stat::number_of_executed_units|Done" "$work/log" || true
    rm -rf "$work"
  fi
done
exit $status
