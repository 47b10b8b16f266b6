#!/usr/bin/env python3
"""Nothing lost: every `supplysim` command run as a hostile user would, each case with its exact
message and exit code, and the files on disk checked after it (docs/reliability.md, "Nothing lost").

  aliasing    an output that is an input (a scenario, its extends: chain, a sweep's base, a
              calibration file, a shard) or another output is refused, exit 2, naming both
  replacing   an existing output needs --force; sweep --resume never replaces another sweep's file
  writers     a second writer is refused naming the first's pid; a left-over .partial is never deleted
  preflight   a missing or read-only output folder, and memory, are refused before any work (exit 2)
  disk        a full disk (ulimit -f, a small tmpfs) leaves the old files intact and no .partial
  inputs      FIFOs, devices, folders and files of another format_version are refused without blocking
  interrupts  SIGINT/SIGTERM end every phase within about a second, exit 130, nothing that looks
              complete; the same for the ranks of an MPI sweep
  resume      damaged checkpoints and an OUT.partial without its folder resume to the same results

usage: run_safety.py --binary build-rel/sim/supplysim --source . [--only aliasing,writers,...]
"""
import argparse
import hashlib
import os
import pathlib
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FAILURES = []
CASES = [0]
CRASH_SIGNS = ("terminate called", "Sanitizer", "runtime error:", "Segmentation", "HDF5-DIAG", "Traceback", "what():")


def expect(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL", what)
    return cond


def run(argv, cwd, timeout=300, **kw):
    p = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, timeout=timeout, **kw)
    return p.returncode, p.stderr.decode("utf-8", "replace"), p.stdout.decode("utf-8", "replace")


