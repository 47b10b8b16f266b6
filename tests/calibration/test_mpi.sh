#!/bin/bash
# A calibration under mpirun (2 ranks, and 3 oversubscribed) equals the one-machine calibration: the
# same accepted parameter sets, distances, weights, moments and posterior, and the same calibrated
# scenario; bad input stops every rank with one message. Needs SUPPLYSIM and SOURCE_DIR.
set -u
: "${SUPPLYSIM:?set SUPPLYSIM to the supplysim binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the repository}"
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
WORK=$(mktemp -d /tmp/supplysim-calibration-mpi.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v mpirun >/dev/null || skip "mpirun not installed"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
cd "$WORK"
# The recovery test's file, with fewer draws so that the test stays short.
sed -e "s#base: ../data/small.yaml#base: $SOURCE_DIR/tests/data/small.yaml#" \
    -e 's#method: .*#method: {kind: abc_smc, prior_draws: 24, particles: 8, generations: 2, alpha: 0.5}#' \
    "$SOURCE_DIR/tests/calibration/small_recovery.yaml" > calib.yaml
"$SUPPLYSIM" calibrate calib.yaml -o serial.h5 -q || fail "serial calibration"
same_calibration() {
    for object in /generations /posterior /parameters /targets; do
        h5diff -q "$1" "$2" "$object" || fail "$object differs between $1 and $2"
    done
    # The calibrated scenarios differ only in their comment lines (command line, file names).
    diff <(grep -v '^#' "$1.scenario.yaml") <(grep -v '^#' "$2.scenario.yaml") >/dev/null ||
        fail "the calibrated scenarios of $1 and $2 differ"
}
out=$(mpirun -n 2 "$SUPPLYSIM" calibrate calib.yaml -o mpi2.h5 2>&1) || {
    echo "$out" | grep -q "built without MPI" && skip "this supplysim was built without MPI"
    fail "mpirun -n 2: $out"
}
echo "$out" | grep -q "on 2 MPI ranks" || fail "the calibration did not run on 2 ranks: $out"
same_calibration serial.h5 mpi2.h5
mpirun -n 3 "$SUPPLYSIM" calibrate calib.yaml -o mpi3.h5 -q || fail "mpirun -n 3"
same_calibration serial.h5 mpi3.h5
# Bad input: every rank stops with exit 2, and only one prints.
sed 's#max: 16#max: -16#' calib.yaml > bad.yaml
out=$(mpirun -n 2 "$SUPPLYSIM" calibrate bad.yaml -o bad.h5 2>&1) && fail "bad calibration accepted under MPI"
[ "$(echo "$out" | grep -c '^supplysim: ')" = 1 ] || fail "expected one error message: $out"
[ ! -e bad.h5 ] || fail "bad input left an output file"
echo "calibration mpi: ok"
