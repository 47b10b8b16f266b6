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


def _linear_ensemble(path, draws=2000, per_draw=2, seed=5, effect=False):
    """y = 2 x1 + x2 + 0 x3 + noise with x ~ U(0, 1) per draw and noise sd 1/sqrt(12) per replicate: of the
    variance 4/12 + 1/12 + 1/12, x1 holds 2/3, x2 1/6, x3 none (and replicate noise the last 1/6)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(size=(draws, 3))
    draw = np.arange(draws * per_draw) // per_draw
    y = 2 * x[draw, 0] + x[draw, 1] + rng.normal(0, 1 / np.sqrt(12), size=draw.size)
    groups = synthetic.make_groups(("gender",))
    ensemble = dict(draw=draw, names=["x1", "interventions.0.law_gain", "x3"], replicates_per_draw=per_draw,
                    values=x)
    data = np.zeros((1, draw.size, 24, len(groups))) + y[None, :, None, None]
    files = {"scenario": synthetic.write_result(path / "ensemble.h5", {"compliance.osh": data}, groups=groups,
                                                seed=3, scenario_name="policy", ensemble=ensemble)}
    if effect:  # a baseline sharing the draws, whose own level is noise common to both files
        common = rng.normal(0, 0.3, size=draw.size)[None, :, None, None]
        files["baseline"] = synthetic.write_result(path / "baseline.h5", {"compliance.osh": common + 0 * data},
                                                   groups=groups, seed=3, ensemble=ensemble)
        files["scenario"] = synthetic.write_result(path / "ensemble.h5", {"compliance.osh": data + common},
                                                   groups=groups, seed=3, scenario_name="policy", ensemble=ensemble)
    return files


def test_ensemble_first_order_shares_recover_a_linear_model(tmp_path):
    files = _linear_ensemble(tmp_path)
    res = sensitivity(open_result(files["scenario"]), "compliance.osh", "2018-12", n_boot=100)
    assert res.method == "ensemble" and res.runs_used == 4000
    t = res.table.set_index("parameter")
    assert list(res.table.parameter) == ["x1", "interventions.0.law_gain", "x3"]
    for name, truth in (("x1", 2 / 3), ("interventions.0.law_gain", 1 / 6), ("x3", 0.0)):
        assert t.loc[name, "S1"] == pytest.approx(truth, abs=0.02), name
        assert t.loc[name, "S1_low"] - 0.01 <= truth <= t.loc[name, "S1_high"] + 0.01, name
    assert "correlation ratio over 20 equal-count bins" in res.note


def test_ensemble_shares_of_an_effect_against_its_baseline(tmp_path, capsys):
    files = _linear_ensemble(tmp_path, effect=True)
    rc = main(["sensitivity", str(files["scenario"]), "--baseline", str(files["baseline"]),
               "--indicator", "compliance.osh", "--at", "2018-12", "--bootstrap", "50"])
    out = capsys.readouterr().out
    assert rc == 0
    assert out.startswith("effect on compliance.osh at 2018-12, all; 4000 replicates; first-order share")
    x1 = next(line for line in out.splitlines() if line.startswith("x1 "))
    assert float(x1.split()[1]) == pytest.approx(2 / 3, abs=0.02)
