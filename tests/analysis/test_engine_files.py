"""The analysis tools on real engine output.

Needs SUPPLYSIM_BIN (path to the `supplysim` binary) and tests/data/small.yaml (or another small scenario
named by SUPPLYSIM_SMALL_SCENARIO); skipped otherwise, e.g.
    SUPPLYSIM_BIN=build-rel/sim/supplysim build-rel/python/bin/python -m pytest tests/analysis -q
"""
import os
import re
import subprocess
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import pytest
import yaml

import supplysim
from supplysim.cli import main
from supplysim.periods import Period
from supplysim.result_file import open_result
from conftest import REPO, run_cli

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
        assert f.replicates == 3 and f.runs == 1 and f.groups[0].is_all
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
    assert md.index("# Summary") < md.index("# Findings") < md.index("# Method and limitations")
    assert "reproducibility {.appendix}" in md
    with h5py.File(base) as h:
        version = h.attrs["program_version"]
    assert f"program version {version.decode() if isinstance(version, bytes) else version}" in md
    # the calibration state and the sources come from the engine's evidence registry
    counts = re.search(r"Of the (\d+) parameter keys the baseline relies on, (\d+) are backed by published "
                       r"evidence, (\d+) are marked as calibrated to observed data and (\d+) are assumptions", md)
    assert counts and int(counts[1]) == sum(int(counts[i]) for i in (2, 3, 4)) > 0
    assert "ILO (2018). Women and men in the informal economy" in md
    assert "# Appendix C: assumptions" in md and "`countries[].workers`" in md
    for name in ("memo.html", "memo.docx", "memo.pdf"):
        assert (out / name).stat().st_size > 0
    assert len(list((out / "figures").glob("*.png"))) >= 2


def test_memo_says_where_a_buyer_lever_acts(engine_files):
    """Due diligence limited to one country selects the buyers sourcing there, which act at all their
    suppliers: the memo says that it reaches the other country too."""
    tmp = engine_files[0]
    doc = yaml.safe_load(SMALL.read_text())
    countries = [c["name"] for c in doc["countries"]]
    doc["name"] = "small_due_diligence"
    doc["interventions"] = [{"type": "due_diligence", "where": {"countries": [countries[1]]},
                             "start": f"{doc['start'][:4]}-06"}]
    scenario = tmp / "due_diligence.yaml"
    scenario.write_text(yaml.safe_dump(doc, sort_keys=False))
    policy = run_engine(scenario, tmp / "due_diligence.h5")
    cfg = tmp / "memo_dd.yaml"
    cfg.write_text(yaml.safe_dump({
        "question": "Where does due diligence act?", "baseline": "small", "dates": [doc["end"]],
        "scenarios": [{"label": "small", "file": str(engine_files[1])}, {"label": "dd", "file": str(policy)}],
        "indicators": ["compliance.osh", "subcontracted_share"], "groups": ["country"]}))
    out = tmp / "memo_dd"
    assert main(["memo", str(cfg), "-o", str(out)]) == 0
    md = (out / "memo.md").read_text()
    first, second = (c.replace("_", " ").title() for c in countries)
    assert (f"Due diligence by lead firms is limited to {second} in the scenario, but it selects buyers sourcing in "
            f"{second} (") in md
    assert f"which act at all their suppliers: it also reaches workers in {first}." in md


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
    dates = sorted(set(pd.read_csv(csv).period))
    assert dates == sorted({mid, f"{last // 100}-{last % 100:02d}"}) and first < last


def test_open_engine_file_as_dataset(engine_files):
    _, base, _ = engine_files
    f = open_result(base)
    ds = supplysim.open(base)
    osh = ds["compliance.osh"]
    assert osh.dims == ("run", "replicate", "time", "group") and osh.shape == (1, 3, f.time.size, len(f.groups))
    assert osh.attrs["units"] == f.indicator("compliance.osh").units
    assert list(ds["group"].values) == f.groups.labels and ds["group"].values[0] == "all"
    with h5py.File(base) as h:
        assert np.array_equal(osh.values, h["indicators/compliance.osh"][()], equal_nan=True)


def test_engine_sweep_table_and_dose_response(tmp_path, capsys):
    """A 2 x 2 grid over the small world (the engine stores the words of `targeting` as 0 and 1)."""
    sweep = tmp_path / "sweep.yaml"
    sweep.write_text(yaml.safe_dump({
        "name": "small_inspection", "base": str(SMALL), "design": "grid", "replicates": 2,
        "parameters": [
            {"path": "countries.north.inspectorate.inspectors_per_10k_workers", "values": [0.5, 2.0]},
            {"path": "countries.north.inspectorate.targeting", "values": ["random", "risk_based"]}]}))
    out = tmp_path / "sweep.h5"
    proc = subprocess.run([BIN, "sweep", str(sweep), "-o", str(out), "--threads", "2"], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    f = open_result(out)
    last_year = str(f.time[-1] // 100)
    table = supplysim.sweep_table(out, indicators=["compliance.osh"], period=last_year, groups=["all"])
    x = "countries.north.inspectorate.inspectors_per_10k_workers"
    t = "countries.north.inspectorate.targeting"
    assert len(table) == 4 * 2
    assert sorted(set(table[x])) == [0.5, 2.0] and len(set(table[t])) == 2
    expected = f.runs_at("compliance.osh", Period.parse(last_year), 0)
    got = table.sort_values(["run", "replicate"])["compliance.osh"].to_numpy().reshape(4, 2)
    assert np.allclose(got, expected, equal_nan=True)
    png = tmp_path / "dose.png"
    rc, _, err = run_cli(capsys, "plot-sweep", out, "--indicator", "compliance.osh", "--x", x, "--y", t, "--at",
                      last_year, "-o", png)
    assert rc == 0, err
    assert png.read_bytes()[:4] == b"\x89PNG"
