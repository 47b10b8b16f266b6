#!/usr/bin/env python3
"""Injects faults into real `supplysim` runs and checks that nothing is lost or mislabelled:

  signals     SIGINT and SIGTERM mid-run end with exit 130 and no file; SIGKILL at many moments never
              leaves a file under the final name that is not complete (a leftover .partial is refused
              by `info`).
  disk        a file-size limit (`ulimit -f`, RLIMIT_FSIZE) at several sizes, and a small tmpfs when
              the machine allows mounting one: a clear error, exit 1, no file under the final name and
              no .partial left behind.
  hdf5        truncated, empty, foreign (HDF5 without the supplysim format), incomplete and damaged
              files are refused by `info`, `merge` and the Python analysis with a message naming them.
  memory      a run that needs more memory than is available is refused before it starts (exit 2),
              with the estimate shown.

usage: run_faults.py --binary build-rel/sim/supplysim --source . [--analysis build-rel/python/bin/supplysim-analysis]
                    [--only signals,disk,hdf5,memory]
"""
import argparse
import os
import pathlib
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FAILURES = []
COUNTS = {}
CRASH_SIGNS = ("terminate called", "Sanitizer", "runtime error:", "Segmentation", "HDF5-DIAG", "Traceback")


def expect(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL", what)
    return cond


def count(kind, n=1):
    COUNTS[kind] = COUNTS.get(kind, 0) + n


def run(argv, **kw):
    kw.setdefault("capture_output", True)
    kw.setdefault("timeout", 600)
    p = subprocess.run([str(a) for a in argv], **kw)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def filling(path):
    """Whether `path` exists and holds bytes (it may vanish while we look)."""
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def clean_message(err, what):
    expect(not any(s in err for s in CRASH_SIGNS), f"{what}: crash or library noise in: {err.strip()[:300]}")


class Env:
    def __init__(self, binary, source, tmp, analysis):
        self.bin, self.src, self.tmp, self.analysis = binary, source, tmp, analysis
        self.small = source / "tests/fuzz/base.yaml"             # 1,500 workers, 12 months
        self.long = source / "scenarios/baseline.yaml"           # 120,000 workers, many months

    def info(self, path):
        return run([self.bin, "info", path])


# --- signals ---------------------------------------------------------------------------------------------
def test_signals(env):
    out = env.tmp / "sig.h5"
    argv = [env.bin, "run", env.long, "-o", out, "-r", "6", "-t", "1", "-q"]
    t0 = time.monotonic()
    rc, err = run(argv)
    full = time.monotonic() - t0
    expect(rc == 0 and out.exists(), f"signals: uninterrupted run failed ({rc}): {err}")
    out.unlink(missing_ok=True)
    print(f"  uninterrupted run: {full:.1f} s")
    for sig in (signal.SIGINT, signal.SIGTERM):
        for frac in (0.1, 0.5):
            p = subprocess.Popen([str(a) for a in argv], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
            time.sleep(full * frac)
            p.send_signal(sig)
            _, e = p.communicate(timeout=300)
            e = e.decode("utf-8", "replace")
            count("signals sent")
            name = f"signals: {sig.name} at {frac:.0%}"
            if p.returncode == 0:  # finished before the signal landed: the file must then be complete
                expect(env.info(out)[0] == 0, f"{name}: exit 0 but the file is not complete")
            else:
                expect(p.returncode == 130, f"{name}: exit {p.returncode}, expected 130")
                expect("interrupted" in e, f"{name}: no 'interrupted' message: {e.strip()}")
                expect(not out.exists(), f"{name}: left {out.name}")
            expect(not pathlib.Path(str(out) + ".partial").exists(), f"{name}: left a .partial file")
            clean_message(e, name)
            out.unlink(missing_ok=True)
    # SIGKILL cannot be handled: whatever is left must never look complete under the final name.
    fractions = [0.05 * k for k in range(1, 21)] + [0.9 + 0.01 * k for k in range(1, 16)]
    for frac in fractions:
        for f in (out, pathlib.Path(str(out) + ".partial")):
            f.unlink(missing_ok=True)
        p = subprocess.Popen([str(a) for a in argv], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        time.sleep(full * frac)
        p.kill()
        p.wait()
        count("signals sent")
        name = f"signals: SIGKILL at {frac:.0%}"
        if out.exists():
            rc, e = env.info(out)
            expect(rc == 0, f"{name}: {out.name} exists but `info` refuses it: {e.strip()}")
            count("SIGKILL: complete file found")
        partial = pathlib.Path(str(out) + ".partial")
        if partial.exists():
            rc, e = env.info(partial)
            expect(rc == 2 and partial.name in e, f"{name}: `info` on the leftover .partial gave {rc}: {e.strip()}")
            clean_message(e, name)
            count("SIGKILL: .partial left and refused")
        if not out.exists() and not partial.exists():
            count("SIGKILL: nothing left")
    # SIGKILL while the file is being written: wait for the .partial (reserved, empty, before the
    # simulation) to start filling, then kill.
    partial = pathlib.Path(str(out) + ".partial")
    for delay in (0, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05):
        for f in (out, partial):
            f.unlink(missing_ok=True)
        p = subprocess.Popen([str(a) for a in argv], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        while p.poll() is None and not filling(partial):
            time.sleep(0.0002)
        time.sleep(delay)
        p.kill()
        p.wait()
        count("signals sent")
        name = f"signals: SIGKILL {delay * 1000:g} ms into writing"
        if out.exists():
            expect(env.info(out)[0] == 0, f"{name}: {out.name} exists but is not complete")
            count("SIGKILL: complete file found")
        if partial.exists():
            rc, e = env.info(partial)
            expect(rc == 2 and any(w in e for w in ("incomplete", "truncated", "damaged", "not an HDF5")),
                   f"{name}: `info` on the leftover .partial gave {rc}: {e.strip()}")
            clean_message(e, name)
            count("SIGKILL: .partial left and refused")
        expect(not (out.exists() and partial.exists()), f"{name}: both final and partial files exist")


# --- full disk ---------------------------------------------------------------------------------------------
def check_disk_failure(env, rc, err, out, name):
    expect(rc == 1, f"{name}: exit {rc}, expected 1: {err.strip()[:300]}")
    expect(err.startswith("supplysim: ") and err.count("\n") == 1, f"{name}: expected one message line, got: {err.strip()[:400]}")
    expect(out.name in err and ("disk full" in err or "No space" in err or "too large" in err),
           f"{name}: message does not name the file and the cause: {err.strip()}")
    expect(not out.exists(), f"{name}: left a file under the final name")
    expect(not pathlib.Path(str(out) + ".partial").exists(), f"{name}: left a .partial file")
    clean_message(err, name)


def test_disk(env):
    out = env.tmp / "disk.h5"
    rc, err = run([env.bin, "run", env.long, "-o", out, "-r", "4", "-q"])
    expect(rc == 0, f"disk: reference run failed: {err}")
    size = out.stat().st_size
    out.unlink()
    for limit in (1024, 4096, 16384, 65536, 262144, size // 2, size - 4096):
        def set_limit(limit=limit):
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        rc, err = run([env.bin, "run", env.long, "-o", out, "-r", "4", "-q"], preexec_fn=set_limit)
        count("full-disk faults")
        check_disk_failure(env, rc, err, out, f"disk: ulimit -f {limit} bytes (file needs {size})")
        out.unlink(missing_ok=True)
        pathlib.Path(str(out) + ".partial").unlink(missing_ok=True)
    # A real full file system: a 512 KiB tmpfs in a private mount namespace, if allowed here.
    mnt = env.tmp / "tmpfs"
    mnt.mkdir(exist_ok=True)
    script = (f"mount -t tmpfs -o size=512k tmpfs {mnt} || exit 77; "
              f"{env.bin} run {env.long} -o {mnt}/out.h5 -r 4 -q; rc=$?; "
              f"ls -a {mnt} > {env.tmp}/tmpfs-listing; exit $rc")
    p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], capture_output=True)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 77 or "unshare failed" in err or "Operation not permitted" in err:
        print("  tmpfs: cannot mount here (no privilege); covered by ulimit -f only")
        return
    count("full-disk faults")
    listing = (env.tmp / "tmpfs-listing").read_text().split()
    expect(p.returncode == 1 and ("disk full" in err or "No space" in err), f"disk: tmpfs full gave {p.returncode}: {err.strip()}")
    expect("out.h5" not in listing and "out.h5.partial" not in listing, f"disk: tmpfs left {listing}")
    print("  tmpfs 512 KiB:", err.strip())


# --- truncated and foreign HDF5 -------------------------------------------------------------------------
def make_bad_files(env):
    good = env.tmp / "good.h5"
    rc, err = run([env.bin, "run", env.small, "-o", good, "-r", "2", "-q"])
    assert rc == 0, err
    data = good.read_bytes()
    bad = {}
    for frac in (0.02, 0.25, 0.5, 0.75, 0.99):
        f = env.tmp / f"truncated_{int(frac * 100)}.h5"
        f.write_bytes(data[: int(len(data) * frac)])
        bad[f] = "truncated"
    for name, content in (("empty.h5", b""), ("text.h5", b"this is not HDF5\n"), ("header_only.h5", data[:8])):
        (env.tmp / name).write_bytes(content)
        bad[env.tmp / name] = name
    try:
        import h5py
        import numpy as np
        f = env.tmp / "foreign.h5"
        with h5py.File(f, "w") as h:
            h["x"] = np.arange(10)
        bad[f] = "foreign"
        f = env.tmp / "incomplete.h5"
        shutil.copy(good, f)
        with h5py.File(f, "a") as h:
            h.attrs["complete"] = np.int32(0)
        bad[f] = "incomplete"
        f = env.tmp / "no_indicators.h5"
        shutil.copy(good, f)
        with h5py.File(f, "a") as h:
            del h["indicators"]
        bad[f] = "damaged"
        f = env.tmp / "other_format.h5"
        shutil.copy(good, f)
        with h5py.File(f, "a") as h:
            h.attrs["format"] = "something-else"
        bad[f] = "foreign"
    except ImportError:
        print("  h5py missing: foreign/incomplete/damaged variants skipped")
    partial = env.tmp / "killed.h5.partial"   # what a killed run leaves
    shutil.copy(env.tmp / "incomplete.h5" if (env.tmp / "incomplete.h5").exists() else good, partial)
    bad[partial] = "partial"
    return good, bad


def test_hdf5(env):
    good, bad = make_bad_files(env)
    expect(env.info(good)[0] == 0, "hdf5: `info` refuses a good file")
    for f, kind in sorted(bad.items()):
        rc, err = env.info(f)
        count("bad HDF5 files x readers")
        expect(rc == 2 and f.name in err and err.count("\n") == 1, f"hdf5: info {f.name} ({kind}) gave {rc}: {err.strip()}")
        clean_message(err, f"info {f.name}")
        merged = env.tmp / "merged.h5"
        rc, err = run([env.bin, "merge", f, "-o", merged])
        count("bad HDF5 files x readers")
        expect(rc == 2 and f.name in err, f"hdf5: merge with {f.name} ({kind}) gave {rc}: {err.strip()[:300]}")
        expect(not merged.exists() and not pathlib.Path(str(merged) + ".partial").exists(), f"hdf5: merge with {f.name} left output")
        clean_message(err, f"merge {f.name}")
        merged.unlink(missing_ok=True)
        rc, err = run([env.analysis, "compare", good, f], cwd=env.tmp, env={**os.environ, "MPLBACKEND": "Agg"})
        count("bad HDF5 files x readers")
        expect(rc == 2 and f.name in err and err.count("\n") == 1,
               f"hdf5: analysis compare with {f.name} ({kind}) gave {rc}: {err.strip()[-300:]}")
        clean_message(err, f"analysis {f.name}")


# --- memory ------------------------------------------------------------------------------------------------
def test_memory(env):
    out = env.tmp / "mem.h5"
    rc, err = run([env.bin, "run", env.small, "-o", out, "-q"], env={**os.environ, "SUPPLYSIM_MEMORY_AVAILABLE": "1000000"})
    count("memory refusals")
    expect(rc == 2 and "needs about" in err and "1000000" not in err and "976.6 KiB" in err and not out.exists(),
           f"memory: refusal under a 1 MB limit gave {rc}: {err.strip()}")
    huge = env.tmp / "huge.yaml"
    huge.write_text(f"extends: {env.small}\nreplicates: 1000\ncountries:\n  - {{name: a, workers: 1500000000}}\n"
                    "  - {name: b, workers: 500000000}\n")
    t0 = time.monotonic()
    rc, err = run([env.bin, "run", huge, "-o", out, "-t", "64", "-q"], timeout=120)
    count("memory refusals")
    expect(rc == 2 and "needs about" in err and "GiB" in err and not out.exists() and time.monotonic() - t0 < 30,
           f"memory: 2e9 workers x 64 threads gave {rc}: {err.strip()}")
    print("  ", err.strip()[:400])
    rc, err = run([env.bin, "run", env.small, "-o", out, "-q"])
    expect(rc == 0, f"memory: a small run was refused: {err}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--analysis", default="supplysim-analysis", help="the installed analysis command")
    ap.add_argument("--only", default="signals,disk,hdf5,memory")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="supplysim-faults-") as tmp:
        env = Env(pathlib.Path(a.binary).resolve(), pathlib.Path(a.source).resolve(), pathlib.Path(tmp), a.analysis)
        for name in a.only.split(","):
            print(f"== {name}")
            globals()[f"test_{name}"](env)
    print("faults injected:", ", ".join(f"{k}: {v}" for k, v in COUNTS.items()))
    print(f"{len(FAILURES)} problems")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
