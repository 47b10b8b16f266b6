"""The memo: summary first, words from the numbers, every interval in the PDF, figures that fit a page,
an organisation's style, and a clear error when the PDF cannot be made."""
import hashlib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pandas as pd
import pytest
import yaml

import synthetic
from conftest import run_cli
from supplysim.cli import main
from supplysim.memo_numbers import MINUS, MeasureFormat
from supplysim.result_file import open_result

SECTIONS = ["# Summary", "# Scenarios", "# Findings", "# Method and limitations", "# Sources",
            "# Appendix A: lever settings", "# Appendix B: effects by group", "reproducibility {.appendix}"]


def text_of_pdf(pdf: Path) -> str:
    """The PDF's text, spaces normalised (no-break spaces and line breaks become one space)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out.replace("\u00a0", " "))


def memo_config(folder, base, scenario, **extra):
    cfg = folder / "memo.yaml"
    cfg.write_text(yaml.safe_dump({
        "question": "Does it help?", "baseline": "base",
        "scenarios": [{"label": "base", "file": str(base)}, {"label": "policy", "file": str(scenario)}],
        "dates": ["2022-12"], "indicators": ["compliance.osh", "injury_rate"], **extra}))
    return cfg


@pytest.fixture(scope="module")
def memo_dir(scenario_files, tmp_path_factory):
    out = tmp_path_factory.mktemp("memo") / "memo"
    assert main(["memo", str(scenario_files["memo"]), "-o", str(out)]) == 0
    return out


def test_outputs_written(memo_dir):
    for name in ("memo.md", "memo.html", "memo.docx", "memo.pdf", "effects.csv"):
        assert (memo_dir / name).stat().st_size > 0, name
    assert (memo_dir / "memo.pdf").read_bytes()[:5] == b"%PDF-"
    figs = sorted(p.name for p in (memo_dir / "figures").glob("*.png"))
    assert figs == ["child_labour.png", "compliance.osh.png", "effects.png", "employment.png"]
    with zipfile.ZipFile(memo_dir / "memo.docx") as z:
        names = z.namelist()
        body = z.read("word/document.xml").decode()
    assert sum(n.startswith("word/media/") for n in names) == 4   # figures embedded in the DOCX
    assert "Summary" in body and "reproducibility" in body
    assert 'w:w="11906"' in body and 'w:h="16838"' in body          # A4 pages, not pandoc's US Letter
    assert body.count("<w:tr>") == body.count("<w:tr><w:trPr><w:cantSplit />") > 10   # rows never split


def test_summary_first_then_every_section(memo_dir):
    md = (memo_dir / "memo.md").read_text()
    positions = [md.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    first_heading = next(line for line in md.splitlines() if line.startswith("# "))
    assert first_heading == "# Summary {#summary}"
    summary = md.split("# Summary")[1].split("# Scenarios")[0]
    assert "Would a Better Work programme" in summary                 # the question
    # plain language, readable names and units, the verdict from the measures' directions
    assert "Both measures with a clear effect improve, for workers as a whole and for every group shown." in summary
    assert "- **Compliance on safety and health**: up from " in summary and "% of workers (+4.0" in summary
    assert "The intervals show replicate noise only: 5 runs of one set of parameter values" in summary
    assert "compliance.osh" not in summary                            # no internal names in the summary
    assert "gains" not in md and "Key findings" not in md


def test_findings_words_units_and_groups(memo_dir):
    md = (memo_dir / "memo.md").read_text()
    findings = md.split("# Findings")[1].split("# Method and limitations")[0]
    assert "## Compliance on safety and health" in findings and "## Child labour" in findings
    assert re.search(r"In December 2022, the share rises from \d+\.\d% to \d+\.\d% of workers \(\+\d\.\d\u00a0pp; "
                     r"95% CI \+\d\.\d\u00a0to\u00a0\+\d\.\d\u00a0pp\), an improvement\.", findings)
    assert re.search(r"In December 2022, the number falls from \d+ to \d+ workers \(\u2212\d+\.\d\u00a0workers; ",
                     findings)                                         # a fall in child labour is an improvement
    assert "By gender: better for both: " in findings and "By tier: better in both: tier 1" in findings
    assert "Change from the baseline over time: " in findings and "in December 2020 and " in findings
    # employment has no better direction ("neither"): rises and falls, no verdict
    employment = findings.split("## Employment")[1]
    assert "the number falls" in employment and "improvement" not in employment and "deterioration" not in employment


def test_scenarios_levers_method_sources_and_reproducibility(memo_dir, scenario_files):
    md = (memo_dir / "memo.md").read_text()
    assert "Buyers double audits" in md                               # the scenario description
    assert "`buyers.brand.audits_per_year`: `1` → `2`" in md          # assumptions from the resolved YAML
    assert "Better Work (2016) impact assessment, Table 3" in md      # a source the scenario file cites
    method = md.split("# Method and limitations")[1].split("# Sources")[0]
    for words in ("**Model.**", "**Calibration state.**", "**Uncertainty included.**", "**What is left out.**",
                  "structure"):
        assert words in method
    repro = md.split("reproducibility {.appendix}")[1]
    for key in ("baseline", "better"):
        digest = hashlib.sha256(Path(scenario_files[key]).read_bytes()).hexdigest()
        assert f"SHA-256: `{digest}`" in repro
    assert "program version 0.1.0-synthetic" in repro and "seed 1" in repro
    assert "supplysim run scenarios/better_work.yaml" in repro        # command line from the attrs
    assert "supplysim-analysis memo" in repro


def test_html_is_self_contained_and_tables_do_not_scroll(memo_dir):
    html = (memo_dir / "memo.html").read_text()
    assert "<h1" in html and 'id="summary"' in html
    assert html.count("data:image/png;base64") == 4
    assert "overflow-x: auto" not in html                             # pandoc's default makes tables scroll
    assert "table-layout: fixed" in html and "<colgroup>" in html     # column widths fit the text width


def expected_intervals(csv: Path) -> list:
    """Every interval the memo's tables show, formatted from effects.csv: all-workers rows at every
    date, group rows at the last date (measures of the synthetic catalogue)."""
    df = pd.read_csv(csv)
    last = df["period"].iloc[-1]
    out = []
    for name, rows in df.groupby("indicator", sort=False):
        if ((rows["difference"] == 0) & (rows["low"] == 0) & (rows["high"] == 0)).all():
            continue
        fmt = MeasureFormat.for_rows(synthetic.META[name][1], rows["units"].iloc[0], rows)
        shown = rows[(rows["dimension"] == "all") | (rows["period"] == last)]
        out += [fmt.interval(r.low, r.high) for r in shown.itertuples()]
    return out


def test_pdf_has_every_interval_and_nothing_past_the_margin(memo_dir, tmp_path):
    intervals = expected_intervals(memo_dir / "effects.csv")
    assert len(intervals) == 3 * (2 + 4)      # 3 measures: all workers at 2 dates, 4 groups at the last
    assert f"{MINUS}" in "".join(intervals)   # child labour falls: negative bounds, with a true minus
    text = text_of_pdf(memo_dir / "memo.pdf")
    missing = [i for i in intervals if i.replace("\u00a0", " ") not in text]
    assert not missing, f"intervals missing from the PDF: {missing}"
    # Pages as a reader sees them: nothing is drawn in the right margin (a table or figure running off
    # the page would be). A4 at 40 dpi is 331 px wide; the margin is 15 mm (24 px): test its outer 16 px.
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(memo_dir / "memo.pdf"), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 5
    for page in pages:
        pixels = mpimg.imread(page)[:, :, :3]
        assert pixels.shape[1] == 331, page.name
        assert pixels[:, -16:].min() > 0.97, f"{page.name}: something is drawn in the right margin"


def test_figures_at_most_four_panels_a_row_value_axis_from_zero(scenario_files):
    from supplysim import plot
    files = [open_result(scenario_files["baseline"]), open_result(scenario_files["better"])]
    fig = plot.fan_chart(files, "compliance.osh", dims=["country", "tier", "gender"])   # 7 panels
    panels = [ax for ax in fig.axes if ax.get_visible()]
    rows = {}
    for ax in panels:
        rows.setdefault(round(ax.get_position().y0, 3), []).append(ax)
    assert sorted(len(r) for r in rows.values()) == [3, 4]
    assert all(ax.get_ylim()[0] == 0 for ax in panels)
    assert [ax.get_title() for ax in panels][:3] == ["all workers", "Bangladesh", "Vietnam"]
    assert all(ax.get_ylabel() == "" for ax in panels)             # units in the title: no labels to overlap
    # the time axis ends at the last month: no tick label at a panel's edge runs into the next panel
    import matplotlib.dates as mdates
    first, last = files[0].time[0], files[0].time[-1]
    assert panels[0].get_xlim() == tuple(mdates.date2num(np.datetime64(f"{t // 100}-{t % 100:02d}-01"))
                                         for t in (first, last))
    plot.plt.close(fig)


def test_effects_at_a_glance_at_most_four_panels_a_row(tmp_path):
    """Seven measures: rows of 4 and 3 panels, one row of dots per group, the group names on the left."""
    from supplysim import compare, plot
    from supplysim.effect_chart import effects_at_a_glance
    from supplysim.memo_findings import Measure, effects_for
    names = ["compliance.osh", "compliance.wages", "below_minimum_wage", "excess_hours", "injury_rate",
             "union_density", "informal_share"]
    kw = dict(months=24, indicators=names, dims=("country", "gender"))
    files = [open_result(synthetic.write_scenario(tmp_path / "b.h5", **kw)),
             open_result(synthetic.write_scenario(tmp_path / "p.h5", effect=0.03, own_noise=0.005, own_seed=2, **kw))]
    df = compare.compare(files, ["2018-12"], dims=["country", "gender"], indicators=names)
    measures = {n: Measure.of(files[0].indicator(n), df[df["indicator"] == n]) for n in names}
    fig = effects_at_a_glance(effects_for(df, measures, ["p"], "2018-12", ["country", "gender"]),
                              ["country", "gender"], "in December 2018")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    rows = {}
    for ax in panels:
        rows.setdefault(round(ax.get_position().y0, 3), []).append(ax)
    assert sorted(len(r) for r in rows.values()) == [3, 4]
    assert [t.get_text() for t in panels[0].get_yticklabels()] == ["all", "Bangladesh", "Vietnam", "women", "men"]
    assert panels[0].get_title() == "Compliance on safety\nand health"
    plot.plt.close(fig)


def test_a_measure_that_is_zero_everywhere_gets_no_sentence_and_no_negative_axis(tmp_path, capsys):
    """Injuries are 0 in every month of both files (as compensated injuries are without the lever)."""
    groups = synthetic.make_groups()
    base_values = synthetic.scenario_values(months=36, groups=groups, indicators=["compliance.osh"])
    policy_values = synthetic.scenario_values(effect=0.04, months=36, groups=groups, indicators=["compliance.osh"],
                                              own_noise=0.005, own_seed=3)
    zeros = np.zeros_like(base_values["compliance.osh"])
    base = synthetic.write_result(tmp_path / "b.h5", {**base_values, "injury_rate": zeros}, start="2020-01",
                                  scenario_name="base")
    policy = synthetic.write_result(tmp_path / "p.h5", {**policy_values, "injury_rate": zeros}, start="2020-01",
                                    scenario_name="policy")
    cfg = memo_config(tmp_path, base, policy, groups=["country"])
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert md.count("Occupational injuries") == 1 and "## Occupational injuries" not in md
    assert ("Occupational injuries is the same in both scenarios in every replicate, group and period; the "
            "findings leave it out.") in md
    assert "+0" not in md and "\u00b10" not in md
    assert not (tmp_path / "m" / "figures" / "injury_rate.png").exists()
    from supplysim import plot
    fig = plot.fan_chart([open_result(base), open_result(policy)], "injury_rate", dims=["country"])
    assert all(ax.get_ylim() == (0.0, 1.0) for ax in fig.axes if ax.get_visible())
    plot.plt.close(fig)


def mixed_files(folder: Path, directions: bool = True):
    """Compliance on wages rises overall and in Bangladesh but falls in Viet Nam (lower tier); injuries
    rise everywhere (a loss)."""
    groups = synthetic.make_groups(("country",))
    names = ["compliance.wages", "injury_rate"]
    base = synthetic.scenario_values(replicates=6, months=24, groups=groups, indicators=names)
    policy = synthetic.scenario_values(replicates=6, months=24, groups=groups, indicators=names, own_noise=0.004,
                                       own_seed=4)
    t = np.linspace(0, 1, 24)[None, :]
    policy["compliance.wages"][..., 0] += 0.08 * t
    policy["compliance.wages"][..., 1] += 0.20 * t
    policy["compliance.wages"][..., 2] -= 0.05 * t
    policy["injury_rate"] += 0.4 * t[..., None]
    kw = dict(groups=groups, start="2021-01", directions=directions)
    return (synthetic.write_result(folder / "base.h5", base, scenario_name="base", **kw),
            synthetic.write_result(folder / "policy.h5", policy, scenario_name="policy", **kw))


def test_mixed_results_are_not_called_an_improvement_and_a_loss_is_never_a_gain(tmp_path, capsys):
    base, policy = mixed_files(tmp_path)
    cfg = memo_config(tmp_path, base, policy, indicators=["compliance.wages", "injury_rate"], groups=["country"])
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    summary = md.split("# Summary")[1].split("# Scenarios")[0]
    assert "The results are mixed." in summary
    assert "compliance on wages (better overall, worse in 1 of 2 countries: Vietnam)" in summary
    assert "Worse: occupational injuries." in summary
    assert "improve, for workers as a whole" not in summary
    assert re.search(r"\*\*Compliance on wages\*\*: up from .*, an improvement for workers as a whole; but worse "
                     r"in 1 of 2 countries: Vietnam \(\u2212\d\.\d+\u00a0pp\)\.", summary)
    assert re.search(r"\*\*Occupational injuries\*\*: up from .*, a deterioration", summary)
    findings = md.split("# Findings")[1]
    assert re.search(r"By country: better in Bangladesh \(\+\d+\.\d+\u00a0pp\); worse in Vietnam \(\u2212", findings)
    for wrong in ("gain", "A deterioration.", "An improvement."):
        assert wrong not in md


def test_no_direction_attribute_means_no_direction_words(tmp_path, capsys):
    base, policy = mixed_files(tmp_path, directions=False)
    cfg = memo_config(tmp_path, base, policy, indicators=["compliance.wages", "injury_rate"], groups=["country"])
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    notice = ("The result files do not say which direction of change is better for these measures, so this memo "
              "reports rises and falls without judging them.")
    assert notice in md
    for word in ("improvement", "deterioration", "better", "worse", "gain"):
        assert word not in md.split("# Method and limitations")[0].replace(notice, ""), word
    assert "Different for different groups: compliance on wages (up overall, down in 1 of 2 countries: Vietnam)." in md
    assert "Up: occupational injuries." in md


def test_format_version_1_files(tmp_path, capsys):
    kw = dict(months=24, indicators=["compliance.osh", "injury_rate"], format_version=1)
    base = synthetic.write_scenario(tmp_path / "b.h5", **kw)
    policy = synthetic.write_scenario(tmp_path / "p.h5", effect=0.04, own_noise=0.005, own_seed=3, **kw)
    rc, _, err = run_cli(capsys, "memo", memo_config(tmp_path, base, policy, dates=["2018-12"]), "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "**Compliance on safety and health**: up from" in md and "improvement" not in md


def test_a_label_attribute_names_the_measure(tmp_path, capsys):
    base = synthetic.write_scenario(tmp_path / "b.h5", months=24, indicators=["compliance.osh"])
    policy = synthetic.write_scenario(tmp_path / "p.h5", months=24, indicators=["compliance.osh"], effect=0.04,
                                      own_noise=0.005, own_seed=3)
    import h5py
    for path in (base, policy):
        with h5py.File(path, "a") as f:
            f["indicators/compliance.osh"].attrs["label"] = "OSH compliance"
    rc, _, err = run_cli(capsys, "memo", memo_config(tmp_path, base, policy, dates=["2018-12"],
                                                     indicators=["compliance.osh"]), "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "## OSH compliance" in md and "Compliance on safety and health" not in md


def test_memo_periods(tmp_path, scenario_files, capsys):
    cfg = memo_config(tmp_path, scenario_files["baseline"], scenario_files["better"],
                      dates=["2021", "2021-01:2022-12"])
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    md = (tmp_path / "m" / "memo.md").read_text()
    assert "compared with the baseline, over January 2021 to December 2022 (mean of 24 months).**" in md
    assert "in 2021 (mean of its 12 months)" in md                    # the earlier period, over time
    effects = (tmp_path / "m" / "effects.csv").read_text().splitlines()
    assert effects[0].startswith("indicator,units,level,dimension,group,period,period_kind,")
    assert any(",2021,year," in line for line in effects) and any(",2021-01:2022-12,window," in line for line in effects)
    # --at on the command line replaces the file's dates
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m2", "--at", "2020")
    assert rc == 0, err
    assert "In 2020 (mean of its 12 months), the share rises" in (tmp_path / "m2" / "memo.md").read_text()
    cfg.write_text(cfg.read_text().replace("2021-01:2022-12", "2021-13"))
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m3")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: dates: cannot read period '2021-13': expected a "
                            "month YYYY-MM, a year YYYY or a window YYYY-MM:YYYY-MM\n")


def _memo_of_pair(tmp_path, capsys, base, policy) -> str:
    """memo.md of a baseline and a policy file, the effects in 2018."""
    cfg = tmp_path / "memo.yaml"
    cfg.write_text(yaml.safe_dump({"question": "Robust?", "baseline": "base", "dates": ["2018"],
                                   "scenarios": [{"label": "base", "file": str(base)},
                                                 {"label": "policy", "file": str(policy)}]}))
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert rc == 0, err
    return (tmp_path / "m" / "memo.md").read_text()


def test_memo_from_ensemble_files(tmp_path, capsys):
    draw_means = np.array([0.02, 0.03, -0.01, 0.01, -0.02, 0.02, 0.01, 0.03, 0.02, 0.01])   # sign in 8 of 10
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.repeat(draw_means, 2).reshape(10, 2) + [0.001, -0.001])
    md = _memo_of_pair(tmp_path, capsys, base, policy)
    assert ("**Compliance on safety and health**: up in only 8 of 10 plausible worlds, so the direction is not "
            "robust") in md
    assert "it moves this way in only 8 of 10 plausible worlds, so the direction is not robust." in md
    assert "Each effect was computed in 10 plausible worlds: draws of the uncertain parameters (law_gain and " \
           "lag_months), 2 replicates each." in md
    assert "ranges: {law_gain: [0.1, 0.5]}" in md                     # the ensemble's settings, from the file
    assert "| 8 of 10 |" in md                                        # the table's sign column
    assert "replicate noise only" not in md
    assert "\u22122.0 to +3.1 \u2020" in text_of_pdf(tmp_path / "m" / "memo.pdf")   # interval, not-robust mark


def test_without_weasyprint_the_memo_fails_and_writes_nothing(tmp_path, scenario_files, capsys, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "pandoc").symlink_to(shutil.which("pandoc"))
    monkeypatch.setenv("PATH", str(tools))
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", tmp_path / "m")
    assert (rc, err) == (1, "supplysim-analysis memo: error: weasyprint is not installed, so memo.pdf cannot be "
                            "made (on Debian: apt-get install pandoc weasyprint (or bash .ci/install-deps.sh)); "
                            "nothing was written\n")
    assert not (tmp_path / "m").exists()


def test_an_organisations_css_and_word_template(tmp_path, scenario_files, capsys):
    css = tmp_path / "house.css"
    css.write_text("h1 { color: rgb(120, 20, 60); } /* house style */\n")
    # A Word template of our own: pandoc's, with the body font renamed, so the DOCX shows it was used.
    reference = tmp_path / "house.docx"
    reference.write_bytes(subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                                         capture_output=True, check=True).stdout)
    with zipfile.ZipFile(reference) as z:
        items = {n: z.read(n) for n in z.namelist()}
    items["word/styles.xml"] = items["word/styles.xml"].replace(b"<w:rPrDefault>\n      <w:rPr>",
                                                                b'<w:rPrDefault>\n      <w:rPr><w:rFonts w:ascii="HouseSans"/>')
    assert b"HouseSans" in items["word/styles.xml"]
    with zipfile.ZipFile(reference, "w") as z:
        for n, data in items.items():
            z.writestr(n, data)
    out = tmp_path / "m"
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", out, "--css", css, "--reference-doc", reference)
    assert rc == 0, err
    html = (out / "memo.html").read_text()
    assert "rgb(120, 20, 60)" in html and html.index("rgb(120, 20, 60)") > html.index("table-layout: fixed")
    with zipfile.ZipFile(out / "memo.docx") as z:
        assert b"HouseSans" in z.read("word/styles.xml")
    # the same from memo.yaml, relative to it
    cfg = tmp_path / "memo.yaml"
    doc = yaml.safe_load(Path(scenario_files["memo"]).read_text())
    doc["scenarios"] = [{**s, "file": str(Path(scenario_files["memo"]).parent / s["file"])} for s in doc["scenarios"]]
    cfg.write_text(yaml.safe_dump({**doc, "css": "house.css", "reference_doc": "house.docx"}))
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m2")
    assert rc == 0, err
    assert "rgb(120, 20, 60)" in (tmp_path / "m2" / "memo.html").read_text()


def test_bad_style_files_are_refused_before_any_work(tmp_path, scenario_files, capsys):
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", tmp_path / "m", "--css", tmp_path / "no.css")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {tmp_path / 'no.css'}: --css: no such file\n")
    wrong = tmp_path / "house.txt"
    wrong.write_text("x")
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", tmp_path / "m", "--reference-doc", wrong)
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {wrong}: --reference-doc: expected a .docx file\n")
    assert not (tmp_path / "m").exists()


def test_bad_memo_config(tmp_path, capsys):
    cfg = tmp_path / "memo.yaml"
    cfg.write_text("question: x\nscenarios: []\n")
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "o")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: missing required key 'scenarios'\n")
    assert not (tmp_path / "o").exists()


def test_the_memo_yaml_direction_key_is_refused(tmp_path, scenario_files, capsys):
    cfg = memo_config(tmp_path, scenario_files["baseline"], scenario_files["better"],
                      direction={"subcontracted_share": "lower"})
    rc, _, err = run_cli(capsys, "memo", cfg, "-o", tmp_path / "m")
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {cfg}: 'direction' is no longer read: which change is "
                            "an improvement comes from each measure's direction attribute in the result files; "
                            "remove the key\n")


def test_memo_of_a_posterior_ensemble_says_the_calibrated_keys_are_drawn(tmp_path, capsys):
    """A baseline run with `--uncertainty FILE` and a policy with the same block in its scenario: the block
    is not a setting that differs, and the calibration state says the calibrated keys were drawn."""
    import h5py
    from supplysim.memo_scenarios import differences
    assert differences({"uncertainty": {"draws": 10}, "seed": 1}, {"seed": 1}) == []
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.full((10, 2), 0.02))
    for path in (base, policy):
        with h5py.File(path, "a") as f:
            f.attrs["uncertainty"] = "posterior: calibration/baseline_cross_section.calib.h5\ndraws: 10\n"
    md = _memo_of_pair(tmp_path, capsys, base, policy)
    state = next(line for line in md.splitlines() if line.startswith("**Calibration state.**"))
    assert "The result files do not record a calibration" not in state
    assert ("drawn from its posterior in every run" in state
            or "The parameter ensemble draws from a calibration posterior" in state)
