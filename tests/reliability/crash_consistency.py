#!/usr/bin/env python3
"""Crash consistency of sweeps: a sweep killed with SIGKILL at random moments (and killed again while
resuming), then resumed to the end, gives a file bit-identical to the sweep run in one go: every
dataset byte for byte and every attribute equal, except the time the file was completed (`created`).
After every kill, a file under the final name is complete (`info` accepts it) or absent; at the end
nothing is left beside it (no .partial, no checkpoint folder, nothing set aside).

The moments are sampled (a fixed seed, so a failure can be rerun): uniformly over the whole sweep,
inside the final assembly (after OUT.partial starts to fill), and just after the rename, while the
checkpoint folder is removed: the two moments where a kill is most delicate.
Every run uses the same command line in its own folder, so `command_line` matches too.

usage: crash_consistency.py --binary build-rel/sim/supplysim --source . [--points 30] [--assembly-points 10]
       [--cleanup-points 5] [--seed 1]
"""
import argparse
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

FAILURES = []


def expect(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL", what)
    return cond


def filling(path):
    """Whether `path` exists and holds bytes (it may vanish while we look)."""
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def contents(path):
    """Every dataset's bytes and every attribute, by object name (`created` left out)."""
    out = {}
    with h5py.File(path, "r") as f:
        def attrs(name, obj):
            for key, value in obj.attrs.items():
                if name == "/" and key == "created":
                    continue
                out[f"{name}@{key}"] = np.asarray(value).tobytes() if not isinstance(value, (str, bytes)) else value
        attrs("/", f)

        def visit(name, obj):
            attrs(name, obj)
            if isinstance(obj, h5py.Dataset):
                data = obj[()]
                # Variable-length strings come back as Python objects: compare their values, not pointers.
                payload = repr(data.tolist()).encode() if data.dtype.hasobject else data.tobytes()
                out[name] = (obj.dtype.str, obj.shape, payload)
        f.visititems(visit)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--points", type=int, default=30, help="kill moments over the whole sweep")
    ap.add_argument("--assembly-points", type=int, default=10, help="kill moments inside the final assembly")
    ap.add_argument("--cleanup-points", type=int, default=5, help="kill moments after the rename, while the checkpoints are removed")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    binary = str(pathlib.Path(a.binary).resolve())
    source = pathlib.Path(a.source).resolve()
    rng = random.Random(a.seed)
    t_start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="supplysim-crash-") as tmp:
        tmp = pathlib.Path(tmp)
        shutil.copy(source / "tests/data/small.yaml", tmp / "base.yaml")
        (tmp / "sweep.yaml").write_text("base: base.yaml\nreplicates: 2\nparameters:\n"
                                        "  - path: countries.south.inspectorate.sanction_months\n    min: 6\n    max: 48\n    steps: 8\n"
                                        "  - path: countries.north.rule_of_law\n    values: [0.5, 0.8]\n")
        command = [binary, "sweep", "../sweep.yaml", "-o", "out.h5", "--resume", "-q", "-t", "2"]
        ref = tmp / "reference"
        ref.mkdir()
        t0 = time.monotonic()
        p = subprocess.run(command, cwd=ref, capture_output=True)
        full = time.monotonic() - t0
        assert p.returncode == 0, p.stderr.decode()
        want = contents(ref / "out.h5")
        print(f"uninterrupted sweep: {full:.2f} s, {len(want)} datasets and attributes compared")

        def kill_at(folder, moment):
            """Starts the sweep, kills it `moment` seconds in (or, for ("assembly", delay), `delay` seconds
            after OUT.partial starts to fill); returns whether it had finished."""
            proc = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if isinstance(moment, tuple):
                started = (lambda: filling(folder / "out.h5.partial")) if moment[0] == "assembly" else (lambda: (folder / "out.h5").exists())
                while proc.poll() is None and not started():
                    time.sleep(0.0002)
                time.sleep(moment[1])
            else:
                time.sleep(moment)
            proc.kill()
            proc.wait()
            states.append((len(list(folder.glob("out.h5.partial.d/run-*.h5"))), filling(folder / "out.h5.partial")))
            out = folder / "out.h5"
            if out.exists():
                rc = subprocess.run([binary, "info", "out.h5"], cwd=folder, capture_output=True).returncode
                expect(rc == 0, f"{folder.name}: out.h5 exists after a kill but `info` refuses it")
            return proc.returncode == 0

        states = []  # (checkpoints left, OUT.partial being filled) after each kill
        moments = [rng.uniform(0.0, full) for _ in range(a.points)]
        moments += [("assembly", rng.uniform(0.0, 0.03)) for _ in range(a.assembly_points)]
        moments += [("cleanup", rng.uniform(0.0, 0.002)) for _ in range(a.cleanup_points)]
        finished_before = again = 0
        for i, first in enumerate(moments):
            folder = tmp / f"kill-{i:02d}"
            folder.mkdir()
            finished = kill_at(folder, first)
            # Half of the attempts are killed a second time while resuming.
            if not finished and i % 2 == 1:
                again += 1
                finished = kill_at(folder, rng.uniform(0.0, 0.6 * full))
            finished_before += finished
            p = subprocess.run(command, cwd=folder, capture_output=True)
            name = f"kill at {first if not isinstance(first, tuple) else '%s + %.4f' % first}"
            if not expect(p.returncode == 0, f"{name}: the resume failed ({p.returncode}): {p.stderr.decode().strip()}"):
                continue
            left = sorted(x.name for x in folder.iterdir() if x.name != "out.h5")
            expect(not left, f"{name}: left {left}")
            got = contents(folder / "out.h5")
            differ = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
            expect(not differ, f"{name}: differs from the uninterrupted sweep in {differ[:5]}")
            shutil.rmtree(folder)
        print(f"{len(moments)} kills ({a.assembly_points} inside the final assembly, {a.cleanup_points} while the checkpoints "
              f"are removed, "
              f"{again} killed again while resuming; {finished_before} finished before the kill), "
              f"{time.monotonic() - t_start:.0f} s")
        print("checkpoints left by the kills:", sorted(n for n, _ in states),
              f"; {sum(1 for _, filling in states if filling)} kills left OUT.partial half-written")
    print(f"{len(FAILURES)} problems")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
