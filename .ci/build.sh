#!/usr/bin/env bash
# Configures and builds supplysim with the `release` preset (CMakePresets.json: Release, MPI, tests and
# benchmarks) into build-rel/. Idempotent. Extra arguments go to the configure step, e.g.
# -DPython3_EXECUTABLE=/path/to/python3 or -DCMAKE_CXX_COMPILER_LAUNCHER=ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release "$@" >/dev/null
cmake --build --preset release -j "$(nproc)"