def digest(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


class Env:
    def __init__(self, binary, source, tmp):
        self.bin, self.src, self.tmp = binary, source, tmp
        self.version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.split()[-1]

    def folder(self, name):
        d = self.tmp / name
        d.mkdir()
        shutil.copy(self.src / "tests/data/small.yaml", d / "base.yaml")
        (d / "child.yaml").write_text("extends: base.yaml\nname: child\n")
        (d / "sweep.yaml").write_text("base: base.yaml\nreplicates: 2\nparameters:\n"
                                      "  - path: countries.south.inspectorate.sanction_months\n    values: [6, 12, 24, 48]\n")
        (d / "other_sweep.yaml").write_text("base: base.yaml\nreplicates: 2\nparameters:\n"
                                            "  - path: countries.south.inspectorate.sanction_months\n    values: [6, 12]\n")
        text = (self.src / "tests/calibration/small_recovery.yaml").read_text()
        text = text.replace("base: ../data/small.yaml", "base: base.yaml")
        text = re.sub(r"method: .*", "method: {kind: abc_rejection, prior_draws: 6, particles: 3}", text)
        (d / "calib.yaml").write_text(text)
        return d

    def refused(self, argv, cwd, code, message, unchanged=(), absent=(), name=None):
        """`argv` exits with `code` and exactly one line "supplysim: <message>"; the files in
        `unchanged` keep their bytes and those in `absent` do not exist afterwards."""
        CASES[0] += 1
        before = {f: digest(cwd / f) for f in unchanged}
        rc, err, _ = run([self.bin] + argv, cwd)
        name = name or " ".join(map(str, argv))
        expect(rc == code, f"{name}: exit {rc}, expected {code}: {err.strip()[:300]}")
        expect(err == f"supplysim: {message}\n", f"{name}: message\n    got      {err.strip()!r}\n    expected {message!r}")
        for f, d in before.items():
            expect((cwd / f).exists() and digest(cwd / f) == d, f"{name}: {f} changed")
        for f in absent:
            expect(not (cwd / f).exists(), f"{name}: {f} exists")
        return rc, err

    def ok(self, argv, cwd, name=None):
        rc, err, out = run([self.bin] + argv, cwd)
        expect(rc == 0, f"{name or ' '.join(map(str, argv))}: exit {rc}: {err.strip()[:300]}")
        return err

    def h5attr(self, path, name):
        rc, _, out = run(["h5dump", "-a", "/" + name, path], self.tmp)
        m = re.search(r"\(0\): (.*)", out)
        return m.group(1).strip().strip('"') if m else None


def same_data(env, folder, a, b, what):
    for obj in ("/indicators", "/runs"):
        rc, _, out = run(["h5diff", "-q", a, b, obj], folder)
        expect(rc == 0, f"{what}: {obj} differs between {a} and {b}")


# --- outputs that are inputs or each other --------------------------------------------------------
def test_aliasing(env):
    d = env.folder("aliasing")
    env.refused(["run", "base.yaml", "-o", "base.yaml", "-q"], d, 2,
                "-o base.yaml would overwrite the input base.yaml; choose another output name", unchanged=["base.yaml"])
    env.refused(["run", "child.yaml", "-o", "base.yaml", "-q", "--force"], d, 2,
                "-o base.yaml would overwrite the input base.yaml; choose another output name", unchanged=["base.yaml"],
                name="run of a child -o its extends: file")
    os.link(d / "base.yaml", d / "hard.yaml")
    (d / "soft.yaml").symlink_to("base.yaml")
    env.refused(["run", "soft.yaml", "-o", "hard.yaml", "-q", "--force"], d, 2,
                "-o hard.yaml would overwrite the input soft.yaml; choose another output name", unchanged=["base.yaml"],
                name="run through a symbolic link -o a hard link of the same file")
    env.refused(["sweep", "sweep.yaml", "-o", "base.yaml", "-q", "--force"], d, 2,
                "-o base.yaml would overwrite the input base.yaml; choose another output name", unchanged=["base.yaml"])
    env.refused(["sweep", "sweep.yaml", "-o", "sweep.yaml", "-q", "--force"], d, 2,
                "-o sweep.yaml would overwrite the input sweep.yaml; choose another output name", unchanged=["sweep.yaml"])
    (d / "ck").mkdir()
    (d / "ck/out.h5.partial.d").mkdir()
    shutil.copy(d / "base.yaml", d / "ck/out.h5.partial.d/base.yaml")
    (d / "ck/out.h5.partial.d/sweep.yaml").write_text((d / "sweep.yaml").read_text())
    env.refused(["sweep", "ck/out.h5.partial.d/sweep.yaml", "-o", "ck/out.h5", "-q"], d, 2,
                "the checkpoint folder ck/out.h5.partial.d of -o ck/out.h5 would hold the input ck/out.h5.partial.d/sweep.yaml; "
                "choose another output name")
    env.refused(["calibrate", "calib.yaml", "-o", "c.h5", "--scenario-out", "base.yaml", "-q", "--force"], d, 2,
                "--scenario-out base.yaml would overwrite the input base.yaml; choose another output name",
                unchanged=["base.yaml"], absent=["c.h5", "c.h5.partial"])
    env.refused(["calibrate", "calib.yaml", "-o", "c.h5", "--scenario-out", "c.h5", "-q"], d, 2,
                "-o c.h5 and --scenario-out c.h5 are the same file; give them different names", absent=["c.h5"])
    env.refused(["calibrate", "calib.yaml", "-o", "c.h5", "--scenario-out", "c.h5.partial", "-q"], d, 2,
                "the temporary file c.h5.partial of -o c.h5 and --scenario-out c.h5.partial are the same file; "
                "give them different names", absent=["c.h5", "c.h5.partial"])
    env.refused(["calibrate", "calib.yaml", "-o", "calib.yaml", "-q", "--force"], d, 2,
                "-o calib.yaml would overwrite the input calib.yaml; choose another output name", unchanged=["calib.yaml"])
    env.ok(["sweep", "sweep.yaml", "--shard", "0/2", "-o", "a.h5", "-q"], d)
    env.ok(["sweep", "sweep.yaml", "--shard", "1/2", "-o", "b.h5", "-q"], d)
    env.refused(["merge", "a.h5", "b.h5", "-o", "b.h5", "--force"], d, 2,
                "-o b.h5 would overwrite the input b.h5; choose another output name", unchanged=["b.h5"])
    env.refused(["run", "base.yaml", "-o", "x.partial", "-q"], d, 2,
                "-o x.partial: names ending in .partial are kept for files being written; choose another name")
    env.refused(["run", "base.yaml", "-o", "/dev/null", "-q", "--force"], d, 2,
                "-o /dev/null is not a regular file; give the name of a file to write")
    env.refused(["sweep", "sweep.yaml", "-o", ".", "-q", "--force"], d, 2, "-o . is a folder; give the name of a file to write")


# --- existing outputs --------------------------------------------------------------------------------
def test_replacing(env):
    d = env.folder("replacing")
    env.ok(["run", "base.yaml", "-o", "x.h5", "-r", "3", "-q"], d)
    env.refused(["run", "base.yaml", "-o", "x.h5", "-r", "2", "-q"], d, 2,
                "x.h5 already exists; add --force to replace it (it stays as it is until the new file is complete), "
                "or choose another name for -o", unchanged=["x.h5"], absent=["x.h5.partial"])
    env.ok(["run", "base.yaml", "-o", "x.h5", "-r", "2", "-q", "--force"], d)
    expect(env.h5attr(d / "x.h5", "replicates") == "2", "run --force did not replace the file")
    env.ok(["sweep", "sweep.yaml", "-o", "s.h5", "-q"], d)
    hash_s = env.h5attr(d / "s.h5", "sweep_hash")
    _, _, listing = run([env.bin, "sweep", "other_sweep.yaml", "--list"], d)
    hash_other = re.search(r"sweep_hash (\w+)", listing).group(1)
    env.refused(["sweep", "other_sweep.yaml", "-o", "s.h5", "--resume", "-q"], d, 2,
                f"s.h5 already exists and --resume does not replace it: it holds another sweep (sweep_hash {hash_s}, this sweep is "
                f"{hash_other}); add --force to replace it, or choose another -o", unchanged=["s.h5"], absent=["s.h5.partial.d"])
    env.refused(["sweep", "sweep.yaml", "-o", "x.h5", "--resume", "-q"], d, 2,
                "x.h5 already exists and --resume does not replace it: it is not an output of this sweep (not a sweep file (no "
                "sweep_hash attribute; was it written by `supplysim run`?)); add --force to replace it, or choose another -o",
                unchanged=["x.h5"])
    env.refused(["sweep", "sweep.yaml", "-o", "s.h5", "-q"], d, 2,
                "s.h5 already exists; add --force to replace it (it stays as it is until the new file is complete), "
                "or choose another name for -o", unchanged=["s.h5"])
    err = env.ok(["sweep", "sweep.yaml", "-o", "s.h5", "--resume"], d)
    expect("sweep: s.h5 is already complete; nothing to do" in err, f"resume of a complete sweep: {err.strip()}")
    env.ok(["sweep", "sweep.yaml", "--shard", "0/2", "-o", "a.h5", "-q"], d)
    env.ok(["sweep", "sweep.yaml", "--shard", "1/2", "-o", "b.h5", "-q"], d)
    env.refused(["merge", "a.h5", "b.h5", "-o", "s.h5"], d, 2,
                "s.h5 already exists; add --force to replace it (it stays as it is until the new file is complete), "
                "or choose another name for -o", unchanged=["s.h5"])
    env.ok(["calibrate", "calib.yaml", "-o", "c.h5", "-q"], d)
    env.refused(["calibrate", "calib.yaml", "-o", "c2.h5", "--scenario-out", "c.h5.scenario.yaml", "-q"], d, 2,
                "c.h5.scenario.yaml already exists; add --force to replace it (it stays as it is until the new file is complete), "
                "or choose another name for --scenario-out", unchanged=["c.h5.scenario.yaml"], absent=["c2.h5"])


# --- two writers, left-over .partial files -------------------------------------------------------------
def test_writers(env):
    d = env.folder("writers")
    baseline = env.src / "scenarios/baseline.yaml"
    first = subprocess.Popen([env.bin, "run", baseline, "-o", "x.h5", "-r", "4", "-t", "1", "-q"], cwd=d,
                             stderr=subprocess.PIPE)
    for _ in range(500):
        if (d / "x.h5.partial").exists():
            break
        time.sleep(0.01)
    env.refused(["run", "base.yaml", "-o", "x.h5", "-q"], d, 1, f"another supplysim (pid {first.pid}) is writing x.h5",
                name="a second run -o x.h5 while one writes it")
    env.refused(["sweep", "sweep.yaml", "-o", "x.h5", "--resume", "-q"], d, 1,
                f"another supplysim (pid {first.pid}) is writing x.h5", name="a sweep --resume -o x.h5 while a run writes it")
    _, err = first.communicate(timeout=300)
    expect(first.returncode == 0, f"writers: the first run failed: {err.decode()}")
    expect(run([env.bin, "info", "x.h5"], d)[0] == 0 and not (d / "x.h5.partial").exists(), "writers: the first run's file")
    (d / "y.h5.partial").write_text("left by a killed run")
    left = ("y.h5.partial is left over from a supplysim that stopped before finishing (no process is writing it); finish it "
            "with `sweep --resume` if it belongs to a sweep, otherwise delete it")
    env.refused(["run", "base.yaml", "-o", "y.h5", "-q"], d, 2, left, unchanged=["y.h5.partial"], absent=["y.h5"])
    env.refused(["sweep", "sweep.yaml", "-o", "y.h5", "-q"], d, 2, left, unchanged=["y.h5.partial"], absent=["y.h5"])
    env.refused(["calibrate", "calib.yaml", "-o", "y.h5", "-q"], d, 2, left, unchanged=["y.h5.partial"], absent=["y.h5"])


# --- checks before the work ---------------------------------------------------------------------------
def test_preflight(env):
    d = env.folder("preflight")
    baseline = env.src / "scenarios/baseline.yaml"
    for argv in (["run", baseline, "-o", "nowhere/x.h5", "-q"], ["sweep", "sweep.yaml", "-o", "nowhere/x.h5", "-q"],
                 ["calibrate", "calib.yaml", "-o", "nowhere/x.h5", "-q"]):
        t0 = time.monotonic()
        env.refused(argv, d, 2, "cannot write nowhere/x.h5: the folder nowhere does not exist")
        expect(time.monotonic() - t0 < 3, f"{argv[0]}: the missing folder was found only after {time.monotonic() - t0:.1f} s")
    env.refused(["calibrate", "calib.yaml", "-o", "c.h5", "--scenario-out", "nowhere/c.yaml", "-q"], d, 2,
                "cannot write nowhere/c.yaml: the folder nowhere does not exist", absent=["c.h5", "c.h5.partial"])
    # A read-only folder (as root, only a read-only mount refuses writing).
    ro = d / "ro"
    ro.mkdir()
    script = f"mount -t tmpfs -o size=1m,ro tmpfs {ro} || exit 77; exec {env.bin} run base.yaml -o ro/x.h5 -q"
    p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], cwd=d, capture_output=True)
    if p.returncode == 77 or b"unshare failed" in p.stderr:
        print("  read-only folder: cannot mount here; skipped")
    else:
        CASES[0] += 1
        expect(p.returncode == 2 and p.stderr.decode() ==
               "supplysim: cannot write ro/x.h5: the folder ro is not writable (Read-only file system)\n",
               f"read-only folder: {p.returncode}: {p.stderr.decode().strip()}")
    pattern = (r"supplysim: {file}: the {work} needs about [0-9.]+ (KiB|MiB|GiB) \(1 replicate at a time x [0-9.]+ \w+ for "
               r"{workers} workers in \d+ firms, 1 thread x [0-9.]+ \w+ of counters, [0-9.]+ \w+ of results held until written, "
               r"[0-9.]+ \w+ for the program\), but only {have} is available \(SUPPLYSIM_MEMORY_AVAILABLE\); use fewer workers or "
               r"replicates, or fewer --threads\n")
    small = {**os.environ, "SUPPLYSIM_MEMORY_AVAILABLE": "1000000"}
    for argv, work, file in ((["sweep", "sweep.yaml", "-o", "m.h5", "-t", "1"], "sweep", "sweep.yaml"),
                             (["calibrate", "calib.yaml", "-o", "m.h5", "-t", "1"], "calibration", "calib.yaml")):
        CASES[0] += 1
        rc, err, _ = run([env.bin] + argv, d, env=small)
        expect(rc == 2 and re.fullmatch(pattern.format(file=file, work=work, workers=3000, have=r"976\.6 KiB"), err),
               f"memory refusal of {work}: {rc}: {err.strip()}")
        expect(not (d / "m.h5").exists() and not (d / "m.h5.partial").exists(), f"memory refusal of {work} left a file")
    # A sweep that varies the world's size is sized by its largest run.
    (d / "grow.yaml").write_text("base: base.yaml\nparameters:\n  - path: countries.north.workers\n    values: [1800, 400000000]\n"
                                 "    integer: true\n")
    CASES[0] += 1
    rc, err, _ = run([env.bin, "sweep", "grow.yaml", "-o", "m.h5", "-t", "1"], d, env={**os.environ, "SUPPLYSIM_MEMORY_AVAILABLE": "2000000000"})
    expect(rc == 2 and re.fullmatch(pattern.format(file="grow.yaml", work="sweep", workers=400001200, have=r"1\.9 GiB"), err),
           f"memory refusal of the largest run: {rc}: {err.strip()}")


