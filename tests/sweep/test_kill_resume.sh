#!/bin/bash
# A sweep killed with SIGKILL at random moments, again and again, then resumed, equals the sweep run
# in one go; no finished run is run again; the output never looks complete before it is.
# SIGINT keeps finished runs, leaves OUT.partial valid and marked incomplete, exits 130.
source "$(dirname "$0")/lib.sh"
trap cleanup_work EXIT
cd "$WORK"
cat > medium.yaml <<YAML
extends: $SOURCE_DIR/tests/data/small.yaml
name: medium
countries:
  - {name: north, workers: 18000}
  - {name: south, workers: 12000}
YAML
cat > kill.yaml <<YAML
base: medium.yaml
replicates: 2
parameters:
  - path: countries.south.inspectorate.sanction_months
    min: 6
    max: 48
    steps: 12
YAML
"$SUPPLYSIM" sweep kill.yaml -o ref.h5 -q || fail "reference sweep"
runs_done() { ls out.h5.partial.d 2>/dev/null | grep -c '^run-.*\.h5$' || true; }
inodes() { (cd out.h5.partial.d 2>/dev/null && stat -c '%n %i' run-*.h5 2>/dev/null | sort) || true; }

RANDOM=4242
resume=""
for attempt in 1 2 3 4; do
    before=$(inodes)
    n_before=$(runs_done)
    "$SUPPLYSIM" sweep kill.yaml -o out.h5 $resume --threads 2 2> log-$attempt.txt &
    pid=$!
    sleep "$((RANDOM % 2)).$((RANDOM % 9 + 1))"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    resume="--resume"
    if [ -e out.h5 ]; then
        if [ -e out.h5.partial.d ]; then
            # Killed after the rename, while the checkpoints were being removed: the output is whole,
            # and a resume finishes the clean-up (docs/reliability.md, crash consistency).
            "$SUPPLYSIM" sweep kill.yaml -o out.h5 --resume -q || fail "resume after a kill during the clean-up"
        fi
        echo "attempt $attempt finished before the kill"
        break
    fi
    # Runs finished before this attempt are still there, untouched (not rerun, not rewritten).
    after=$(inodes)
    [ -z "$before" ] || [ "$(comm -23 <(echo "$before") <(echo "$after") | grep -c .)" = 0 ] || fail "a finished run was rewritten or lost"
    if [ "$attempt" -gt 1 ] && [ "$n_before" -gt 0 ]; then
        grep -q "sweep: $n_before of 12 runs already done" log-$attempt.txt || fail "resume did not reuse $n_before runs: $(cat log-$attempt.txt)"
    fi
    echo "attempt $attempt: killed with $(runs_done) of 12 runs finished"
done

if [ ! -e out.h5 ]; then
    # SIGINT: finished runs kept, OUT.partial valid and incomplete, exit 130.
    n=$(runs_done)
    "$SUPPLYSIM" sweep kill.yaml -o out.h5 --resume --threads 1 2> log-int.txt &
    pid=$!
    for i in $(seq 100); do [ "$(runs_done)" -gt "$n" ] && break; sleep 0.05; done
    kill -INT $pid
    rc=0; wait $pid || rc=$?
    if [ ! -e out.h5 ]; then
        [ "$rc" = 130 ] || fail "SIGINT: expected exit 130, got $rc: $(cat log-int.txt)"
        [ -e out.h5.partial ] || fail "SIGINT left no out.h5.partial"
        h5dump -a /complete out.h5.partial | grep -q "(0): 0" || fail "out.h5.partial is not marked incomplete"
        "$SUPPLYSIM" info out.h5.partial >/dev/null 2>&1 && fail "info accepted an incomplete file"
        grep -q "with --resume" log-int.txt || fail "no hint to resume: $(cat log-int.txt)"
        echo "SIGINT: exit 130 with $(runs_done) runs kept"
    fi
    "$SUPPLYSIM" sweep kill.yaml -o out.h5 --resume -q || fail "final resume"
fi
[ -e out.h5 ] && [ ! -e out.h5.partial ] && [ ! -e out.h5.partial.d ] || fail "after the final resume: $(ls)"
same_results ref.h5 out.h5
expect_exit 0 "already complete" "$SUPPLYSIM" sweep kill.yaml -o out.h5 --resume
# Without --resume a leftover work folder is not silently thrown away.
mkdir -p out2.h5.partial.d
expect_exit 2 "add --resume" "$SUPPLYSIM" sweep kill.yaml -o out2.h5
echo "kill and resume: ok"
