"""Effects from parameter ensembles: the variance split, the probability of the sign, robustness, and
compare on synthetic ensemble files (the layout of docs/output-schema.md's /uncertainty)."""
import numpy as np
import pandas as pd
import pytest

import synthetic
from conftest import run_cli
from supplysim import compare
from supplysim.ensemble import ensemble_effect, variance_split
from supplysim.result_file import open_result


def test_variance_split_recovers_a_known_split_exactly():
    effects = synthetic.effects_with_split(draws=40, per_draw=5, mean=0.02, var_parameters=4e-4, var_noise=1e-4)
    draw = np.repeat(np.arange(40), 5)
    s2p, s2n, note = variance_split(effects.ravel(), draw)
    assert note == ""
    assert s2p == pytest.approx(4e-4, rel=1e-9)
    assert s2n == pytest.approx(1e-4, rel=1e-9)


def test_variance_split_is_unbiased_on_random_draws():
    """Draw effects ~ N(0, 0.03^2), noise ~ N(0, 0.01^2): the estimates land near the truth."""
    rng = np.random.default_rng(11)
    draws, k = 2000, 4
    effects = 0.05 + rng.normal(0, 0.03, size=(draws, 1)) + rng.normal(0, 0.01, size=(draws, k))
    s2p, s2n, _ = variance_split(effects.ravel(), np.repeat(np.arange(draws), k))
    assert s2p == pytest.approx(9e-4, rel=0.08)
    assert s2n == pytest.approx(1e-4, rel=0.05)


def test_one_replicate_per_draw_cannot_be_split():
    effects = np.array([0.1, 0.2, 0.15, 0.12])
    e = ensemble_effect(effects, np.arange(4))
    assert np.isnan(e.variance_parameters) and np.isnan(e.share_parameters)
    assert e.note == ("one replicate per draw: parameter and noise variance cannot be separated (needs 2 or more "
                      "replicates per draw)")
    assert e.p_sign == 1.0 and e.robust


def test_sign_probability_and_robustness():
    # 10 draws of 2 replicates; 8 draws have a positive mean effect, 2 a negative one
    draw_means = np.array([0.3, 0.2, 0.25, 0.1, 0.4, 0.3, 0.2, 0.15, -0.1, -0.2])
    effects = np.repeat(draw_means, 2) + np.tile([0.01, -0.01], 10)
    e = ensemble_effect(effects, np.repeat(np.arange(10), 2))
    assert e.mean == pytest.approx(draw_means.mean())
    assert e.p_sign == pytest.approx(0.8)
    assert e.robust is False
    nine = draw_means.copy()
    nine[8] = 0.05                                     # 9 of 10 draws positive: robust (>= 90%)
    e = ensemble_effect(np.repeat(nine, 2) + np.tile([0.01, -0.01], 10), np.repeat(np.arange(10), 2))
    assert e.p_sign == pytest.approx(0.9) and e.robust is True


def test_interval_over_draws_and_replicates():
    effects = np.arange(1, 201, dtype=float)          # 100 draws x 2 replicates
    e = ensemble_effect(effects, np.repeat(np.arange(100), 2))
    assert (e.low, e.high) == pytest.approx(tuple(np.quantile(effects, [0.025, 0.975])))
    assert e.n == 200 and e.draws == 100


def test_compare_on_ensemble_files(tmp_path, capsys):
    effects = synthetic.effects_with_split(draws=20, per_draw=3, mean=0.03, var_parameters=4e-4, var_noise=2e-4,
                                           seed=4)
    base, policy = synthetic.write_ensemble_pair(tmp_path, effects)
    df = compare.compare([open_result(base), open_result(policy)], ["2018", "2017-06"])
    row = df[(df.dimension == "all") & (df.period == "2018")].iloc[0]
    assert row.method == "ensemble" and row.uncertainty == "parameters and replicate noise"
    assert row.difference == pytest.approx(0.03, abs=1e-12)
    assert row.variance_parameters == pytest.approx(4e-4, rel=1e-6)
    assert row.variance_noise == pytest.approx(2e-4, rel=1e-6)
    assert row.share_parameters == pytest.approx(4e-4 / 6e-4, rel=1e-6)
    draw_means = effects.mean(axis=1)
    assert row.p_sign == pytest.approx(np.mean(draw_means > 0))
    assert row.robust == (np.mean(draw_means > 0) >= 0.9)
    assert row.draws == 20 and row.n == 60
    assert (row.low, row.high) == pytest.approx(tuple(np.quantile(effects.ravel(), [0.025, 0.975])))
    csv = tmp_path / "e.csv"
    rc, out, err = run_cli(capsys, "compare", base, policy, "--at", "2018", "--csv", csv)
    assert rc == 0, err
    assert "P(sign)" in out and "from parameters" in out and "95% interval: over parameter draws and replicates" in out
    table = pd.read_csv(csv)
    assert {"p_sign", "robust", "share_parameters", "variance_parameters", "variance_noise", "draws",
            "uncertainty", "units"} <= set(table.columns)
    assert set(table.units) == {"share of workers"}