# --- full disk ------------------------------------------------------------------------------------------
def test_disk(env):
    d = env.folder("disk")
    env.ok(["calibrate", "calib.yaml", "-o", "c.h5", "-q"], d)
    env.ok(["sweep", "sweep.yaml", "-o", "s.h5", "-q"], d)
    olds = {f: digest(d / f) for f in ("c.h5", "c.h5.scenario.yaml", "s.h5")}
    for limit in (1024, 16384):
        def set_limit(limit=limit):
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        for argv, outs in ((["calibrate", "calib.yaml", "-o", "c.h5", "-q", "--force"], ["c.h5", "c.h5.scenario.yaml"]),
                           (["sweep", "sweep.yaml", "-o", "s.h5", "-q", "--force", "-t", "1"], ["s.h5"])):
            CASES[0] += 1
            rc, err, _ = run([env.bin] + argv, d, preexec_fn=set_limit)
            name = f"{argv[0]} under ulimit -f {limit}"
            expect(rc == 1 and err.startswith("supplysim: ") and err.count("\n") == 1 and "File too large" in err,
                   f"{name}: {rc}: {err.strip()}")
            expect(not any(s in err for s in CRASH_SIGNS), f"{name}: crash noise: {err.strip()}")
            for f in outs:
                expect(digest(d / f) == olds[f], f"{name}: the old {f} changed")
                expect(not (d / (f + ".partial")).exists(), f"{name}: left {f}.partial")
            shutil.rmtree(d / "s.h5.partial.d", ignore_errors=True)
    # A real full file system: a 600 KiB tmpfs holding the old files; the new ones do not fit.
    mnt = d / "small_disk"
    mnt.mkdir()
    # The old files and a filler leave about 8 KiB free: less than the new calibration file needs.
    script = (f"mount -t tmpfs -o size=600k tmpfs {mnt} || exit 77; cp base.yaml calib.yaml {mnt}/; cd {mnt}; "
              f"{env.bin} calibrate calib.yaml -o c.h5 -q || exit 78; sha256sum c.h5 c.h5.scenario.yaml > ../before; "
              f"free=$(df --output=avail -B1 . | tail -1); head -c $((free - 8192)) /dev/zero > filler; "
              f"{env.bin} calibrate calib.yaml -o c.h5 -q --force; rc=$?; sha256sum c.h5 c.h5.scenario.yaml > ../after; "
              f"ls -a > ../listing; exit $rc")
    p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], cwd=d, capture_output=True)
    err = p.stderr.decode()
    if p.returncode == 77 or "unshare failed" in err:
        print("  tmpfs: cannot mount here; skipped")
        return
    CASES[0] += 1
    expect(p.returncode == 1 and "No space left on device" in err, f"calibrate on a full tmpfs: {p.returncode}: {err.strip()}")
    expect((d / "before").read_text() == (d / "after").read_text(), "calibrate on a full tmpfs: the old files changed")
    listing = (d / "listing").read_text().split()
    expect(not any(f.endswith(".partial") for f in listing), f"calibrate on a full tmpfs left {listing}")
    print("  tmpfs:", err.strip().replace("\n", " | ")[:300])
    # Too little free space for a run's output: one warning before the work, then the failure.
    script = (f"mount -t tmpfs -o size=256k tmpfs {mnt} && cd {mnt} && "
              f"exec {env.bin} run {env.src}/scenarios/baseline.yaml -o out.h5 -r 2 -q")
    p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], cwd=d, capture_output=True)
    err = p.stderr.decode()
    CASES[0] += 1
    expect(p.returncode == 1 and re.fullmatch(
        r"supplysim: warning: out\.h5 may need up to [0-9.]+ MiB \(1 run x 2 replicates, before compression\), but only "
        r"[0-9.]+ KiB is free there; it may fail when the disk is full\n"
        r"supplysim: out\.h5\.partial: HDF5 error .*No space left on device\n", err) is not None,
        f"run on a too small disk: {p.returncode}: {err!r}")


