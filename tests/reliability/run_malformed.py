#!/usr/bin/env python3
"""Runs every malformed input in expectations.tsv through the real binary: `supplysim validate` and
`supplysim run` (for sweep_*.yaml: `supplysim sweep --list` and `supplysim sweep`) must both exit with code 2, print one message that names the file, the line and the
field and says what is wrong, and leave no output file (neither final nor .partial).

usage: run_malformed.py --binary build-rel/sim/supplysim [--only NAME] [--verbose]
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CRASH_SIGNS = ("terminate called", "Assertion", "Sanitizer", "runtime error:", "Segmentation", "Aborted",
               "HDF5-DIAG", "what():", "YAML::")


def load_rows(tsv: pathlib.Path):
    for raw in tsv.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        case, named, line, field, fragment = raw.split("\t")
        yield case, named, int(line), field, fragment


def check(binary, folder, row, work, verbose):
    case, named, line, field, fragment = row
    problems = []
    out = work / "out.h5"
    location = f"{named}:{line}:" if line > 0 else f"{named}: "
    if case.startswith("sweep_"):  # sweep files: `sweep --list` checks the file and every run, then stops
        commands = ([binary, "sweep", case, "--list"], [binary, "sweep", case, "-o", str(out), "-q", "-t", "1"])
    else:
        commands = ([binary, "validate", case], [binary, "run", case, "-o", str(out), "-q", "-t", "1"])
    for argv in commands:
        for leftover in (out, work / "out.h5.partial"):
            leftover.unlink(missing_ok=True)
        try:
            p = subprocess.run(argv, cwd=folder, capture_output=True, timeout=120, env=os.environ)
        except subprocess.TimeoutExpired:
            problems.append(f"{argv[1]}: no answer within 120 s (hang)")
            continue
        err = p.stderr.decode("utf-8", "replace")
        what = " ".join(argv[1:2] + argv[3:4])
        if p.returncode != 2:
            problems.append(f"{what}: exit code {p.returncode}, expected 2")
        if location not in err:
            problems.append(f"{what}: message does not name {location!r}")
        if field != "-" and f"'{field}'" not in err:
            problems.append(f"{what}: message does not name field '{field}'")
        if fragment not in err:
            problems.append(f"{what}: message lacks {fragment!r}")
        if not err.startswith("supplysim: ") or err.count("\n") != 1:
            problems.append(f"{what}: expected exactly one line starting 'supplysim: '")
        if any(s in err for s in CRASH_SIGNS):
            problems.append(f"{what}: looks like a crash or a leaked library message")
        if out.exists() or (work / "out.h5.partial").exists():
            problems.append(f"{what}: left an output file behind")
        if problems or verbose:
            print(f"  [{what}] {err.strip()}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--table", default=str(HERE / "expectations.tsv"))
    ap.add_argument("--cases", default=str(HERE / "malformed"))
    ap.add_argument("--only", help="run only cases whose name contains this")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    binary = str(pathlib.Path(a.binary).resolve())
    rows = [r for r in load_rows(pathlib.Path(a.table)) if not a.only or a.only in r[0]]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="supplysim-malformed-") as tmp:
        for row in rows:
            if not (pathlib.Path(a.cases) / row[0]).exists():
                print(f"FAIL {row[0]}: case file missing")
                failed += 1
                continue
            problems = check(binary, a.cases, row, pathlib.Path(tmp), a.verbose)
            if problems:
                failed += 1
                print(f"FAIL {row[0]}:\n    " + "\n    ".join(problems))
            elif a.verbose:
                print(f"ok   {row[0]}")
    print(f"{len(rows) - failed} of {len(rows)} malformed inputs handled correctly "
          f"({2 * len(rows)} invocations: validate and run, or sweep --list and sweep)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
