"""Scenario comparison: intervals against hand computations on known replicate values, periods (month,
year, window), a run per file, crossed groups and firm-level measures."""
import numpy as np
import pandas as pd
import pytest

import synthetic
from conftest import run_cli
from supplysim import compare
from supplysim.periods import Period
from supplysim.result_file import open_result

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
    assert row.method == "paired" and row.n == 3 and row.uncertainty == "replicate noise only"
    assert row.period == AT and row.period_kind == "month"
    assert row.difference == pytest.approx(0.11, abs=1e-12)
    assert row.low == pytest.approx(0.0442757, abs=1e-6)
    assert row.high == pytest.approx(0.1757243, abs=1e-6)
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
    assert row.low == pytest.approx(0.0853658, abs=1e-6)
    assert row.high == pytest.approx(0.1746342, abs=1e-6)


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


# ---- periods ------------------------------------------------------------------------------------------

def monthly_file(path, per_month, *, name):
    """compliance.osh [1 run, 2 replicates, 36 months from 2017-01, 1 group]: replicate r, month m is
    per_month[m] + r/100."""
    data = (np.asarray(per_month, float)[None, None, :, None]
            + np.array([0.0, 0.01])[None, :, None, None])
    return synthetic.write_result(path, {"compliance.osh": data}, groups=[("all", "all")], scenario_name=name)


def test_year_and_window_are_means_paired_by_replicate(tmp_path):
    months = np.arange(36)
    base = monthly_file(tmp_path / "b.h5", 0.5 + 0 * months, name="base")
    # the policy adds 0.001 x month index: in 2018 (months 12..23) the mean addition is 0.0175,
    # in 2017-07..2018-06 (months 6..17) 0.0115, in 2018-12 alone 0.023
    policy = monthly_file(tmp_path / "p.h5", 0.5 + 0.001 * months, name="policy")
    df = compare.compare([open_result(base), open_result(policy)], ["2018", "2017-07:2018-06", "2018-12"])
    assert list(df.period) == ["2018", "2017-07:2018-06", "2018-12"]
    assert list(df.period_kind) == ["year", "window", "month"]
    assert list(df.difference) == pytest.approx([0.0175, 0.0115, 0.023], abs=1e-12)
    assert list(df.baseline) == pytest.approx([0.505, 0.505, 0.505])
    # both replicates move by the same amount: the paired interval has zero width
    assert list(df.low) == pytest.approx(list(df.difference), abs=1e-12)


def test_cli_periods_in_the_csv(tmp_path, capsys):
    months = np.arange(36)
    base = monthly_file(tmp_path / "b.h5", 0.5 + 0 * months, name="base")
    policy = monthly_file(tmp_path / "p.h5", 0.5 + 0.001 * months, name="policy")
    csv = tmp_path / "c.csv"
    rc, out, err = run_cli(capsys, "compare", base, policy, "--at", "2018", "--between", "2017-07:2018-06",
                           "--at", "2018-12", "--csv", csv)
    assert rc == 0, err
    df = pd.read_csv(csv, dtype={"period": str})
    assert list(zip(df.period, df.period_kind)) == [("2018", "year"), ("2017-07:2018-06", "window"),
                                                     ("2018-12", "month")]
    assert "replicate noise only" in out


@pytest.mark.parametrize("args, message", [
    (["--at", "2020"], "period 2020 (2020-01..2020-12) is outside the simulated horizon 2017-01..2019-12"),
    (["--between", "2016-12:2017-03"], "period 2016-12:2017-03 (2016-12..2017-03) is outside the simulated "
                                       "horizon 2017-01..2019-12"),
    (["--between", "2018-05:2018-01"], "period '2018-05:2018-01' ends before it starts"),
    (["--between", "2018"], "--between '2018': expected a window YYYY-MM:YYYY-MM (use --at for a month or a year)"),
    (["--at", "2017-01:2017-06"], "--at '2017-01:2017-06': a window is written --between 2017-01:2017-06"),
    (["--at", "Dec 2018"], "cannot read period 'Dec 2018': expected a month YYYY-MM, a year YYYY or a window "
                           "YYYY-MM:YYYY-MM"),
])
def test_bad_periods(tmp_path, capsys, args, message):
    base = monthly_file(tmp_path / "b.h5", np.full(36, 0.5), name="base")
    rc, _, err = run_cli(capsys, "compare", base, base, *args)
    assert rc == 2
    prefix = f"{base}: " if "horizon" in message else ""
    assert err == f"supplysim-analysis compare: error: {prefix}{message}\n"


def test_partial_year_is_refused():
    time = synthetic.make_time("2017-01", 30)          # ends 2019-06
    with pytest.raises(Exception, match=r"period 2019 \(2019-01..2019-12\) is outside"):
        Period.parse("2019").month_indices(time)


# ---- a run per file ---------------------------------------------------------------------------------------

