#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: installs packages, builds, runs every test
# (C++ unit and integration tests, Python analysis tests, reliability, sweeps/MPI/Slurm), then the
# sanitizer builds and a short fuzzing run.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash .ci/install-deps.sh
bash .ci/build.sh
echo "== ctest (release preset, build-rel/)"
ctest --preset release
if [ -f .ci/sanitizers.sh ]; then echo "== sanitizers"; bash .ci/sanitizers.sh; fi
if [ -f .ci/fuzz-smoke.sh ]; then echo "== fuzz smoke"; bash .ci/fuzz-smoke.sh; fi
echo "== all tests passed in $(( $(date +%s) - start )) s"
