"""Scenario comparison: intervals against hand computations on known replicate values."""
import numpy as np
import pandas as pd
import pytest

import synthetic
from analysis import compare
from analysis.cli import main
from analysis.io import open_result

MONTHS = 24          # 2017-01 .. 2018-12
AT = "2018-12"       # month index 23


def file_with(path, at_values, *, seed=1, groups=None, name="s"):
    """One indicator whose value at AT for group 'all' is `at_values` per replicate; 0.3 elsewhere."""
    groups = groups or synthetic.make_groups(("gender",))
    data = np.full((1, len(at_values), MONTHS, len(groups)), 0.3)
    data[0, :, 23, 0] = at_values
    data[0, :, 23, 1] = np.nan  # a group with no workers that month
    return synthetic.write_result(path, {"compliance.osh": data}, groups=groups, seed=seed, scenario_name=name)


def test_paired_interval_matches_hand_computation(tmp_path):
    # d = (0.10, 0.09, 0.14): mean 0.11, sd = sqrt(0.0007), se = sd/sqrt(3), t(0.975, 2) = 4.302653
    # half-width = 4.302653 * 0.0152753 = 0.0657243
    b = file_with(tmp_path / "b.h5", [0.50, 0.52, 0.48], name="base")
    s = file_with(tmp_path / "s.h5", [0.60, 0.61, 0.62], name="policy")
    df = compare.compare([open_result(b), open_result(s)], [AT])
    row = df[(df.dimension == "all")].iloc[0]
    assert row.method == "paired" and row.n == 3
    assert row.difference == pytest.approx(0.11, abs=1e-12)
    assert row.ci_low == pytest.approx(0.0442757, abs=1e-6)
    assert row.ci_high == pytest.approx(0.1757243, abs=1e-6)
    assert row.relative == pytest.approx(0.11 / 0.50)
    assert row.flag == ""


def test_welch_when_replicate_counts_differ(tmp_path):
    # baseline mean 0.50, var 0.0004 (n=3); scenario mean 0.63, var 0.000666667 (n=4)
    # se^2 = 0.0004/3 + 0.000666667/4 = 0.0003; Satterthwaite df = 4.959184; t = 2.576958
    b = file_with(tmp_path / "b.h5", [0.50, 0.52, 0.48])
    s = file_with(tmp_path / "s.h5", [0.60, 0.62, 0.64, 0.66])
    row = compare.compare([open_result(b), open_result(s)], [AT]).iloc[0]
    assert row.method == "welch"
    assert row.difference == pytest.approx(0.13)
    assert row.ci_low == pytest.approx(0.0853658, abs=1e-6)
    assert row.ci_high == pytest.approx(0.1746342, abs=1e-6)


def test_different_seeds_are_not_paired(tmp_path):
    b = file_with(tmp_path / "b.h5", [0.50, 0.52, 0.48], seed=1)
    s = file_with(tmp_path / "s.h5", [0.50, 0.53, 0.47], seed=2)
    row = compare.compare([open_result(b), open_result(s)], [AT]).iloc[0]
    assert row.method == "welch"
    assert row.flag == compare.FLAG_CROSSES_ZERO


def test_interval_crossing_zero_is_flagged_and_nan_groups_survive(tmp_path):
    b = file_with(tmp_path / "b.h5", [0.50, 0.52, 0.48])
    s = file_with(tmp_path / "s.h5", [0.52, 0.50, 0.49])
    df = compare.compare([open_result(b), open_result(s)], [AT], dims=["gender"])
    assert list(df.group) == ["all", "female", "male"]
    assert df.iloc[0].flag == compare.FLAG_CROSSES_ZERO
    female = df.iloc[1]
    assert np.isnan(female.difference) and female.flag == compare.FLAG_CROSSES_ZERO and female.n == 0


def test_cli_compare_writes_csv_and_markdown(scenario_files, tmp_path, capsys):
    csv, md = tmp_path / "c.csv", tmp_path / "c.md"
    rc = main(["compare", str(scenario_files["baseline"]), str(scenario_files["better"]), "--at", "2020-12",
               "--at", "2022-12", "--by", "gender,tier", "--csv", str(csv), "--markdown", str(md)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "compliance.osh" in out and "gender=female" in out and "tier=tier2" in out
    df = pd.read_csv(csv)
    # every indicator in the file x (all + 2 genders + 2 tiers) x 2 dates x 1 scenario
    assert len(df) == len(synthetic.CATALOGUE) * 5 * 2
    assert set(df.dimension) == {"all", "gender", "tier"}
    osh = df[(df.indicator == "compliance.osh") & (df.dimension == "all") & (df.date == "2022-12")].iloc[0]
    assert osh.ci_low < osh.difference < osh.ci_high and osh.difference > 0
    text = md.read_text()
    assert text.startswith("| indicator | group | date |") and "|---|" in text


def test_cli_compare_restricts_indicators(scenario_files, tmp_path):
    csv = tmp_path / "c.csv"
    assert main(["compare", str(scenario_files["baseline"]), str(scenario_files["better"]), "--indicator",
                 "child_labour,employment", "--csv", str(csv)]) == 0
    df = pd.read_csv(csv)
    assert set(df.indicator) == {"child_labour", "employment"} and set(df.date) == {"2022-12"}