def test_sweep_run_against_a_baseline_file(tmp_path, capsys):
    sweep = synthetic.write_grid_sweep(tmp_path / "grid.h5", replicates=3)
    f = open_result(sweep)
    # a plain baseline file equal to run 0 of the sweep, same seed: pairs replicate by replicate
    run0 = synthetic.write_result(tmp_path / "base.h5", {
        "compliance.osh": np.asarray(f.values("compliance.osh", 0))[None],
        "employment": np.asarray(f.values("employment", 0))[None]}, groups=synthetic.make_groups(("gender",)),
        start="2029-01", seed=7, scenario_name="inspection_grid")
    csv = tmp_path / "c.csv"
    rc, out, err = run_cli(capsys, "compare", run0, sweep, "--run", "0,7", "--at", "2030", "--indicator",
                           "compliance.osh", "--csv", csv)
    assert rc == 0, err
    df = pd.read_csv(csv)
    row = df[df.dimension == "all"].iloc[0]
    expected = (np.asarray(f.values("compliance.osh", 7))[:, 12:, 0].mean(axis=1)
                - np.asarray(f.values("compliance.osh", 0))[:, 12:, 0].mean(axis=1)).mean()
    assert row.difference == pytest.approx(expected, abs=1e-12)
    assert row.difference == pytest.approx(0.05 * 3 + 0.1, abs=0.03)   # 4 vs 0.5 inspectors, risk-based
    assert row.scenario == ("inspection_grid run 7 (countries.bangladesh.inspectorate.inspectors_per_10k_workers=4,"
                            " countries.bangladesh.inspectorate.targeting=risk_based)")
    assert row.method == "paired"
    rc, _, err = run_cli(capsys, "compare", run0, sweep, "--run", "0,8")
    assert rc == 2 and err == f"supplysim-analysis compare: error: {sweep}: run 8 does not exist (the file has 8 runs: 0..7)\n"
    rc, _, err = run_cli(capsys, "compare", run0, sweep, "--run", "0,1,2")
    assert rc == 2 and err == ("supplysim-analysis compare: error: --run gives 3 run indices for 2 files: give one "
                               "for every file, or one for all\n")


# ---- crossed groups and firm measures ------------------------------------------------------------------

def test_crossed_groups_by_a_star_b(tmp_path, capsys):
    kw = dict(dims=("country", "gender"), crossings=("country*gender",), months=24,
              indicators=["compliance.osh"])
    b = synthetic.write_scenario(tmp_path / "b.h5", seed=1, **kw)
    s = synthetic.write_scenario(tmp_path / "s.h5", seed=1, effect=0.05, own_noise=0.01, **kw)
    df = compare.compare([open_result(b), open_result(s)], ["2018-12"], dims=["country*gender"])
    crossed = df[df.dimension == "country*gender"]
    assert list(crossed.group) == ["bangladesh*female", "bangladesh*male", "vietnam*female", "vietnam*male"]
    assert set(df.dimension) == {"all", "country*gender"}
    # written the other way round, the crossing is found and shown in the file's order
    again = compare.compare([open_result(b), open_result(s)], ["2018-12"], dims=["gender*country"])
    assert list(again.group) == list(df.group)
    rc, out, err = run_cli(capsys, "compare", b, s, "--by", "country*gender", "--at", "2018-12")
    assert rc == 0, err
    assert "country=bangladesh, gender=female" in out
    rc, _, err = run_cli(capsys, "compare", b, s, "--by", "country*tier")
    assert rc == 2 and err == (f"supplysim-analysis compare: error: {b}: no disaggregation by country*tier in this "
                               "file (it has: country, gender, country*gender)\n")


def test_firm_measures_use_their_own_groups(tmp_path):
    kw = dict(dims=("country", "gender"), firm_dims=("country", "tier"), months=24,
              indicators=["compliance.osh", "firms_noncompliant.any"])
    b = synthetic.write_scenario(tmp_path / "b.h5", seed=1, **kw)
    s = synthetic.write_scenario(tmp_path / "s.h5", seed=1, effect=0.05, **kw)
    df = compare.compare([open_result(b), open_result(s)], ["2018-12"], dims=["gender", "tier"])
    firm = df[df.indicator == "firms_noncompliant.any"]
    worker = df[df.indicator == "compliance.osh"]
    assert set(firm.level) == {"firm"} and set(firm.units) == {"share of firms"}
    assert list(firm.group) == ["all", "tier1", "tier2"]          # gender is a worker-only dimension
    assert list(worker.group) == ["all", "female", "male"]        # tier is not in this file's /groups


def test_cli_compare_writes_csv_and_markdown(scenario_files, tmp_path, capsys):
    csv, md = tmp_path / "c.csv", tmp_path / "c.md"
    rc, out, err = run_cli(capsys, "compare", scenario_files["baseline"], scenario_files["better"], "--at", "2020-12",
                           "--at", "2022-12", "--by", "gender,tier", "--csv", csv, "--markdown", md)
    assert rc == 0, err
    assert "compliance.osh" in out and "gender=female" in out and "tier=tier2" in out
    df = pd.read_csv(csv)
    assert list(df.columns) == compare.COLUMNS
    # every indicator in the file x (all + 2 genders + 2 tiers) x 2 periods x 1 scenario
    assert len(df) == len(synthetic.CATALOGUE) * 5 * 2
    assert set(df.dimension) == {"all", "gender", "tier"}
    osh = df[(df.indicator == "compliance.osh") & (df.dimension == "all") & (df.period == "2022-12")].iloc[0]
    assert osh.low < osh.difference < osh.high and osh.difference > 0
    text = md.read_text()
    assert text.startswith("| indicator | group | period |") and "|---|" in text
    assert "replicate noise only" in text


def test_cli_compare_restricts_indicators(scenario_files, tmp_path, capsys):
    csv = tmp_path / "c.csv"
    rc, _, err = run_cli(capsys, "compare", scenario_files["baseline"], scenario_files["better"], "--indicator",
                         "child_labour,employment", "--csv", csv)
    assert rc == 0, err
    df = pd.read_csv(csv)
    assert set(df.indicator) == {"child_labour", "employment"} and set(df.period) == {"2022-12"}
