#!/usr/bin/env bash
# Is a change as fast as before? Runs two supplysim_bench binaries in turn (old, new, old, new, ...)
# N times each, so that both see the same machine load, and prints each run's headline figures and the
# medians and ratios (new / old). One interleaved series is the comparison to quote (docs/performance.md).
# usage: bench/ab_bench.sh OLD_BENCH NEW_BENCH [N=5] [bench options, default --quick --skip-10m]
set -euo pipefail
old=$(realpath "${1:?usage: ab_bench.sh OLD_BENCH NEW_BENCH [N] [options]}")
new=$(realpath "${2:?usage: ab_bench.sh OLD_BENCH NEW_BENCH [N] [options]}")
cd "$(dirname "$0")/.."
n=${3:-5}
shift $(( $# < 3 ? $# : 3 ))
opts=("$@")
[ ${#opts[@]} -gt 0 ] || opts=(--quick --skip-10m)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
figures=("worker-months/s, 1M workers, 2 threads" "worker-months/s, 1M workers, 1 thread"
         "sweep overhead: ms per run, 1,000-worker world, sim + write")
for ((i = 1; i <= n; i++)); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    (cd "$work" && "$bin" "${opts[@]}" > "$work/$which-$i.txt" 2>&1)
    line=""
    for f in "${figures[@]}"; do line+="$(grep -F "$f" "$work/$which-$i.txt" | head -1 | awk '{print $NF}')  "; done
    echo "run $i $which: $line"
  done
done
echo
/usr/bin/python3 - "$work" "$n" "${figures[@]}" <<'PY'
import statistics, sys
work, n, figures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def value(path, figure):
    for line in open(path):
        if figure in line:
            return float(line.split()[-1])
print(f"{'figure':66} {'old median':>11} {'new median':>11} {'new/old':>8}")
for f in figures:
    med = {w: statistics.median(value(f"{work}/{w}-{i}.txt", f) for i in range(1, n + 1)) for w in ("old", "new")}
    print(f"{f:66} {med['old']:11.3f} {med['new']:11.3f} {med['new'] / med['old']:8.3f}")
PY
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
