"""plot-sweep: dose-response against one or two swept parameters, from a grid sweep with known response."""
import numpy as np
import pandas as pd
import pytest

import synthetic
from conftest import run_cli
from supplysim import plot_sweep
from supplysim.result_file import open_result

X = "countries.bangladesh.inspectorate.inspectors_per_10k_workers"
T = "countries.bangladesh.inspectorate.targeting"


@pytest.fixture
def grid(tmp_path):
    return synthetic.write_grid_sweep(tmp_path / "grid.h5", replicates=4)


def test_one_parameter_line_and_band(grid, tmp_path, capsys):
    png, csv = tmp_path / "dose.png", tmp_path / "dose.csv"
    rc, _, err = run_cli(capsys, "plot-sweep", grid, "--indicator", "compliance.osh", "--x",
                         "inspectors_per_10k_workers", "--at", "2030", "-o", png, "--csv", csv)
    assert rc == 0, err
    assert png.read_bytes()[:4] == b"\x89PNG"
    table = pd.read_csv(csv)
    assert list(table[X]) == [0.5, 1.0, 2.0, 4.0]
    # averaged over targeting (random and risk-based, +0.1): 0.45 + 0.05 log2(x), within the noise
    assert list(table["mean"]) == pytest.approx(list(0.45 + 0.05 * np.log2(table[X])), abs=0.01)
    assert (table["low"] < table["mean"]).all() and (table["mean"] < table["high"]).all()
    assert set(table["n"]) == {8}                           # 2 runs x 4 replicates at each value
    assert set(table["period"]) == {2030} and set(table["units"]) == {"share of workers"}


def test_figure_says_what_is_averaged_over(grid):
    fig, _ = plot_sweep.dose_response(open_result(grid), "compliance.osh", X, period="2030")
    texts = [t.get_text() for t in fig.texts]
    assert any(f"averaged over {T}" in t for t in texts)
    assert fig._suptitle.get_text() == "compliance.osh, all, 2030 (mean of its 12 months)"
    ax = fig.axes[0]
    assert ax.get_xlabel() == "inspectors_per_10k_workers" and ax.get_ylabel() == "share of workers"
    assert any(f"inspectors_per_10k_workers = {X}" in t for t in texts)      # the short label explained


def test_categorical_parameter_is_labelled(grid):
    fig, table = plot_sweep.dose_response(open_result(grid), "compliance.osh", "targeting", period="2030-12")
    assert list(table[T]) == ["random", "risk_based"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["random", "risk_based"]
    assert table["mean"][1] - table["mean"][0] == pytest.approx(0.1, abs=0.02)


def test_two_parameters_panels_and_heatmap(grid, tmp_path, capsys):
    fig, table = plot_sweep.dose_response(open_result(grid), "compliance.osh", X, T, period="2030")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == ["targeting = random", "targeting = risk_based"]
    assert len(table) == 8 and set(table["n"]) == {4}
    fig, table = plot_sweep.dose_response(open_result(grid), "compliance.osh", X, T, period="2030", mode="heatmap")
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (2, 4)
    assert image[1, 3] - image[0, 0] == pytest.approx(0.25, abs=0.03)
    out = tmp_path / "heat.svg"
    rc, _, err = run_cli(capsys, "plot-sweep", grid, "--indicator", "compliance.osh", "--x", X, "--y", T,
                         "--mode", "heatmap", "-o", out)
    assert rc == 0, err
    assert "<svg" in out.read_text()


def test_bad_parameters(grid, tmp_path, capsys):
    out = tmp_path / "x.png"
    rc, _, err = run_cli(capsys, "plot-sweep", grid, "--indicator", "compliance.osh", "--x", "sanction_months",
                         "-o", out)
    assert (rc, err) == (2, f"supplysim-analysis plot-sweep: error: {grid}: 'sanction_months' is not a swept "
                            f"parameter in this file (its swept parameters: {X}, {T})\n")
    plain = synthetic.write_scenario(tmp_path / "plain.h5", months=12, indicators=["compliance.osh"])
    rc, _, err = run_cli(capsys, "plot-sweep", plain, "--indicator", "compliance.osh", "--x", "a", "-o", out)
    assert (rc, err) == (2, f"supplysim-analysis plot-sweep: error: {plain}: not a sweep file (needs runs > 1 and "
                            "/runs/parameters): plot-sweep needs the output of `supplysim sweep`\n")
    assert not out.exists()
