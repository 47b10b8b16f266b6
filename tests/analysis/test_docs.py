"""The code examples of docs/python.md and docs/r.md run, on synthetic files with the names they use, and
R's tidy table (dimensions reversed) agrees with Python's."""
import os
import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

import supplysim
import synthetic
from conftest import REPO


def code_blocks(doc: str, language: str) -> list:
    return re.findall(rf"```{language}\n(.*?)```", (REPO / "docs" / doc).read_text(), flags=re.S)


@pytest.fixture
def doc_files(tmp_path, monkeypatch):
    """baseline.h5 and policy.h5 (2017-01..2030-12, same seed) and sweep.h5 (a grid with labelled words)."""
    kw = dict(months=168, indicators=["compliance.osh", "employment", "injury_rate"])
    synthetic.write_scenario(tmp_path / "baseline.h5", seed=1, **kw)
    synthetic.write_scenario(tmp_path / "policy.h5", seed=1, effect=0.03, own_noise=0.01, own_seed=4, **kw)
    synthetic.write_grid_sweep(tmp_path / "sweep.h5")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_python_examples_run(doc_files, capsys):
    blocks = code_blocks("python.md", "python")
    assert len(blocks) >= 5
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "['all', 'country=bangladesh', 'country=vietnam']" in out
    assert "'countries.bangladesh.inspectorate.targeting', 'replicate', 'period'" in out
    assert "risk_based" in out
    assert namespace["effect"].dims == ("run", "replicate")


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="Rscript is not installed (r-base-core, r-cran-hdf5r)")
def test_r_examples_run_and_agree_with_python(doc_files):
    script = "\n".join(code_blocks("r.md", "r")) + (
        '\nwrite.csv(tidy, "tidy_r.csv", row.names = FALSE)\n'
        'write.csv(data.frame(effect = effect), "effect_r.csv", row.names = FALSE)\n')
    (doc_files / "example.R").write_text(script)
    proc = subprocess.run(["Rscript", "example.R"], cwd=doc_files, capture_output=True, text=True,
                          env={**os.environ, "LANG": "C.UTF-8"})
    assert proc.returncode == 0, proc.stderr
    assert "countries.bangladesh.inspectorate.targeting : 0 1 0 1 0 1 0 1" in proc.stdout
    assert "labels: 0: random; 1: risk_based" in proc.stdout

    r = pd.read_csv(doc_files / "tidy_r.csv")
    py = supplysim.open("baseline.h5")["compliance.osh"].to_dataframe().reset_index()
    py["month"] = py["time"].dt.year * 100 + py["time"].dt.month
    merged = r.merge(py, on=["run", "replicate", "month", "group"], how="outer", indicator=True)
    assert len(r) == len(py) == 1 * 5 * 168 * 7
    assert (merged["_merge"] == "both").all()
    assert np.allclose(merged["value"], merged["compliance.osh"], equal_nan=True)

    effect_r = pd.read_csv(doc_files / "effect_r.csv")["effect"].to_numpy()
    base = supplysim.open("baseline.h5")["compliance.osh"].sel(time="2030", group="all").mean("time")
    policy = supplysim.open("policy.h5")["compliance.osh"].sel(time="2030", group="all").mean("time")
    assert np.allclose(effect_r, (policy - base).values.ravel())