def test_not_robust_effect_is_flagged(tmp_path):
    draw_means = np.array([0.02, 0.03, -0.01, 0.01, -0.02, 0.02, 0.01, 0.03, 0.02, 0.01])
    effects = np.repeat(draw_means, 2).reshape(10, 2) + np.array([0.001, -0.001])
    base, policy = synthetic.write_ensemble_pair(tmp_path, effects)
    row = compare.compare([open_result(base), open_result(policy)], ["2018-12"]).iloc[0]
    assert row.p_sign == pytest.approx(0.8) and not row.robust and row.flag == compare.FLAG_NOT_ROBUST


def test_ensemble_with_one_replicate_per_draw_says_why(tmp_path, capsys):
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.linspace(0.01, 0.05, 8).reshape(8, 1))
    df = compare.compare([open_result(base), open_result(policy)], ["2018-12"])
    assert np.isnan(df.iloc[0].share_parameters)
    assert df.iloc[0].note.startswith("one replicate per draw")
    rc, out, _ = run_cli(capsys, "compare", base, policy, "--at", "2018-12")
    assert rc == 0 and "note: one replicate per draw: parameter and noise variance cannot be separated" in out


def test_plain_files_say_replicate_noise_only(scenario_files):
    df = compare.compare([open_result(scenario_files["baseline"]), open_result(scenario_files["better"])],
                         ["2022-12"])
    assert set(df.uncertainty) == {"replicate noise only"} and set(df.method) == {"paired"}
    assert df.p_sign.isna().all() and df.robust.isna().all()


def test_mixing_ensemble_and_plain_files_is_refused(tmp_path, capsys):
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.zeros((3, 2)))
    f = open_result(base)
    plain = synthetic.write_result(tmp_path / "plain.h5", {"compliance.osh": f.values("compliance.osh")[None]},
                                   groups=synthetic.make_groups(("gender",)), seed=3)
    rc, _, err = run_cli(capsys, "compare", plain, policy)
    assert (rc, err) == (2, f"supplysim-analysis compare: error: {policy}: comes from a parameter ensemble but "
                            f"{plain} does not; compare files run with the same uncertainty settings\n")
    other = tmp_path / "other"
    other.mkdir()
    _, other_policy = synthetic.write_ensemble_pair(other, np.zeros((3, 2)), seed=9)
    rc, _, err = run_cli(capsys, "compare", base, other_policy)
    assert (rc, err) == (2, f"supplysim-analysis compare: error: {other_policy}: its parameter draws (or seed, or "
                            f"replicates) differ from those of {base}; ensemble effects are paired draw by draw, "
                            "so both files need the same ensemble\n")


def test_a_policy_may_draw_its_own_lever_keys_on_top_of_the_baselines(tmp_path, capsys):
    """The engine keys draws by (seed, draw, key path): a policy drawing its own lever's law_gain as well as
    the baseline's keys is paired with the baseline; one whose shared keys differ is not."""
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.full((3, 2), 0.01))
    b, p = open_result(base), open_result(policy)
    shared = b.ensemble.values
    lever = np.array([[0.2], [0.5], [0.3]])
    for name, values in (("policy_lever.h5", np.hstack([shared, lever])),
                         ("policy_other.h5", np.hstack([shared + 1, lever]))):
        ensemble = dict(draw=b.ensemble.draw, names=b.ensemble.parameter_names + ["interventions.0.law_gain"],
                        replicates_per_draw=2, values=values)
        synthetic.write_result(tmp_path / name, {"compliance.osh": p.values("compliance.osh")[None]},
                               groups=synthetic.make_groups(("gender",)), seed=3, scenario_name="policy",
                               ensemble=ensemble)
    df = compare.compare([b, open_result(tmp_path / "policy_lever.h5")], ["2018-12"])
    assert set(df.method) == {"ensemble"}
    assert df.difference.to_numpy() == pytest.approx(0.01)
    rc, _, err = run_cli(capsys, "compare", base, tmp_path / "policy_other.h5")
    assert rc == 2 and "its parameter draws (or seed, or replicates) differ" in err
