"""The analysis tools on real engine output.

Needs SUPPLYSIM_BIN (path to the `supplysim` binary) and tests/data/small.yaml (or another small scenario
named by SUPPLYSIM_SMALL_SCENARIO); skipped otherwise, e.g.
    SUPPLYSIM_BIN=build-rel/sim/supplysim /usr/bin/python3 -m pytest tests/analysis -q
"""
import os
import subprocess
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import pytest
import yaml

from analysis.cli import main
from analysis.io import open_result
from conftest import REPO

SMALL = Path(os.environ.get("SUPPLYSIM_SMALL_SCENARIO", REPO / "tests" / "data" / "small.yaml")).resolve()
BIN = os.environ.get("SUPPLYSIM_BIN", "")

if not BIN:
    pytest.skip("SUPPLYSIM_BIN is not set (path to the supplysim engine binary)", allow_module_level=True)
if not Path(BIN).is_file() or not os.access(BIN, os.X_OK):
    pytest.skip(f"SUPPLYSIM_BIN={BIN} is not an executable file", allow_module_level=True)
if not SMALL.is_file():
    pytest.skip(f"{SMALL} does not exist (yet)", allow_module_level=True)


def run_engine(scenario: Path, out: Path) -> Path:
    proc = subprocess.run([BIN, "run", str(scenario), "-o", str(out), "--replicates", "3", "--threads", "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"{BIN} run {scenario} failed:\n{proc.stderr}"
    return out


def variant_of_small(tmp: Path) -> Path:
    """small.yaml with more buyer audits (same seed, so replicates pair under common random numbers)."""
    doc = yaml.safe_load(SMALL.read_text())
    doc["name"] = f"{doc.get('name', 'small')}_audits"
    if isinstance(doc.get("extends"), str) and not Path(doc["extends"]).is_absolute():
        doc["extends"] = str((SMALL.parent / doc["extends"]).resolve())  # it moves to tmp
    for buyer in doc.get("buyers") or []:
        if isinstance(buyer, dict):
            buyer["audits_per_year"] = 4
    path = tmp / "small_audits.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


@pytest.fixture(scope="module")
def engine_files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engine")
    base = run_engine(SMALL, tmp / "small.h5")
    other = run_engine(variant_of_small(tmp), tmp / "small_audits.h5")
    return tmp, base, other


def test_files_validate(engine_files):
    _, base, other = engine_files
    for path in (base, other):
        f = open_result(path)
        assert f.replicates == 3 and f.runs == 1 and f.groups[0] == ("all", "all")
        assert "compliance.osh" in f.indicators and f.indicator("compliance.osh").units


def test_compare_on_engine_files(engine_files, capsys):
    tmp, base, other = engine_files
    f = open_result(base)
    dims = [d for d in f.dimensions() if d != "all"][:2]
    mid = f"{f.time[len(f.time) // 2] // 100}-{f.time[len(f.time) // 2] % 100:02d}"
    csv = tmp / "compare.csv"
    args = ["compare", str(base), str(other), "--at", mid, "--csv", str(csv)]
    if dims:
        args += ["--by", ",".join(dims)]
    assert main(args) == 0, capsys.readouterr().err
    df = pd.read_csv(csv)
    assert set(df.indicator) == set(f.indicators)
    assert set(df.method) == {"paired"}      # same seed and replicate count: common random numbers


def test_plot_on_engine_files(engine_files):
    tmp, base, other = engine_files
    out = tmp / "osh.png"
    assert main(["plot", str(base), str(other), "--indicator", "compliance.osh", "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_memo_on_engine_files(engine_files):
    tmp, base, other = engine_files
    f = open_result(base)
    last = f"{f.time[-1] // 100}-{f.time[-1] % 100:02d}"
    cfg = tmp / "memo.yaml"
    cfg.write_text(yaml.safe_dump({
        "question": "Do more buyer audits improve compliance in the small world?",
        "baseline": "small",
        "scenarios": [{"label": "small", "file": str(base), "description": "tests/data/small.yaml as is."},
                      {"label": "audits", "file": str(other), "description": "Four audits a year per buyer."}],
        "dates": [last], "indicators": ["compliance.osh", "employment"],
        "groups": [d for d in f.dimensions() if d != "all"][:1]}))
    out = tmp / "memo"
    assert main(["memo", str(cfg), "-o", str(out)]) == 0
    md = (out / "memo.md").read_text()
    assert "# Key findings" in md and "# Appendix B: reproducibility" in md
    with h5py.File(base) as h:
        version = h.attrs["program_version"]
    assert (version.decode() if isinstance(version, bytes) else str(version)) in md
    assert (out / "memo.html").exists() and (out / "memo.docx").exists()
    assert len(list((out / "figures").glob("*.png"))) == 2


def test_assessment_table_and_default_compare_dates(engine_files, tmp_path, capsys):
    """A scenario naming assessment points gets /assessments (values at those months, copied from
    /indicators), and compare without --at reports those dates and the last month."""
    _, base, _ = engine_files
    f = open_result(base)
    first, last = int(f.time[0]), int(f.time[-1])
    mid_index = len(f.time) // 2
    mid = f"{f.time[mid_index] // 100}-{f.time[mid_index] % 100:02d}"
    doc = yaml.safe_load(SMALL.read_text())
    if isinstance(doc.get("extends"), str) and not Path(doc["extends"]).is_absolute():
        doc["extends"] = str((SMALL.parent / doc["extends"]).resolve())
    doc["name"] = "small_assessed"
    doc["assessments"] = [{"name": "mid_term", "date": mid}]
    scenario = tmp_path / "small_assessed.yaml"
    scenario.write_text(yaml.safe_dump(doc, sort_keys=False))
    assessed = run_engine(scenario, tmp_path / "assessed.h5")
    with h5py.File(assessed, "r") as h:
        assert [m for m in h["assessments/month"][()]] == [mid_index]
        table = h["assessments/compliance.osh"][()]
        full = h["indicators/compliance.osh"][()]
        assert table.shape == (full.shape[0], full.shape[1], 1, full.shape[3])
        assert np.array_equal(table[:, :, 0, :], full[:, :, mid_index, :], equal_nan=True)
    csv = tmp_path / "c.csv"
    assert main(["compare", str(base), str(assessed), "--indicator", "compliance.osh", "--csv", str(csv)]) == 0, \
        capsys.readouterr().err
    dates = sorted(set(pd.read_csv(csv).date))
    assert dates == sorted({mid, f"{last // 100}-{last % 100:02d}"}) and first < last
