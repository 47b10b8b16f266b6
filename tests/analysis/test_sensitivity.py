"""Sensitivity indices against known answers: Ishigami (Sobol) and a linear model (SRC)."""
import numpy as np
import pytest

import synthetic
from supplysim.cli import main
from supplysim.result_file import open_result
from supplysim.sensitivity import sensitivity

# Ishigami, a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis, sect. 4.6)
ISHIGAMI_S1 = {"x1": 0.3139, "x2": 0.4424, "x3": 0.0}
ISHIGAMI_ST = {"x1": 0.5576, "x2": 0.4424, "x3": 0.2437}
N = 8192   # Saltelli-estimator error at this N is about 0.01-0.02 for Ishigami; tolerance 0.05


@pytest.fixture(scope="module")
def ishigami_file(tmp_path_factory):
    return synthetic.write_ishigami_sweep(tmp_path_factory.mktemp("sobol") / "sweep.h5", n=N, shuffle_names=True)


def test_ishigami_indices(ishigami_file):
    res = sensitivity(open_result(ishigami_file), "child_labour", "2030-12", n_boot=200)
    assert res.method == "sobol" and res.runs_used == N * 5
    t = res.table.set_index(res.table.parameter.str.replace("parameters.", "", regex=False))
    for p in ("x1", "x2", "x3"):
        assert t.loc[p, "S1"] == pytest.approx(ISHIGAMI_S1[p], abs=0.05), p
        assert t.loc[p, "ST"] == pytest.approx(ISHIGAMI_ST[p], abs=0.05), p
        # the bootstrap interval brackets the analytic value (with a little slack for the point bias)
        assert t.loc[p, "S1_low"] - 0.02 <= ISHIGAMI_S1[p] <= t.loc[p, "S1_high"] + 0.02, p
        assert t.loc[p, "ST_low"] - 0.02 <= ISHIGAMI_ST[p] <= t.loc[p, "ST_high"] + 0.02, p
    assert list(t.index[:1]) == ["x1"]  # sorted by total order


def test_cli_sensitivity_table_and_tornado(ishigami_file, tmp_path, capsys):
    chart = tmp_path / "tornado.png"
    assert main(["sensitivity", str(ishigami_file), "--indicator", "child_labour", "--at", "2030-12",
                 "--bootstrap", "100", "-o", str(chart)]) == 0
    out = capsys.readouterr().out
    assert "S1" in out and "ST" in out and "parameters.x3" in out
    assert chart.stat().st_size > 5000 and chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_src_on_linear_lhs(tmp_path):
    # y = 3 x1 - x2 + 0 x3 + e, x ~ U(0,1): SRC_i = c_i sd(x_i)/sd(y) ~ c_i / sqrt(sum c^2) = 0.949, -0.316, 0
    f = synthetic.write_linear_sweep(tmp_path / "lhs.h5", n=400, noise=0.05)
    res = sensitivity(open_result(f), "child_labour", "2030-12", n_boot=200)
    assert res.method == "src" and res.r2 > 0.99
    t = res.table.set_index("parameter")
    assert t.loc["p1", "SRC"] == pytest.approx(3 / np.sqrt(10), abs=0.03)
    assert t.loc["p2", "SRC"] == pytest.approx(-1 / np.sqrt(10), abs=0.03)
    assert abs(t.loc["p3", "SRC"]) < 0.03
    assert t.loc["p3", "SRC_low"] < 0 < t.loc["p3", "SRC_high"]
    assert list(t.index) == ["p1", "p2", "p3"]


def test_src_tornado_svg(tmp_path, capsys):
    f = synthetic.write_linear_sweep(tmp_path / "grid.h5", n=60, design="grid")
    chart = tmp_path / "t.svg"
    assert main(["sensitivity", str(f), "--indicator", "child_labour", "--bootstrap", "50", "-o", str(chart)]) == 0
    assert "standardized regression" in capsys.readouterr().out
    assert chart.read_text().lstrip().startswith("<?xml")


def test_sensitivity_refuses_a_plain_run(scenario_files, capsys):
    assert main(["sensitivity", str(scenario_files["baseline"]), "--indicator", "child_labour"]) == 2
    err = capsys.readouterr().err
    assert "baseline.h5" in err and "not a sweep" in err
