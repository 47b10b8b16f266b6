#!/bin/bash
# Shards (--shard K/N and the Slurm array variables) merged equal the whole sweep; merge refuses
# missing, duplicate and foreign shards with a clear message.
source "$(dirname "$0")/lib.sh"
trap cleanup_work EXIT
cd "$WORK"
S="$DATA/grid.yaml"
"$SUPPLYSIM" sweep "$S" -o whole.h5 -q || fail "whole sweep"
for k in 0 1 2; do "$SUPPLYSIM" sweep "$S" --shard $k/3 -o part-$k.h5 -q || fail "shard $k"; done
"$SUPPLYSIM" merge part-0.h5 part-1.h5 part-2.h5 -o merged.h5 -q || fail "merge"
same_results whole.h5 merged.h5
[ "$(h5dump -d /runs/id part-1.h5 | grep -c '(0): 1, 4')" = 1 ] || fail "part-1 should hold runs 1 and 4"

# Slurm array variables (array 1-3: shard = ID - MIN).
for id in 1 2 3; do
    SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=3 "$SUPPLYSIM" sweep "$S" -o arr-$id.h5 -q || fail "array task $id"
done
"$SUPPLYSIM" merge arr-*.h5 -o merged-arr.h5 -q || fail "merge of array parts"
same_results whole.h5 merged-arr.h5

# Refusals.
expect_exit 2 "runs are missing (2, 5)" "$SUPPLYSIM" merge part-0.h5 part-1.h5 -o bad.h5
expect_exit 2 "is in both" "$SUPPLYSIM" merge part-0.h5 part-1.h5 part-1.h5 part-2.h5 -o bad.h5
sed 's/values: \[0.2, 1.0, 3.0\]/values: [0.2, 1.0, 2.0]/' "$S" | sed "s#base: ../../data/small.yaml#base: $SOURCE_DIR/tests/data/small.yaml#" > other.yaml
"$SUPPLYSIM" sweep other.yaml --shard 2/3 -o other-2.h5 -q || fail "other shard"
expect_exit 2 "different sweep" "$SUPPLYSIM" merge part-0.h5 part-1.h5 other-2.h5 -o bad.h5
[ ! -e bad.h5 ] && [ ! -e bad.h5.partial ] || fail "a refused merge left a file"
# h5diff does see differences (guards the comparisons above).
"$SUPPLYSIM" sweep other.yaml -o other.h5 -q || fail "other sweep"
h5diff -q whole.h5 other.h5 /indicators >/dev/null && fail "h5diff found no difference between different sweeps"
echo "shards and merge: ok"