# --- input files that are not files, and files of another format -------------------------------------------------
def test_inputs(env):
    d = env.folder("inputs")
    os.mkfifo(d / "pipe.h5")
    os.mkfifo(d / "pipe.yaml")
    fifo = "file is a FIFO (named pipe), not a regular file"
    for argv, message in ((["info", "pipe.h5"], f"pipe.h5: {fifo}"), (["sources", "pipe.h5"], f"pipe.h5: {fifo}"),
                          (["validate", "pipe.yaml"], f"pipe.yaml: {fifo}"), (["reference", "pipe.yaml"], f"pipe.yaml: {fifo}"),
                          (["run", "pipe.yaml", "-o", "x.h5"], f"pipe.yaml: {fifo}"),
                          (["sweep", "pipe.yaml", "-o", "x.h5"], f"pipe.yaml: {fifo}"),
                          (["calibrate", "pipe.yaml", "-o", "x.h5"], f"pipe.yaml: {fifo}"),
                          (["merge", "pipe.h5", "-o", "x.h5"], f"merge refused: pipe.h5: {fifo}")):
        t0 = time.monotonic()
        env.refused(argv, d, 2, message, absent=["x.h5", "x.h5.partial"])
        expect(time.monotonic() - t0 < 5, f"{argv[0]} on a FIFO took {time.monotonic() - t0:.1f} s")
    (d / "pipe_child.yaml").write_text("name: c\nextends: pipe.yaml\n")
    env.refused(["validate", "pipe_child.yaml"], d, 2, f"pipe_child.yaml:2:10: 'extends': {fifo}: pipe.yaml")
    (d / "zero.yaml").write_text("extends: /dev/zero\n")
    t0 = time.monotonic()
    env.refused(["run", "zero.yaml", "-o", "x.h5"], d, 2,
                "zero.yaml:1:10: 'extends': file is a character device, not a regular file: /dev/zero")
    expect(time.monotonic() - t0 < 5, "extends: /dev/zero was read for long")
    (d / "sweep_zero.yaml").write_text("base: /dev/zero\nparameters:\n  - {path: seed, values: [1, 2]}\n")
    env.refused(["sweep", "sweep_zero.yaml", "-o", "x.h5"], d, 2,
                "sweep_zero.yaml:1:7: 'base': base scenario \"/dev/zero\" is a character device, not a regular file")
    (d / "big.yaml").write_bytes(b"#" * (64 * 1024 * 1024 + 1))
    env.refused(["validate", "big.yaml"], d, 2, "big.yaml: file is larger than 64 MiB")
    # Another format_version: refused by info and merge in one line.
    env.ok(["run", "base.yaml", "-o", "v1.h5", "-q"], d)
    env.ok(["sweep", "sweep.yaml", "--shard", "0/1", "-o", "part.h5", "-q"], d)
    code = ("import h5py, numpy, sys\n"
            "for f in sys.argv[1:]:\n"
            "    with h5py.File(f, 'a') as h: h.attrs['format_version'] = numpy.int32(3)\n")
    shutil.copy(d / "v1.h5", d / "v3.h5")
    shutil.copy(d / "part.h5", d / "part3.h5")
    subprocess.run(["/usr/bin/python3", "-c", code, d / "v3.h5", d / "part3.h5"], check=True)
    unknown = (f"written in format version 3, which this supplysim ({env.version}) cannot read: it reads format version{{}} "
               "(docs/output-schema.md); use the supplysim version that wrote it")
    env.refused(["info", "v3.h5"], d, 2, f"v3.h5: {unknown.format('s 1 to 2')}")
    env.refused(["merge", "part3.h5", "-o", "m.h5"], d, 2, f"merge refused: part3.h5: {unknown.format(' 2')}",
                absent=["m.h5", "m.h5.partial"])


