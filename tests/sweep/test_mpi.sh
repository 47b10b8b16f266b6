#!/bin/bash
# A 2-rank (and a 3-rank, oversubscribed) mpirun sweep equals the serial sweep value for value.
source "$(dirname "$0")/lib.sh"
trap cleanup_work EXIT
command -v mpirun >/dev/null || skip "mpirun not installed"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
cd "$WORK"
for s in grid sobol; do
    "$SUPPLYSIM" sweep "$DATA/$s.yaml" -o serial-$s.h5 -q || fail "serial $s"
done
out=$(mpirun -n 2 "$SUPPLYSIM" sweep "$DATA/grid.yaml" -o mpi2.h5 2>&1) || {
    echo "$out" | grep -q "built without MPI" && skip "this supplysim was built without MPI"
    fail "mpirun -n 2: $out"
}
echo "$out" | grep -q "2 MPI ranks" || fail "the sweep did not run on 2 ranks: $out"
same_results serial-grid.h5 mpi2.h5
mpirun -n 3 "$SUPPLYSIM" sweep "$DATA/sobol.yaml" -o mpi3.h5 -q || fail "mpirun -n 3"
same_results serial-sobol.h5 mpi3.h5
# Bad input: every rank stops with exit 2 and one message.
printf 'base: %s\nparameters:\n  - path: countries.south.rule_of_law\n    values: [0.5, 2]\n' "$SOURCE_DIR/tests/data/small.yaml" > bad.yaml
out=$(mpirun -n 2 "$SUPPLYSIM" sweep bad.yaml -o bad.h5 2>&1) && fail "bad sweep accepted under MPI"
[ "$(echo "$out" | grep -c 'out of range')" = 1 ] || fail "expected one error message: $out"
echo "mpi: ok"
