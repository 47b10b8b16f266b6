#!/usr/bin/env bash
# Are two supplysim binaries' outputs bit-identical? Runs every shipped scenario (baseline, the
# programme of action, double inspection, every scenarios/levers/*.yaml and the calibrated baseline)
# with 2 replicates at 1 and 2 threads, and the inspection-intensity sweep, with both binaries, and
# compares /indicators and /assessments (every value the old build wrote, bit for bit, matched by
# group) and (sweeps) /runs with h5diff, which reports any value that differs at all. Use it after a
# change that should not change results (a refactor, a speed-up).
#
# usage: bench/compare_outputs.sh OLD_BINARY NEW_BINARY [WORK_DIR]
# OLD_TREE=<folder> runs the old binary on that tree's scenarios (e.g. `git archive <old commit>
# scenarios | tar -x -C <folder>`), for scenario files the old binary cannot read (new keys or values).
# Prints one line per comparison; exits 1 if any differs, 0 if all are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare_outputs.sh OLD_BINARY NEW_BINARY [WORK_DIR]}
new=${2:?usage: compare_outputs.sh OLD_BINARY NEW_BINARY [WORK_DIR]}
work=${3:-$(mktemp -d)}
old_tree=${OLD_TREE:-.}
mkdir -p "$work"
command -v h5diff >/dev/null || { echo "h5diff not found (Debian package hdf5-tools)" >&2; exit 2; }

failures=0
# Bit for bit, every dataset under OBJECT (/indicators or /assessments) of the old file against the
# new file's dataset of the same name, group by group matched by (dimension, value): a newer build may
# write more groups (crossings) or more measures, and what the old one wrote must not change.
same() {
  local a=$1 b=$2 object=$3 label=$4
  if ! h5ls "$a/$object" >/dev/null 2>&1 && ! h5ls "$b/$object" >/dev/null 2>&1; then
    return 0  # in neither file (a scenario without assessment points has no /assessments)
  fi
  if /usr/bin/python3 - "$a" "$b" "$object" <<'PY'
import sys
import h5py
import numpy as np
a, b = (h5py.File(p, "r") for p in sys.argv[1:3])
obj = sys.argv[3].strip("/")
def text(x):
    return x.decode() if isinstance(x, bytes) else str(x)
def groups(f):
    return {(text(r["dimension"]), text(r["value"])): i for i, r in enumerate(f["groups"][()])}
ga, gb = groups(a), groups(b)
if obj not in b or not set(ga) <= set(gb):
    sys.exit(1)
order = sorted(ga.items(), key=lambda kv: kv[1])
take = [gb[key] for key, _ in order]
for name, ds in a[obj].items():
    if name not in b[obj]:
        sys.exit(1)
    old, new = ds[()], b[obj][name][()]
    if ds.ndim == 4:  # [run, replicate, month or assessment, group]
        new = new[..., take]
        if old.shape != new.shape or not np.array_equal(old.view(np.uint64), new.view(np.uint64)):
            sys.exit(1)
    elif not np.array_equal(old, new):  # the assessments' names, dates and months
        sys.exit(1)
PY
  then
    echo "identical  $label $object"
  else
    echo "DIFFERENT  $label $object"
    failures=$((failures + 1))
  fi
}

# h5diff exits 0 when the objects are identical, 1 when they differ, 2 on errors (e.g. missing).
same_h5diff() {
  local a=$1 b=$2 object=$3 label=$4
  if h5diff -q "$a" "$b" "$object" "$object" >/dev/null 2>&1; then
    echo "identical  $label $object"
  else
    echo "DIFFERENT  $label $object"
    failures=$((failures + 1))
  fi
}

scenarios=(scenarios/baseline.yaml scenarios/programme_2017_21.yaml scenarios/double_inspection.yaml
           scenarios/levers/*.yaml scenarios/calibration/baseline_calibrated.yaml)
for scenario in "${scenarios[@]}"; do
  name=$(basename "$scenario" .yaml)
  if grep -q '^uncertainty:' "$scenario"; then
    # Builds from before parameter ensembles do not know the block: compare the plain scenario.
    plain=$work/$name.yaml
    sed -e "s|^extends: |extends: $PWD/$(dirname "$scenario")/|" -e '/^uncertainty:/,$d' "$scenario" >"$plain"
    scenario=$plain
  fi
  for threads in 1 2; do
    a=$work/old-$name-t$threads.h5 b=$work/new-$name-t$threads.h5
    "$old" run "$old_tree/$scenario" -o "$a" --replicates 2 --threads "$threads" >/dev/null
    "$new" run "$scenario" -o "$b" --replicates 2 --threads "$threads" >/dev/null
    same "$a" "$b" /indicators "$scenario threads=$threads"
    same "$a" "$b" /assessments "$scenario threads=$threads"
  done
done

sweep=scenarios/sweeps/inspection_intensity.yaml
a=$work/old-sweep.h5 b=$work/new-sweep.h5
rm -rf "$a" "$b" "$a.partial.d" "$b.partial.d"
"$old" sweep "$old_tree/$sweep" -o "$a" --threads 2 --quiet >/dev/null
"$new" sweep "$sweep" -o "$b" --threads 2 --quiet >/dev/null
same_h5diff "$a" "$b" /runs "$sweep"
same "$a" "$b" /indicators "$sweep"
# Run by run, bit for bit (NaN where a group has no workers compares equal to itself).
if ! /usr/bin/python3 - "$a" "$b" <<'PY'
import sys
import h5py
import numpy as np
a, b = (h5py.File(p, "r") for p in sys.argv[1:3])
bad = 0
def text(x):
    return x.decode() if isinstance(x, bytes) else str(x)
def groups(f):
    return {(text(r["dimension"]), text(r["value"])): i for i, r in enumerate(f["groups"][()])}
ga, gb = groups(a), groups(b)
take = [gb[key] for key, _ in sorted(ga.items(), key=lambda kv: kv[1])]
runs = a["runs/id"].shape[0]
for r in range(runs):
    same = all(np.array_equal(a["indicators"][n][r].view(np.uint64),
                              b["indicators"][n][r][..., take].view(np.uint64)) for n in a["indicators"])
    bad += not same
    print(("identical  " if same else "DIFFERENT  ") + f"sweep run {r} (run id {a['runs/id'][r]}), every indicator")
sys.exit(1 if bad else 0)
PY
then
  failures=$((failures + 1))
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures comparison(s) differ (files in $work)"
  exit 1
fi
echo "all identical (files in $work)"