# --- interrupts -------------------------------------------------------------------------------------------
def interrupt(env, argv, cwd, sig, after, name, outputs, start_file=None):
    """Starts argv, sends `sig` `after` seconds later (or once `start_file` exists), and checks exit 130
    within 1.5 s, one message, and no output that looks complete."""
    CASES[0] += 1
    p = subprocess.Popen([str(a) for a in argv], cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    if start_file:
        while not (cwd / start_file).exists() and p.poll() is None:
            time.sleep(0.002)
    time.sleep(after)
    t0 = time.monotonic()
    p.send_signal(sig)
    _, err = p.communicate(timeout=60)
    took = time.monotonic() - t0
    err = err.decode("utf-8", "replace")
    expect(p.returncode == 130, f"{name}: exit {p.returncode}, expected 130: {err.strip()[:300]}")
    expect(took < 1.5, f"{name}: ended {took:.2f} s after the signal")
    expect("interrupted" in err and not any(s in err for s in CRASH_SIGNS), f"{name}: message: {err.strip()[:300]}")
    for f in outputs:
        expect(not (cwd / f).exists(), f"{name}: left {f}")
    print(f"  {name}: exit {p.returncode} {took:.2f} s after the signal")
    return err


def test_interrupts(env):
    d = env.folder("interrupts")
    (d / "huge.yaml").write_text(f"extends: {env.src}/scenarios/baseline.yaml\nname: huge\n"
                                 "countries:\n  - {name: bangladesh, workers: 30000000}\n")
    # A large file to parse: 40 MiB of comments (a loading phase with no month to check the flag in).
    (d / "slow.yaml").write_text(("#" * 79 + "\n") * (40 * 1024 * 1024 // 80) + "extends: base.yaml\n")
    outs = ["x.h5", "x.h5.partial"]
    interrupt(env, [env.bin, "validate", "slow.yaml"], d, signal.SIGINT, 0.1, "SIGINT while loading a 40 MiB file", [])
    interrupt(env, [env.bin, "run", "huge.yaml", "-o", "x.h5", "-r", "1", "-t", "2", "-q"], d, signal.SIGINT, 0.5,
              "SIGINT while building a 30-million-worker world", outs)
    interrupt(env, [env.bin, "run", "huge.yaml", "-o", "x.h5", "-r", "1", "-t", "2", "-q"], d, signal.SIGTERM, 6,
              "SIGTERM while simulating a 30-million-worker world", outs)
    interrupt(env, [env.bin, "run", env.src / "scenarios/baseline.yaml", "-o", "x.h5", "-r", "2", "-t", "2", "-q"], d,
              signal.SIGINT, 0.3, "SIGINT while simulating", outs)
    (d / "slow_calib.yaml").write_text(re.sub(r"method: .*", "method: {kind: abc_rejection, prior_draws: 400, particles: 10}",
                                              (d / "calib.yaml").read_text()))
    interrupt(env, [env.bin, "calibrate", "slow_calib.yaml", "-o", "x.h5", "-q", "-t", "1"], d, signal.SIGTERM, 0.5,
              "SIGTERM while calibrating", outs + ["x.h5.scenario.yaml", "x.h5.scenario.yaml.partial"])
    (d / "long_sweep.yaml").write_text("base: base.yaml\nreplicates: 2\nparameters:\n"
                                       "  - path: countries.south.inspectorate.sanction_months\n    min: 6\n    max: 48\n    steps: 60\n")
    env.ok(["sweep", "long_sweep.yaml", "-o", "ref.h5", "-q"], d)
    err = interrupt(env, [env.bin, "sweep", "long_sweep.yaml", "-o", "sweep_x.h5", "-t", "1"], d, signal.SIGTERM, 1.0,
                    "SIGTERM during a sweep", ["sweep_x.h5"])
    expect((d / "sweep_x.h5.partial.d").is_dir(), "SIGTERM during a sweep: the checkpoints are gone")
    if (d / "sweep_x.h5.partial").exists():
        expect(env.h5attr(d / "sweep_x.h5.partial", "complete") == "0", "SIGTERM during a sweep: .partial not marked incomplete")
    expect("--resume" in err, f"SIGTERM during a sweep: no hint to resume: {err.strip()}")
    env.ok(["sweep", "long_sweep.yaml", "-o", "sweep_x.h5", "--resume", "-q"], d)
    same_data(env, d, "ref.h5", "sweep_x.h5", "sweep resumed after SIGTERM")
    if not shutil.which("mpirun"):
        print("  mpirun not installed: MPI interrupts skipped")
        return
    mpi_env = {**os.environ, "OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
               "OMPI_MCA_rmaps_base_oversubscribe": "1"}
    for target in ("ranks", "mpirun"):
        CASES[0] += 1
        out = f"mpi_{target}.h5"
        p = subprocess.Popen(["mpirun", "-n", "2", env.bin, "sweep", "long_sweep.yaml", "-o", out, "-q"], cwd=d, env=mpi_env,
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        while not (d / (out + ".partial.d")).exists() and p.poll() is None:
            time.sleep(0.01)
        time.sleep(0.5)
        if target == "ranks":  # what Slurm's scancel and srun do: every rank gets the signal
            subprocess.run(["pkill", "-INT", "-P", str(p.pid)])
        else:
            p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        err = err.decode("utf-8", "replace")
        if "built without MPI" in err:
            print("  built without MPI: MPI interrupts skipped")
            return
        # Open MPI's mpirun exits 1 when it is signalled itself, whatever the ranks return.
        expected = 130 if target == "ranks" else p.returncode
        expect(p.returncode == expected, f"mpirun sweep, SIGINT to the {target}: exit {p.returncode}, expected {expected}: {err.strip()[:300]}")
        expect(not (d / out).exists() and (d / (out + ".partial.d")).is_dir(), f"mpirun sweep, SIGINT to the {target}: files")
        print(f"  mpirun sweep, SIGINT to the {target}: mpirun exit {p.returncode}")
        env.ok(["sweep", "long_sweep.yaml", "-o", out, "--resume", "-q"], d)
        same_data(env, d, "ref.h5", out, f"mpirun sweep resumed after SIGINT to the {target}")


# --- resume after damage ---------------------------------------------------------------------------------
def test_resume(env):
    d = env.folder("resume")
    (d / "long_sweep.yaml").write_text("base: base.yaml\nreplicates: 2\nparameters:\n"
                                       "  - path: countries.south.inspectorate.sanction_months\n    min: 6\n    max: 48\n    steps: 40\n")
    env.ok(["sweep", "long_sweep.yaml", "-o", "ref.h5", "-q"], d)

    def interrupted(out):
        p = subprocess.Popen([env.bin, "sweep", "long_sweep.yaml", "-o", out, "-t", "1", "-q"], cwd=d, stderr=subprocess.DEVNULL)
        while p.poll() is None and len(list((d / (out + ".partial.d")).glob("run-*.h5"))) < 6:
            time.sleep(0.01)
        p.send_signal(signal.SIGINT)
        p.wait(timeout=60)
        expect(p.returncode == 130 and (d / (out + ".partial")).exists(), f"resume: the interrupted sweep into {out}: {p.returncode}")

    # An OUT.partial alone (its folder gone) resumes, as docs/output-schema.md promises.
    interrupted("alone.h5")
    kept = int(subprocess.run(["h5dump", "-d", "/runs/done", "alone.h5.partial"], cwd=d, capture_output=True, text=True)
               .stdout.split("DATA {")[1].count("1"))
    shutil.rmtree(d / "alone.h5.partial.d")
    err = env.ok(["sweep", "long_sweep.yaml", "-o", "alone.h5", "--resume"], d)
    CASES[0] += 1
    expect(re.search(r"sweep: took (\d+) finished runs from alone\.h5\.partial\n", err) is not None, f"resume from a lone .partial: {err}")
    same_data(env, d, "ref.h5", "alone.h5", "resume from a lone .partial")
    expect(not (d / "alone.h5.partial").exists() and not (d / "alone.h5.partial.d").exists(), "resume from a lone .partial: leftovers")
    print(f"  lone .partial: {kept} runs kept, resumed")
    # A damaged checkpoint and a damaged OUT.partial are set aside (never deleted) and their runs done again.
    interrupted("damaged.h5")
    run3 = d / "damaged.h5.partial.d/run-3.h5"
    run3.write_bytes(run3.read_bytes()[:1000])
    (d / "damaged.h5.partial").write_bytes(b"garbage")
    err = env.ok(["sweep", "long_sweep.yaml", "-o", "damaged.h5", "--resume", "-q"], d)
    CASES[0] += 1
    expect("sweep: set aside damaged.h5.partial.d/run-3.h5, which cannot be read (cannot open the HDF5 file (truncated or damaged)), "
           "as damaged.h5.unreadable/run-3.h5; its runs are done again\n" in err, f"resume with a damaged checkpoint: {err}")
    expect((d / "damaged.h5.unreadable/run-3.h5").stat().st_size == 1000, "the damaged checkpoint was not kept")
    same_data(env, d, "ref.h5", "damaged.h5", "resume with a damaged checkpoint")
    interrupted("lone_damaged.h5")
    shutil.rmtree(d / "lone_damaged.h5.partial.d")
    (d / "lone_damaged.h5.partial").write_bytes(b"garbage")
    err = env.ok(["sweep", "long_sweep.yaml", "-o", "lone_damaged.h5", "--resume", "-q"], d)
    CASES[0] += 1
    expect(err == "sweep: set aside lone_damaged.h5.partial, which cannot be read (not an HDF5 file (missing, truncated or "
                  "damaged)), as lone_damaged.h5.unreadable/lone_damaged.h5.partial; its runs are done again\n",
           f"resume with a damaged lone .partial: {err!r}")
    expect((d / "lone_damaged.h5.unreadable/lone_damaged.h5.partial").read_bytes() == b"garbage", "the damaged .partial was not kept")
    same_data(env, d, "ref.h5", "lone_damaged.h5", "resume with a damaged lone .partial")
    # An OUT.partial of another sweep is not mixed in.
    interrupted("mixed.h5")
    shutil.rmtree(d / "mixed.h5.partial.d")
    _, _, listing = run([env.bin, "sweep", "sweep.yaml", "--list"], d)
    this = re.search(r"sweep_hash (\w+)", listing).group(1)
    other = env.h5attr(d / "mixed.h5.partial", "sweep_hash")
    env.refused(["sweep", "sweep.yaml", "-o", "mixed.h5", "--resume", "-q"], d, 2,
                f"mixed.h5.partial holds runs of a different sweep (sweep_hash {other}, this sweep is {this}); --resume does not "
                "mix sweeps: move it away, or write to another -o file", unchanged=["mixed.h5.partial"], absent=["mixed.h5"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--only", default="aliasing,replacing,writers,preflight,disk,inputs,interrupts,resume")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="supplysim-safety-") as tmp:
        env = Env(pathlib.Path(a.binary).resolve(), pathlib.Path(a.source).resolve(), pathlib.Path(tmp))
        for name in a.only.split(","):
            t0 = time.monotonic()
            print(f"== {name}")
            globals()[f"test_{name}"](env)
            print(f"   {time.monotonic() - t0:.1f} s")
    print(f"{CASES[0]} cases, {len(FAILURES)} problems")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
