#!/usr/bin/env bash
# Builds the asan-ubsan and tsan presets (CMakePresets.json) and runs the tests labelled for them
# (tests/CMakeLists.txt): `sanitizer` under ASan+UBSan (input handling end to end, the loader, config
# tree, HDF5 file, CLI and the model's building blocks), `sanitizer` and `threads` under TSan
# (everything that runs TBB-parallel replicates and phases, and writes files from them).
# Usage: .ci/sanitizers.sh [asan-ubsan|tsan]...   (default: both)
# Each preset takes about 5-8 minutes on 2 cores (build dominates).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}

run_preset() {
  local preset=$1; shift
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$JOBS" --target supplysim supplysim_tests supplysim_safety_tests
  echo "== $preset: tests labelled $*"
  ctest --preset "$preset" "$@" -j "$JOBS" --timeout 900
}

presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(asan-ubsan tsan)
for p in "${presets[@]}"; do
  case "$p" in
    asan-ubsan) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
                run_preset asan-ubsan -L sanitizer ;;
    tsan) TSAN_OPTIONS="halt_on_error=1:suppressions=$PWD/tests/tsan.supp" run_preset tsan -L sanitizer -L threads ;;
    *) echo "unknown preset $p (asan-ubsan or tsan)" >&2; exit 2 ;;
  esac
done
