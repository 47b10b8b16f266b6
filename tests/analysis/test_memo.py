"""The memo: every section present, numbers from the comparison, figures written and referenced."""
import re
import zipfile

import numpy as np
import pytest
import yaml

import synthetic
from conftest import run_cli
from supplysim.cli import main

SECTIONS = ["# Question", "# Scenarios and their assumptions", "# Key findings", "## What is uncertain",
            "# Figures", "# Parameter sources", "# Appendix A: effects by group", "# Appendix B: reproducibility"]


@pytest.fixture(scope="module")
def memo_dir(scenario_files, tmp_path_factory):
    out = tmp_path_factory.mktemp("memo") / "memo"
    assert main(["memo", str(scenario_files["memo"]), "-o", str(out)]) == 0
    return out


def test_outputs_written(memo_dir):
    for name in ("memo.md", "memo.html", "memo.docx", "effects.csv"):
        assert (memo_dir / name).stat().st_size > 0, name
    figs = sorted(p.name for p in (memo_dir / "figures").glob("*.png"))
    assert figs == ["child_labour.png", "compliance.osh.png", "employment.png"]
    with zipfile.ZipFile(memo_dir / "memo.docx") as z:
        names = z.namelist()
        body = z.read("word/document.xml").decode()
    assert sum(n.startswith("word/media/") for n in names) == 3   # figures embedded in the DOCX
    assert "Key findings" in body and "Appendix B" in body


def test_sections_and_content(memo_dir):
    md = (memo_dir / "memo.md").read_text()
    positions = [md.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert "Would a Better Work programme" in md                     # the question
    assert "Buyers double audits" in md                              # the scenario description
    assert "`buyers.brand.audits_per_year`: `1` → `2`" in md         # assumptions from the resolved YAML
    assert re.search(r"\*\*compliance\.osh\*\* in December 2022 under \*\*better_work\*\*: .*95% CI.*An improvement\.", md)
    assert "gains least" in md                                       # who gains least
    assert "Better Work (2016) impact assessment, Table 3" in md      # parameter source from the YAML
    assert "program version: 0.1.0-synthetic" in md and "seed: 1" in md
    assert "supplysim run scenarios/better_work.yaml" in md          # command line from the attrs
    for fig in ("figures/compliance.osh.png", "figures/child_labour.png", "figures/employment.png"):
        assert f"]({fig})" in md


def test_html_is_self_contained(memo_dir):
    html = (memo_dir / "memo.html").read_text()
    assert "<h1" in html and "Key findings" in html
    assert html.count("data:image/png;base64") == 3


def test_uncertain_effects_listed(tmp_path, scenario_files):
    """A scenario identical to the baseline but for its own noise: everything is uncertain."""
    d = tmp_path
    synthetic.write_scenario(d / "same.h5", effect=0.0, seed=1, own_noise=0.01, own_seed=5,
                             scenario_yaml=synthetic.BASELINE_YAML.replace("baseline", "same"))
    cfg = d / "memo.yaml"
    cfg.write_text(yaml.safe_dump({
        "question": "Does nothing change?", "baseline": "base",
        "scenarios": [{"label": "base", "file": str(scenario_files["baseline"])},
                      {"label": "same", "file": "same.h5"}],
        "dates": ["2022-12"], "indicators": ["compliance.osh"]}))
    assert main(["memo", str(cfg), "-o", str(d / "out")]) == 0
    md = (d / "out" / "memo.md").read_text()
    assert "interval that includes zero" in md and "direction of the effect is not established" in md
    assert "give no `source`" in md and "docs/model" in md           # no sources: pointer to the docs
    assert "does not differ from the baseline's in any parameter" in md


def test_bad_memo_config(tmp_path, capsys):
    cfg = tmp_path / "memo.yaml"
    cfg.write_text("question: x\nscenarios: []\n")
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "o")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: missing required key 'scenarios'\n")
    assert not (tmp_path / "o").exists()


def memo_config(folder, base, scenario, **extra):
    cfg = folder / "memo.yaml"
    cfg.write_text(yaml.safe_dump({
        "question": "Does it help?", "baseline": "base",
        "scenarios": [{"label": "base", "file": str(base)}, {"label": "policy", "file": str(scenario)}],
        "dates": ["2022-12"], "indicators": ["compliance.osh", "injury_rate"], **extra}))
    return cfg


