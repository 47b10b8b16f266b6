#!/usr/bin/env bash
# Parameter ensembles at full size: `supplysim run` of the baseline and of the programme of action
# (120,000 workers, 2017-2030) as ensembles of N draws from the shipped calibration posterior, each run
# as a user runs it (draws, simulation, file written). Prints wall and CPU seconds per scenario, the
# total, the file sizes and the load average after each run (other work on the machine slows the wall
# time, not the CPU time); with R > 1 repetitions, each figure's median (docs/performance.md).
# usage: bench/ensemble_bench.sh SUPPLYSIM_BINARY [N=100 draws] [R=1 repetitions] [THREADS=2] [K=2 replicates per draw]
set -euo pipefail
bin=$(realpath "${1:?usage: ensemble_bench.sh SUPPLYSIM_BINARY [N] [R] [THREADS] [K]}")
cd "$(dirname "$0")/.."
draws=${2:-100} reps=${3:-1} threads=${4:-2} per_draw=${5:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The shipped posterior with this benchmark's replicates per draw (the draws are set by --draws).
sed "s/^  replicates_per_draw: .*/  replicates_per_draw: $per_draw/" scenarios/calibrated_uncertainty.yaml >"$work/uncertainty.yaml"
sed -i "s|^  posterior: |  posterior: $PWD/scenarios/|" "$work/uncertainty.yaml"
echo "ensemble_bench: $draws draws x $per_draw replicates per draw, $threads threads, $(nproc) cores, $reps repetition(s)"
for ((i = 1; i <= reps; i++)); do
  for scenario in baseline programme_2017_21; do
    out=$work/$scenario.h5
    rm -f "$out"
    TIMEFORMAT='%R %U %S'
    { time "$bin" run "scenarios/$scenario.yaml" -o "$out" -q --uncertainty "$work/uncertainty.yaml" \
        --draws "$draws" --threads "$threads" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }; } 2>"$work/time"
    read -r wall user sys <"$work/time"
    echo "run $i $scenario: wall_s $wall user_s $user sys_s $sys file_bytes $(stat -c %s "$out") load_1min $(cut -d' ' -f1 /proc/loadavg)"
  done
done | tee "$work/runs.txt"
/usr/bin/python3 - "$work/runs.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
table = {}
for r in rows:
    name = r[2].rstrip(":")
    for key, value in zip(r[3::2], r[4::2]):
        table.setdefault((name, key), []).append(float(value))
total = [sum(v) for v in zip(*(table[(n, "wall_s")] for n in ("baseline", "programme_2017_21")))]
for name in ("baseline", "programme_2017_21"):
    cpu = [u + s for u, s in zip(table[(name, "user_s")], table[(name, "sys_s")])]
    print(f"median {name}: wall {statistics.median(table[(name, 'wall_s')]):.1f} s, cpu "
          f"{statistics.median(cpu):.1f} s, file {statistics.median(table[(name, 'file_bytes')]) / 1e6:.1f} MB")
cpu = [sum(v) for v in zip(*(table[(n, k)] for n in ("baseline", "programme_2017_21") for k in ("user_s", "sys_s")))]
print(f"median both scenarios: wall {statistics.median(total):.1f} s, cpu {statistics.median(cpu):.1f} s")
PY
