#!/usr/bin/env bash
# Builds the asan-ubsan and tsan presets (CMakePresets.json) and runs a named subset of the test suite
# under each. Usage: .ci/sanitizers.sh [asan-ubsan|tsan]...   (default: both)
# Each preset takes about 5-8 minutes on 2 cores (build dominates).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}

# ASan+UBSan: input handling end to end (the malformed table, faults without signal timings), the
# loader, config tree, HDF5 file, CLI, the atomic writer and input-file checks, and the model's building blocks.
ASAN_SUBSET='safety:|assessments:|outcome batch:|batched Philox|portable Philox|philox_blocks|draw thresholds|round_half_away|file name the system refuses|reliability\.malformed_input|reliability\.faults_quick|extends|malformed|unknown keys|bad values|defaults fill|shipped scenarios|bad scenario|validate, indicators|info refuses|round-trip|population|counter-based|uniforms|months parse|compliance:|inspection:|subcontracting:|worker outcomes:|bit-identical'
# TSan: everything that runs TBB-parallel replicates and phases, and writes files from them.
TSAN_SUBSET='bit-identical|byte-for-byte|round-trip|bad scenario|worker outcomes:|population follows'

run_preset() {
  local preset=$1 subset=$2
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$JOBS" --target supplysim supplysim_tests supplysim_safety_tests
  echo "== $preset: tests matching: $subset"
  ctest --preset "$preset" -R "$subset" -j "$JOBS" --timeout 900
}

presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(asan-ubsan tsan)
for p in "${presets[@]}"; do
  case "$p" in
    asan-ubsan) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
                run_preset asan-ubsan "$ASAN_SUBSET" ;;
    tsan) TSAN_OPTIONS="halt_on_error=1:suppressions=$PWD/tests/tsan.supp" run_preset tsan "$TSAN_SUBSET" ;;
    *) echo "unknown preset $p (asan-ubsan or tsan)" >&2; exit 2 ;;
  esac
done