def test_direction_words_come_from_the_file(tmp_path, capsys):
    kw = dict(months=72, indicators=["compliance.osh", "injury_rate"])
    base = synthetic.write_scenario(tmp_path / "b.h5", **kw)
    policy = synthetic.write_scenario(tmp_path / "p.h5", effect=0.04, own_noise=0.005, own_seed=3, **kw)
    rc, _, err = run_cli(capsys, "memo", memo_config(tmp_path, base, policy), "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    # compliance.osh rises (higher_is_better), injury_rate falls (lower_is_better): both improvements
    osh = next(line for line in md.splitlines() if line.startswith("- **compliance.osh**"))
    injuries = next(line for line in md.splitlines() if line.startswith("- **injury_rate**"))
    assert osh.endswith("An improvement.") and injuries.endswith("An improvement.")


def test_no_direction_attribute_means_no_direction_words(tmp_path, capsys):
    kw = dict(months=72, indicators=["compliance.osh", "injury_rate"], directions=False)
    base = synthetic.write_scenario(tmp_path / "b.h5", **kw)
    policy = synthetic.write_scenario(tmp_path / "p.h5", effect=0.04, own_noise=0.005, own_seed=3, **kw)
    rc, _, err = run_cli(capsys, "memo", memo_config(tmp_path, base, policy, groups=["gender"]), "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "improvement" not in md and "deterioration" not in md and "gains least" not in md
    assert "changes least" in md


def test_the_memo_yaml_direction_key_is_refused(tmp_path, scenario_files, capsys):
    cfg = memo_config(tmp_path, scenario_files["baseline"], scenario_files["better"],
                      direction={"subcontracted_share": "lower"})
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: 'direction' is no longer read: which change is "
                            "an improvement comes from each measure's direction attribute in the result files; "
                            "remove the key\n")


def test_memo_periods(tmp_path, scenario_files, capsys):
    cfg = memo_config(tmp_path, scenario_files["baseline"], scenario_files["better"],
                      dates=["2021", "2021-01:2022-12"])
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "**compliance.osh** in January 2021 to December 2022 (mean of 24 months) under **policy**" in md
    assert "2021 (mean of its 12 months)" not in md.split("# Key findings")[1].split("## What is uncertain")[0]
    effects = (tmp_path / "m" / "effects.csv").read_text().splitlines()
    assert effects[0].startswith("indicator,units,level,dimension,group,period,period_kind,")
    assert any(",2021,year," in line for line in effects) and any(",2021-01:2022-12,window," in line for line in effects)
    # --at on the command line replaces the file's dates
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m2", "--at", "2020")
    assert rc == 0, err
    assert "**compliance.osh** in 2020 (mean of its 12 months) under **policy**" in (tmp_path / "m2" / "memo.md").read_text()
    cfg.write_text(cfg.read_text().replace("2021-01:2022-12", "2021-13"))
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m3")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: dates: cannot read period '2021-13': expected a "
                            "month YYYY-MM, a year YYYY or a window YYYY-MM:YYYY-MM\n")


def test_interventions_described_with_every_setting_in_yaml_words():
    from supplysim.memo import describe_interventions
    doc = {"interventions": [{"type": "formalization", "where": {"countries": ["a"]}, "start": "2018-01",
                              "ramp": "linear", "ramp_months": 12, "homeworkers": True, "k1": 1, "k2": 2,
                              "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7}]}
    (text,) = describe_interventions(doc)
    assert text.startswith("`formalization` in countries a, from 2018-01, linear ramp over 12 months")
    assert "homeworkers true" in text and "True" not in text
    assert "k7 7" in text  # no setting is dropped: the defaults in force are assumptions too


def test_memo_from_ensemble_files(tmp_path, capsys):
    draw_means = np.array([0.02, 0.03, -0.01, 0.01, -0.02, 0.02, 0.01, 0.03, 0.02, 0.01])   # sign in 8 of 10
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.repeat(draw_means, 2).reshape(10, 2) + [0.001, -0.001])
    cfg = tmp_path / "memo.yaml"
    cfg.write_text(yaml.safe_dump({"question": "Robust?", "baseline": "base", "dates": ["2018"],
                                   "scenarios": [{"label": "base", "file": str(base)},
                                                 {"label": "policy", "file": str(policy)}]}))
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "95% of parameter draws and replicates between" in md and "sign in 80% of draws" in md
    assert "Its sign does not hold in 90% of parameter draws: the direction is not robust." in md
    assert "95% intervals over parameter draws and replicates together, paired draw by draw" in md
    assert "have a sign that holds in fewer than 90% of the parameter draws" in md
