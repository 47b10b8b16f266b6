"""The memo: every section present, numbers from the comparison, figures written and referenced."""
import re
import zipfile

import pytest
import yaml

import synthetic
from analysis.cli import main

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
    assert re.search(r"\*\*compliance\.osh\*\* in December 2022 under \*\*better_work\*\*: .*95% CI", md)
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
    assert main(["memo", str(cfg), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "memo.yaml" in err and "missing required key" in err


def test_interventions_described_with_every_setting_in_yaml_words():
    from analysis.memo import describe_interventions
    doc = {"interventions": [{"type": "formalization", "where": {"countries": ["a"]}, "start": "2018-01",
                              "ramp": "linear", "ramp_months": 12, "homeworkers": True, "k1": 1, "k2": 2,
                              "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7}]}
    (text,) = describe_interventions(doc)
    assert text.startswith("`formalization` in countries a, from 2018-01, linear ramp over 12 months")
    assert "homeworkers true" in text and "True" not in text
    assert "k7 7" in text  # no setting is dropped: the defaults in force are assumptions too
