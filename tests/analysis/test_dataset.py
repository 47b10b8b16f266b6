"""supplysim.open (an xarray.Dataset with labelled dimensions and units) and supplysim.sweep_table."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import supplysim
import synthetic
from conftest import run_cli
from supplysim.errors import AnalysisError


def test_scenario_file_as_dataset(scenario_files):
    ds = supplysim.open(scenario_files["baseline"])
    assert isinstance(ds, xr.Dataset)
    osh = ds["compliance.osh"]
    assert osh.dims == ("run", "replicate", "time", "group")
    assert osh.shape == (1, 5, 72, 7)
    assert osh.attrs["units"] == "share of workers" and osh.attrs["kind"] == "share"
    assert osh.attrs["direction"] == "higher_is_better" and osh.attrs["level"] == "worker"
    assert "complies on osh" in osh.attrs["description"]
    assert list(ds["group"].values) == ["all", "country=bangladesh", "country=vietnam", "tier=tier1", "tier=tier2",
                                        "gender=female", "gender=male"]
    assert list(ds["group_dimension"].values[:2]) == ["all", "country"]
    assert list(ds["group_value"].values[:2]) == ["all", "bangladesh"]
    assert ds["time"].values[0] == np.datetime64("2017-01-01") and ds["time"].values[-1] == np.datetime64("2022-12-01")
    assert ds.attrs["scenario_name"] == "baseline" and ds.attrs["seed"] == 1
    # the values are the file's, at the labelled position
    import h5py
    with h5py.File(scenario_files["baseline"]) as f:
        raw = f["indicators/compliance.osh"][0, 2, 23, 1]
    assert osh.sel(run=0, replicate=2, time="2018-12", group="country=bangladesh").item() == raw
    # selection by year works as periods do
    year = osh.sel(time="2020").mean("time")
    assert year.shape == (1, 5, 7)


def test_tidy_table(scenario_files):
    ds = supplysim.open(scenario_files["baseline"], indicators=["compliance.osh", "employment"])
    table = ds.to_dataframe().reset_index()
    assert len(table) == 1 * 5 * 72 * 7
    assert {"run", "replicate", "time", "group", "group_dimension", "group_value", "compliance.osh",
            "employment"} <= set(table.columns)
    row = table[(table.replicate == 0) & (table.group == "gender=female")].iloc[0]
    assert row["group_dimension"] == "gender" and row["group_value"] == "female"


def test_crossed_and_firm_groups(tmp_path):
    path = synthetic.write_scenario(tmp_path / "v2.h5", months=12, dims=("country", "gender"),
                                    crossings=("country*gender",), firm_dims=("country", "tier"),
                                    indicators=["compliance.osh", "firms_noncompliant.any"])
    ds = supplysim.open(path)
    assert ds["compliance.osh"].dims[-1] == "group"
    assert ds["firms_noncompliant.any"].dims[-1] == "firm_group"
    assert ds["firms_noncompliant.any"].attrs["units"] == "share of firms"
    assert ds["firms_noncompliant.any"].attrs["weighting"] == "firms"
    assert "country=bangladesh, gender=female" in ds["group"].values
    assert list(ds["firm_group"].values) == ["all", "country=bangladesh", "country=vietnam", "tier=tier1", "tier=tier2"]
    crossed = ds.sel(group="country=vietnam, gender=male")
    assert crossed["group_dimension"].item() == "country*gender" and crossed["group_value"].item() == "vietnam*male"
    firm = supplysim.open(path, level="firm")
    assert list(firm.data_vars) == ["firms_noncompliant.any"] and "group" not in firm.dims
    assert len(firm.to_dataframe()) == 1 * 5 * 12 * 5
    with pytest.raises(AnalysisError, match="no firm-level measures in this file"):
        supplysim.open(synthetic.write_scenario(tmp_path / "v1.h5", months=12, indicators=["employment"]),
                       level="firm")


@pytest.mark.parametrize("labels", ["0: random; 1: risk_based", ["random", "risk_based"]])
def test_sweep_parameters_as_labelled_coordinates(tmp_path, labels):
    path = synthetic.write_grid_sweep(tmp_path / "grid.h5", labels=labels)
    ds = supplysim.open(path)
    x = ds["countries.bangladesh.inspectorate.inspectors_per_10k_workers"]
    t = ds["countries.bangladesh.inspectorate.targeting"]
    assert x.dims == ("run",) and list(x.values) == [0.5, 0.5, 1, 1, 2, 2, 4, 4]
    assert t.dims == ("run",) and list(t.values) == ["random", "risk_based"] * 4


def test_sweep_without_labels_keeps_numbers(tmp_path):
    ds = supplysim.open(synthetic.write_grid_sweep(tmp_path / "grid.h5", labels=None))
    assert list(ds["countries.bangladesh.inspectorate.targeting"].values) == [0.0, 1.0] * 4


def test_sweep_table(tmp_path):
    path = synthetic.write_grid_sweep(tmp_path / "grid.h5", replicates=3, months=24)
    full = supplysim.sweep_table(path)
    x, t = ("countries.bangladesh.inspectorate.inspectors_per_10k_workers",
            "countries.bangladesh.inspectorate.targeting")
    assert list(full.columns) == ["run", x, t, "replicate", "time", "group", "group_dimension", "group_value",
                                  "compliance.osh", "employment"]
    assert len(full) == 8 * 3 * 24 * 3
    year = supplysim.sweep_table(path, period="2030", groups=["all"], indicators=["compliance.osh"])
    assert list(year.columns) == ["run", x, t, "replicate", "period", "period_kind", "group", "group_dimension",
                                  "group_value", "compliance.osh"]
    assert len(year) == 8 * 3 and set(year.period) == {"2030"} and set(year.period_kind) == {"year"}
    # each row is the replicate's mean over 2030, equal to the mean over those months of the full table
    one = full[(full.run == 5) & (full.replicate == 1) & (full.group == "all") & (full.time.dt.year == 2030)]
    assert year[(year.run == 5) & (year.replicate == 1)]["compliance.osh"].item() == \
        pytest.approx(one["compliance.osh"].mean())
    # the response the file was built with: 0.05 per doubling of inspectors, +0.1 risk-based
    means = year.groupby([x, t])["compliance.osh"].mean()
    assert means[(4.0, "risk_based")] - means[(0.5, "random")] == pytest.approx(0.25, abs=0.03)
    with pytest.raises(AnalysisError, match="no group 'gender=other'"):
        supplysim.sweep_table(path, groups=["gender=other"])


def test_ensemble_draws_on_replicates(tmp_path):
    base, _ = synthetic.write_ensemble_pair(tmp_path, np.zeros((3, 2)), names=("law_gain", "lag_months"))
    ds = supplysim.open(base)
    assert list(ds["draw"].values) == [0, 0, 1, 1, 2, 2]
    assert ds["law_gain"].dims == ("replicate",)
    assert ds["law_gain"].values[2] == ds["law_gain"].values[3] != ds["law_gain"].values[0]
    table = ds.to_dataframe().reset_index()
    assert {"draw", "law_gain", "lag_months"} <= set(table.columns)


def test_cli_table(tmp_path, capsys):
    path = synthetic.write_grid_sweep(tmp_path / "grid.h5")
    csv = tmp_path / "grid.csv"
    rc, _, err = run_cli(capsys, "table", path, "--between", "2030-01:2030-06", "--group", "all", "--csv", csv)
    assert rc == 0, err
    df = pd.read_csv(csv)
    assert len(df) == 8 * 3 and set(df["period"]) == {"2030-01:2030-06"}
    assert set(df["countries.bangladesh.inspectorate.targeting"]) == {"random", "risk_based"}
