"""Policy memo from a memo.yaml: Markdown (the source), HTML, DOCX and PDF, with figures and effects.csv.

memo.yaml:

    title: Better Work in Bangladesh            # optional
    author: Jane Analyst                        # optional
    question: Does ... ?
    baseline: baseline                          # a scenario label
    scenarios:
      - {label: baseline, file: baseline.h5, description: Current policies.}
      - {label: better_work, file: better_work.h5, description: ...}
    dates: [2020-12, 2030, 2025-01:2030-12]     # months, years (mean of 12 months), windows (mean)
    indicators: [compliance.osh, child_labour]  # optional, default all
    groups: [country, gender]                   # optional dimensions or crossings, default none ('all' only)
    css: house.css                              # optional: the organisation's style for HTML and PDF
    reference_doc: house.docx                   # optional: the organisation's Word template

The text is generated from the comparison table (memo_findings), so words and numbers cannot drift
apart. Which change is an improvement comes from each measure's `direction` attribute in the result
files; files without it get rises and falls, no verdicts.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
import struct
import subprocess
import sys
from pathlib import Path

import jinja2
import yaml

from . import __version__, compare, plot
from .effect_chart import effects_at_a_glance
from .errors import AnalysisError
from .hdf5 import check_regular_file
from .memo_evidence import merged_citations, merged_keys, read_evidence
from .memo_findings import (CLEAR, Measure, effects_for, group_sentences, headline_sentence, over_time_sentence,
                            period_phrase, scenario_verdict, summary_bullet, summary_effects, unchanged_sentence)
from .memo_render import check_style, find_tools, render
from .memo_scenarios import (describe_lever, differences, find_sources, lever_line, reach_sentences, scenario_yaml,
                             world_text)
from .memo_tables import UNCLEAR_MARK, all_workers_table, group_table
from .outputs import Outputs
from .periods import Period, format_date
from .readable import dimension_name, join_words
from .result_file import check_compatible, open_result

MAX_CHANGES = 40
TEXT_WIDTH_INCHES = 6.9          # an A4 page's text width in memo.css; figures narrower are not enlarged


# ---- configuration ----------------------------------------------------------------------------

def load_config(path: Path, periods=None) -> dict:
    """memo.yaml, checked; `periods` (from the command line) replace its `dates`."""
    check_regular_file(path)
    try:
        cfg = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise AnalysisError(f"not valid YAML: {exc}", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnalysisError(f"cannot read ({exc})", path) from None
    if isinstance(cfg, dict) and periods:
        cfg["dates"] = list(periods)
    if not isinstance(cfg, dict):
        raise AnalysisError("expected a mapping with question, scenarios, baseline, dates", path)
    for key in ("question", "scenarios", "baseline", "dates"):
        if not cfg.get(key):
            raise AnalysisError(f"missing required key {key!r}", path)
    scenarios = cfg["scenarios"]
    if not isinstance(scenarios, list) or not all(isinstance(s, dict) and "label" in s and "file" in s
                                                  for s in scenarios):
        raise AnalysisError("'scenarios' must be a list of {label, file, description}", path)
    labels = [str(s["label"]) for s in scenarios]
    if len(set(labels)) != len(labels):
        raise AnalysisError("scenario labels must be unique", path)
    if str(cfg["baseline"]) not in labels:
        raise AnalysisError(f"baseline {cfg['baseline']!r} is not one of the scenario labels {labels}", path)
    if len(scenarios) < 2:
        raise AnalysisError("a memo needs the baseline and at least one other scenario", path)
    if "direction" in cfg:
        raise AnalysisError("'direction' is no longer read: which change is an improvement comes from each "
                            "measure's direction attribute in the result files; remove the key", path)
    dates = cfg["dates"] if isinstance(cfg["dates"], list) else [cfg["dates"]]
    try:
        cfg["dates"] = [d if isinstance(d, Period) else Period.parse(d) for d in dates]
    except AnalysisError as exc:
        raise AnalysisError(exc.message, path, "dates") from None
    for key in ("indicators", "groups", "css"):
        if isinstance(cfg.get(key), str):
            cfg[key] = [s.strip() for s in cfg[key].split(",")] if key != "css" else [cfg[key]]
    return cfg


# ---- building ---------------------------------------------------------------------------------

def build_memo(config_path, out_dir, command_line: str = "supplysim-analysis memo", force: bool = False,
               periods=None, css=None, reference_doc=None) -> list:
    """Write the memo's files into `out_dir`; returns their paths. The tools, the style files and every
    output are checked (not an input, not existing unless `force`) before any work; every file is
    written atomically. `css`/`reference_doc` (command line) replace memo.yaml's."""
    config_path, out_dir = Path(config_path), Path(out_dir)
    cfg = load_config(config_path, periods)
    root = config_path.parent
    css_given = bool(css)
    css = [Path(c) for c in css] if css else [_resolve(root, c) for c in cfg.get("css") or []]
    style = check_style(css, Path(reference_doc) if reference_doc else
                        _resolve(root, cfg["reference_doc"]) if cfg.get("reference_doc") else None,
                        ("--css" if css_given else f"css in {config_path}",
                         "--reference-doc" if reference_doc else f"reference_doc in {config_path}"))
    tools = find_tools()
    entries = sorted(cfg["scenarios"], key=lambda s: str(s["label"]) != str(cfg["baseline"]))  # baseline first
    paths = [_resolve(root, e["file"]) for e in entries]
    files = [open_result(p) for p in paths]
    check_compatible(files)
    labels = [str(e["label"]) for e in entries]
    file_names = [f.scenario_name for f in files]
    for f, label in zip(files, labels):
        f.attrs["scenario_name"] = label  # the memo speaks of scenarios by their labels
    base = files[0]
    indicators = cfg.get("indicators") or list(base.indicators)
    dims = [_file_dimension(base, d) for d in cfg.get("groups") or []]
    periods = cfg["dates"]

    outputs = Outputs(inputs=[config_path, *paths, *style.css, *([style.reference_doc] if style.reference_doc else [])],
                      force=force)
    md_path = outputs.claim(out_dir / "memo.md", "memo.md")
    csv_path = outputs.claim(out_dir / "effects.csv", "effects.csv")
    glance_path = outputs.claim(out_dir / "figures" / "effects.png", "the figure of effects")
    figure_paths = {name: outputs.claim(out_dir / f"figures/{slug(name)}.png", f"the figure of {name}")
                    for name in indicators}
    yaml_paths = {label: outputs.claim(out_dir / "scenarios" / f"{slug(label)}.yaml", f"the scenario of {label}")
                  for label in labels}
    html, docx, pdf = (outputs.claim(out_dir / f"memo.{ext}", f"memo.{ext}") for ext in ("html", "docx", "pdf"))

    df = compare.compare(files, periods, dims=dims, indicators=indicators)
    outputs.write(csv_path, df.to_csv(index=False))
    headline = periods[-1].text
    measures = {name: Measure.of(base.indicator(name), df[df["indicator"] == name]) for name in indicators}
    effects = effects_for(df, measures, labels[1:], headline, dims)
    period_words = period_phrase(headline)

    written_figures = []
    glance = effects_at_a_glance(effects, dims, period_words)
    if glance is not None:
        plot.save(glance, glance_path, outputs)
        written_figures.append(glance_path)
    figures = {}
    for name in indicators:
        if all(es[indicators.index(name)].zero_everywhere for es in effects.values()):
            continue          # a flat line in both scenarios says nothing the text does not
        fig = plot.fan_chart(files, name, dims=dims[:1],
                             title=f"{measures[name].label} ({measures[name].fmt.level_unit})")
        plot.save(fig, figure_paths[name], outputs)
        written_figures.append(figure_paths[name])
        figures[name] = dict(path=_rel(figure_paths[name], out_dir), width=_width_percent(figure_paths[name]))

    evidence = {label: read_evidence(p) for label, p in zip(labels, paths)}
    docs = [scenario_yaml(f.attrs) for f in files]
    context_sources = _sources(labels, docs, evidence)
    context = dict(
        title=cfg.get("title") or str(cfg["question"]).strip().split("\n")[0][:80],
        author=cfg.get("author", ""), today=_dt.date.today().isoformat(), question=str(cfg["question"]).strip(),
        period_words=period_words, headline=headline,
        figure_groups=f", for all workers and by {dimension_name(dims[0])}" if dims else ", all workers",
        summaries=[_summary(label, effects[label], bool(dims)) for label in labels[1:]],
        glance=dict(path=_rel(glance_path, out_dir), width=_width_percent(glance_path)) if glance else None,
        uncertainty=_uncertainty_words(files, df),
        scenarios=_scenarios(entries, files, labels, file_names, docs, outputs, yaml_paths, df, indicators,
                             periods[-1]),
        measures=_measures(effects, indicators, figures),
        unchanged=unchanged_sentence(effects[labels[1]]),
        all_table=all_workers_table(effects),
        group_tables=[dict(label=measures[name].label, unit=measures[name].fmt.level_unit,
                           table=group_table([es[i] for es in effects.values()]))
                      for i, name in enumerate(indicators)
                      if dims and not all(es[i].zero_everywhere for es in effects.values())],
        unclear_mark=UNCLEAR_MARK, ensemble=bool((df["method"] == "ensemble").any()),
        method=_method(files, docs, evidence, df, labels),
        sources=context_sources,
        reproducibility=_reproducibility(files, labels, file_names, paths, yaml_paths, out_dir),
        memo_command=command_line, analysis_version=__version__, config_path=config_path,
        appendix=_appendix_letters(bool(dims), bool(context_sources["assumptions"])),
        tool_versions=_tool_versions(tools))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             comment_start_string="{##", comment_end_string="##}")   # {#id} is pandoc's
    env.filters["capitalize_first"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    outputs.write(md_path, env.get_template("memo.md.j2").render(**context))
    render(md_path, html, docx, pdf, outputs, tools, style, context["title"])
    return [md_path, csv_path, *written_figures, *yaml_paths.values(), html, docx, pdf]


def _file_dimension(base, requested: str) -> str:
    """The file's own name of a requested dimension or crossing (gender*country -> country*gender)."""
    base.check_dimensions([requested])
    for table in (base.groups, base.firm_groups):
        if table is not None and table.resolve_dimension(requested):
            return table.resolve_dimension(requested)
    return requested


def _summary(label: str, effects: list, groups_shown: bool) -> dict:
    chosen = summary_effects(effects)
    return dict(label=label, verdict=scenario_verdict(effects, groups_shown),
                bullets=[summary_bullet(e) for e in chosen],
                others=join_words(e.measure.in_sentence for e in effects
                                  if e not in chosen and not e.zero_everywhere and e.headline_state in CLEAR))


def _uncertainty_words(files, df) -> str:
    """The robustness sentence closing the summary."""
    methods = set(df["method"])
    reps = sorted({f.replicates for f in files})
    if "ensemble" in methods:
        ens = files[0].ensemble
        names = list(dict.fromkeys(n for f in files if f.ensemble for n in f.ensemble.parameter_names))
        return (f"Each effect was computed in {ens.draws} plausible worlds: draws of the uncertain parameters "
                f"({join_words(names)}), {ens.replicates_per_draw} replicate"
                f"{'s' if ens.replicates_per_draw > 1 else ''} each. \"In 9 of 10 plausible worlds\" counts the draws "
                "in which the effect has the sign shown; effects whose sign holds in fewer than 90% of the draws "
                "are called not robust. Structural assumptions of the model are not varied.")
    pairing = ("paired replicate by replicate (the runs share their random numbers)" if methods == {"paired"}
               else "compared as independent samples where the runs could not be paired")
    return (f"The intervals show replicate noise only: {' or '.join(map(str, reps))} runs of one set of parameter "
            f"values, {pairing}. They do not include uncertainty about the parameter values or the model's "
            "structure (see Method and limitations).")


def _scenarios(entries, files, labels, file_names, docs, outputs, yaml_paths, df, indicators, headline) -> list:
    out = []
    base_doc = docs[0]
    reach = _countries_with_effects(files, indicators, headline)
    for e, f, label, file_name, doc in zip(entries, files, labels, file_names, docs):
        outputs.write(yaml_paths[label], str(f.attrs.get("scenario_yaml", "")))
        is_base = f is files[0]
        levers = [describe_lever(iv, doc) for iv in doc.get("interventions") or [] if isinstance(iv, dict)]
        changes = differences(base_doc, doc) if not is_base else []
        out.append(dict(
            label=label, slug=slug(label), is_baseline=is_base, description=str(e.get("description", "")).strip(),
            yaml_description=str(doc.get("description", "")).strip(), levers=levers,
            lever_lines=[lever_line(lv) for lv in levers], changes=changes[:MAX_CHANGES],
            more_changes=max(0, len(changes) - MAX_CHANGES), scenario_name=file_name,
            reach=reach_sentences(levers, doc, reach.get(label)) if not is_base else "",
            horizon=f"{format_date(f.time[0])} to {format_date(f.time[-1])}", replicates=f.replicates))
    return out


def _countries_with_effects(files, indicators, headline) -> dict:
    """{scenario label: countries where at least one memo measure changes clearly}, when the files are
    disaggregated by country; the levers' reach is judged on it, whatever groups the memo shows."""
    base = files[0]
    names = [n for n in indicators if base.indicator(n).groups == "groups"]
    if not names or base.groups.resolve_dimension("country") is None:
        return {}
    df = compare.compare(files, [headline], dims=["country"], indicators=names)
    rows = df[(df["dimension"] == "country") & (df["flag"] == "") & (df["difference"] != 0)
              & df["low"].notna()]
    order = [g.value for g in base.groups if g.dimension == "country"]
    return {scen: [c for c in order if c in set(rows[rows["scenario"] == scen]["group"])]
            for scen in df["scenario"].unique()}


def _measures(effects: dict, indicators: list, figures: dict) -> list:
    out = []
    for i, name in enumerate(indicators):
        per = [es[i] for es in effects.values()]
        if all(e.zero_everywhere for e in per):
            continue
        m = per[0].measure
        out.append(dict(
            name=name, label=m.label, description=m.description, unit=m.fmt.level_unit,
            direction={"higher": "higher is better", "lower": "lower is better"}.get(m.better, ""),
            scenarios=[dict(label=e.scenario, headline=headline_sentence(e), over_time=over_time_sentence(e),
                            groups=group_sentences(e)) for e in per if not e.zero_everywhere],
            figure=figures.get(name)))
    return out


def _method(files, docs, evidence, df, labels) -> dict:
    base, doc = files[0], docs[0]
    ev = evidence[labels[0]]
    calibrated = ev.counts.get("calibrated") if ev.read else None
    uncertainty = str(base.attrs.get("uncertainty", "") or "").strip()
    return dict(
        version=base.attrs.get("program_version", "?"), world=world_text(doc),
        horizon=f"{Period.month(int(base.time[0])).describe()} to {Period.month(int(base.time[-1])).describe()}",
        counts=ev.counts if ev.read else None, evidence_error=ev.error, calibrated=calibrated,
        calibrated_keys=[k for k, _ in ev.calibrated], uncertainty=uncertainty,
        ensemble=base.ensemble, replicates=sorted({f.replicates for f in files}),
        paired=set(df["method"]) == {"paired"}, labels=labels,
        scenario_counts=[(label, evidence[label].counts) for label in labels if evidence[label].read])


def _sources(labels, docs, evidence) -> dict:
    in_files = {}
    for label, doc in zip(labels, docs):
        for key, text in find_sources(doc):
            in_files.setdefault((key, text), []).append(label)
    read = [evidence[label] for label in labels if evidence[label].read]
    errors = list(dict.fromkeys(evidence[label].error for label in labels if not evidence[label].read))
    assumptions = merged_keys(read, "assumptions")
    lever = [(k, n) for k, n in assumptions if k.startswith("interventions")]
    sections = {}
    for key, _ in assumptions:
        if (key, _) not in lever:
            sections.setdefault(key.split(".")[0].split("[")[0], []).append(key)
    return dict(in_files=[dict(key=k, text=t, scenarios=", ".join(v)) for (k, t), v in in_files.items()],
                citations=merged_citations(read), errors=errors, assumptions=assumptions,
                lever_assumptions=lever, assumption_sections=sections,
                unregistered=list(dict.fromkeys(k for ev in read for k in ev.unregistered)))


def _appendix_letters(groups: bool, assumptions: bool) -> dict:
    """Letters of the appendices present, in order."""
    names = ["levers"] + (["groups"] if groups else []) + (["assumptions"] if assumptions else []) + ["repro"]
    return {name: "ABCD"[i] for i, name in enumerate(names)}


def _reproducibility(files, labels, file_names, paths, yaml_paths, out_dir) -> list:
    return [dict(label=label, path=str(p), sha256=_sha256(p), scenario_name=name,
                 program_version=f.attrs.get("program_version", "?"), seed=f.attrs.get("seed", "?"),
                 replicates=f.replicates, runs=f.runs, created=f.attrs.get("created", "?"),
                 command_line=f.attrs.get("command_line", "?"), scenario_file=f.attrs.get("scenario_file", "?"),
                 resolved=_rel(yaml_paths[label], out_dir),
                 horizon=f"{format_date(f.time[0])} to {format_date(f.time[-1])}")
            for f, label, name, p in zip(files, labels, file_names, paths)]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _tool_versions(tools) -> str:
    out = [f"Python {sys.version.split()[0]}"]
    for tool in (tools.pandoc, tools.weasyprint):
        try:
            first = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=30).stdout
            out.append(first.strip().splitlines()[0])
        except (OSError, subprocess.TimeoutExpired, IndexError):
            out.append(f"{Path(tool).name} (version unknown)")
    return "; ".join(out)


def _width_percent(png: Path) -> int:
    """A figure's width on the page: its own width (PNG pixels at plot.save's 150 dpi), at most the page."""
    with open(png, "rb") as fh:
        header = fh.read(24)
    width_px = struct.unpack(">I", header[16:20])[0]
    return int(min(100, round(100 * width_px / 150 / TEXT_WIDTH_INCHES)))


def _rel(path: Path, out_dir: Path) -> str:
    return path.relative_to(out_dir).as_posix()


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "scenario"


def _resolve(root: Path, file) -> Path:
    p = Path(str(file))
    return p if p.is_absolute() else root / p
