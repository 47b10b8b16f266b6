#!/bin/bash
# A one-node Slurm cluster started inside the test (munged, slurmctld, slurmd from Debian): the
# shipped job-array script sweeps in 3 shards, merge joins them, and the result equals the serial
# sweep; the shipped MPI script (srun --mpi=pmix, 2 tasks) gives the same. Every daemon started here
# is stopped by PID, also on failure. Exit 77 (skip) with the reason when the cluster cannot start.
source "$(dirname "$0")/lib.sh"
for b in munged slurmctld slurmd sbatch sinfo; do
    command -v $b >/dev/null || [ -x /usr/sbin/$b ] || skip "$b not installed (Debian packages slurm-wlm munge)"
done
[ "$(id -u)" = 0 ] || skip "starting slurmd/munged here needs root"
PATH=$PATH:/usr/sbin
PIDS=()
STARTED_MUNGE=""
stop_all() {
    [ -n "${SLURM_CONF:-}" ] && scancel --full -u root >/dev/null 2>&1 || true
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -9 "$p" 2>/dev/null; done
    if [ -n "$STARTED_MUNGE" ]; then kill "$STARTED_MUNGE" 2>/dev/null; fi
    cleanup_work
}
trap stop_all EXIT
for port in 6817 6818; do
    (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && skip "port $port is in use (another Slurm running?)"
done

# munge: reuse a running munged, otherwise start one and remember its PID.
if ! munge -n >/dev/null 2>&1; then
    install -d -o munge -g munge -m 755 /run/munge
    runuser -u munge -- /usr/sbin/munged --force 2>"$WORK/munged.err" || skip "munged would not start: $(cat "$WORK/munged.err")"
    for i in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
    STARTED_MUNGE=$(cat /run/munge/munged.pid 2>/dev/null)
    munge -n >/dev/null 2>&1 || skip "munged started but munge -n fails"
fi

S="$WORK/slurm"
mkdir -p "$S/state" "$S/spool"
cat > "$S/slurm.conf" <<CONF
ClusterName=supplysimtest
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=pmix
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MailProg=/bin/true
ReturnToService=2
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
setsid slurmctld -D -c >"$S/ctld.out" 2>&1 &
PIDS+=($!)
setsid slurmd -D -N localhost >"$S/d.out" 2>&1 &
PIDS+=($!)
state=""
for i in $(seq 100); do
    state=$(sinfo -h -o %T 2>/dev/null | head -1)
    [ "$state" = idle ] && break
    sleep 0.2
done
[ "$state" = idle ] || skip "local Slurm did not come up (node state '$state'): $(tail -3 "$S/slurmctld.log" "$S/slurmd.log" 2>/dev/null)"
echo "slurm up"

cd "$WORK"
"$SUPPLYSIM" sweep "$DATA/grid.yaml" -o serial.h5 -q || fail "serial sweep"
export SUPPLYSIM
# Job array, then merge in a job that depends on it.
job=$(sbatch --parsable --array=0-2 --cpus-per-task=1 --output="$WORK/array-%a.out" \
      "$SOURCE_DIR/scenarios/slurm/sweep_array.sbatch" "$DATA/grid.yaml" "$WORK/parts") || fail "sbatch array"
sbatch --wait --dependency=afterok:$job --output="$WORK/merge.out" \
      --wrap "$SUPPLYSIM merge $WORK/parts/part-0.h5 $WORK/parts/part-1.h5 $WORK/parts/part-2.h5 -o $WORK/array.h5" >/dev/null \
      || fail "merge job failed: $(cat "$WORK"/array-*.out "$WORK/merge.out" 2>/dev/null)"
grep -q "shard 1/3 from SLURM_ARRAY_TASK_ID=1" array-1.out || fail "array task 1 did not take shard 1/3: $(cat array-1.out)"
same_results serial.h5 array.h5
echo "job array: ok"
# MPI job through srun --mpi=pmix.
if "$SUPPLYSIM" sweep "$DATA/grid.yaml" --list >/dev/null && command -v mpirun >/dev/null; then
    sbatch --wait --ntasks=2 --cpus-per-task=1 --output="$WORK/mpi.out" \
        "$SOURCE_DIR/scenarios/slurm/sweep_mpi.sbatch" "$DATA/grid.yaml" "$WORK/mpi.h5" >/dev/null || {
        grep -q "built without MPI" mpi.out && { echo "slurm: ok (MPI job skipped: built without MPI)"; exit 0; }
        fail "MPI job failed: $(cat mpi.out)"
    }
    grep -q "2 MPI ranks" mpi.out || fail "the MPI job did not run on 2 ranks: $(cat mpi.out)"
    same_results serial.h5 mpi.h5
    echo "MPI job: ok"
    # A calibration as an MPI job equals the one-machine calibration.
    sed -e "s#base: ../data/small.yaml#base: $SOURCE_DIR/tests/data/small.yaml#" \
        -e 's#method: .*#method: {kind: abc_rejection, prior_draws: 12, particles: 4}#' \
        "$SOURCE_DIR/tests/calibration/small_recovery.yaml" > calib.yaml
    "$SUPPLYSIM" calibrate calib.yaml -o calib-serial.h5 -q || fail "serial calibration"
    sbatch --wait --ntasks=2 --cpus-per-task=1 --output="$WORK/calib.out" \
        "$SOURCE_DIR/scenarios/slurm/calibrate_mpi.sbatch" "$WORK/calib.yaml" "$WORK/calib-mpi.h5" >/dev/null ||
        fail "MPI calibration job failed: $(cat calib.out)"
    grep -q "on 2 MPI ranks" calib.out || fail "the calibration job did not run on 2 ranks: $(cat calib.out)"
    for object in /generations /posterior; do
        h5diff -q calib-serial.h5 calib-mpi.h5 "$object" || fail "$object differs between the serial and the Slurm calibration"
    done
    echo "MPI calibration job: ok"
fi
echo "slurm: ok"
