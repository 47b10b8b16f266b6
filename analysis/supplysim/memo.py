"""Policy memo from a memo.yaml: Markdown (the source), HTML and DOCX via pandoc, PDF via weasyprint if present.

The findings are sentences generated from the comparison table, so the text and the numbers cannot
drift apart. memo.yaml:

    title: Better Work in Bangladesh            # optional
    author: Jane Analyst                        # optional
    question: Does ... ?
    baseline: baseline                          # a scenario label
    scenarios:
      - {label: baseline, file: baseline.h5, description: Current policies.}
      - {label: better_work, file: better_work.h5, description: ...}
    dates: [2020-12, 2030, 2025-01:2030-12]     # months, years (mean of 12 months), windows (mean)
    indicators: [compliance.osh, child_labour]  # optional, default all
    groups: [gender, country*gender]            # optional dimensions or crossings, default none ('all' only)

Which change is an improvement comes from each measure's `direction` attribute in the result files.
"""
from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import numpy as np
import yaml

from . import __version__, compare, plot
from .errors import AnalysisError
from .hdf5 import check_regular_file
from .outputs import Outputs
from .periods import Period, format_date
from .result_file import check_compatible, open_result

MAX_CHANGES = 25
MAX_UNCERTAIN = 12

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
    for key in ("indicators", "groups"):
        if isinstance(cfg.get(key), str):
            cfg[key] = [s.strip() for s in cfg[key].split(",")]
    return cfg


# ---- words from numbers -----------------------------------------------------------------------

def period_text(period: str) -> str:
    return Period.parse(period).describe()


def level(x: float, kind: str, units: str) -> str:
    if not np.isfinite(x):
        return "not defined"
    if kind == "share":
        return f"{100 * x:.1f}%"
    return f"{x:,.3g} {units}".strip() if kind == "count" else f"{x:.3g}"


def change(x: float, kind: str, signed=True) -> str:
    if not np.isfinite(x):
        return "NA"
    if kind == "share":
        return f"{100 * x:+.1f} pp" if signed else f"{100 * x:.1f} pp"
    return f"{x:+,.3g}" if signed else f"{x:,.3g}"


def interval(row, kind: str) -> str:
    if not (np.isfinite(row.low) and np.isfinite(row.high)):
        return "no interval: fewer than 2 replicates have workers in this group"
    if row.method == "ensemble":
        return (f"95% of parameter draws and replicates between {change(row.low, kind)} and "
                f"{change(row.high, kind)}; sign in {compare.fmt_share(row.p_sign)} of draws")
    return f"95% CI {change(row.low, kind)} to {change(row.high, kind)}"


def finding(row, kind: str, units: str, better: str) -> str:
    """One sentence on the effect for all workers in one period."""
    verdict = ""
    if row.difference == 0 and row.low == row.high == 0:
        verdict = " No replicate shows any difference."
    elif row.flag == compare.FLAG_NOT_ROBUST:
        verdict = " Its sign does not hold in 90% of parameter draws: the direction is not robust."
    elif row.flag:
        verdict = " The interval includes zero: the direction of the effect is not established."
    elif better:
        improved = (row.difference > 0) == (better == "higher")
        verdict = " An improvement." if improved else " A deterioration."
    rel = f", {compare.fmt_pct(row.relative)}" if np.isfinite(row.relative) else ""
    return (f"**{row.indicator}** in {period_text(row.period)} under **{row.scenario}**: "
            f"{level(row.value, kind, units)} against {level(row.baseline, kind, units)} in the baseline, "
            f"a difference of {change(row.difference, kind)}{rel} ({interval(row, kind)}).{verdict}")


def least_gain(rows, kind: str, better: str) -> str | None:
    """Which group gains least (or changes least, when we do not know which way is better)."""
    # Counts scale with group size, so groups are ranked by relative change for them.
    measure = "relative" if kind == "count" else "difference"
    rows = rows[(rows["dimension"] != "all") & np.isfinite(rows[measure])]
    if len(rows) < 2:
        return None
    gain = rows[measure] * (-1 if better == "lower" else 1)
    worst = rows.loc[gain.abs().idxmin() if not better else gain.idxmin()]
    best = rows.loc[gain.abs().idxmax() if not better else gain.idxmax()]
    what = "gains least" if better else "changes least"
    tail = {compare.FLAG_CROSSES_ZERO: " (its interval includes zero)",
            compare.FLAG_NOT_ROBUST: " (its sign is not robust across parameter draws)"}.get(worst.flag, "")

    def size(r):
        return change(r.difference, kind) + (f" ({compare.fmt_pct(r.relative)})" if kind == "count" else "")
    return (f"For {worst.indicator} under {worst.scenario}, the group that {what} is "
            f"**{compare.group_text(worst.dimension, worst.group)}**: {size(worst)}, {interval(worst, kind)}{tail}; "
            f"the group that {what.replace('least', 'most')} is {compare.group_text(best.dimension, best.group)}: "
            f"{size(best)}.")


def no_change(df):
    """Effects that are exactly zero in every replicate: certain, not uncertain."""
    return (df["difference"] == 0) & (df["low"] == 0) & (df["high"] == 0)


def undefined(df):
    return ~np.isfinite(df["low"]) | ~np.isfinite(df["high"])


def crossing(df):
    return (df["flag"] != "") & ~no_change(df) & ~undefined(df)


def uncertainty_intro(df, n_crossing: int) -> str:
    if (df["method"] == "ensemble").all():
        text = (f"{n_crossing} of {len(df)} estimated effects have a sign that holds in fewer than 90% of the "
                "parameter draws; for these the direction of the effect is not robust to what we do not know "
                "about the parameters")
    else:
        text = (f"{n_crossing} of {len(df)} estimated effects have a 95% interval that includes zero; for these "
                "the replicates do not establish the direction of the effect")
    text += f" (the first {MAX_UNCERTAIN} are listed; all are flagged in effects.csv)." if n_crossing > MAX_UNCERTAIN \
        else "."
    zero, na = int(no_change(df).sum()), int(undefined(df).sum())
    if zero:
        text += f" {zero} effects are exactly zero in every replicate (nothing happens in either scenario)."
    if na:
        text += (f" {na} cannot be estimated because fewer than two replicates have workers in the group; "
                 "more replicates or a larger world would be needed.")
    return text


def flatten(obj, prefix="") -> dict:
    """Nested scenario YAML -> {'countries.bangladesh.minimum_wage': 100, ...}; named list items by name."""
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(obj, list) and obj and all(isinstance(v, dict) for v in obj):
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{prefix}{v.get('name', i)}."))
    else:
        out[prefix.rstrip(".")] = obj
    return out


def scenario_yaml(f) -> dict:
    try:
        doc = yaml.safe_load(str(f.attrs.get("scenario_yaml", "")) or "{}")
    except yaml.YAMLError:
        return {}
    return doc if isinstance(doc, dict) else {}


IGNORED_KEYS = {"name", "description", "seed"}
# Described one by one in words (describe_interventions), not as flattened key differences.
LISTED_SECTIONS = ("interventions", "assessments")
COMMON_INTERVENTION_KEYS = {"type", "name", "where", "start", "end", "ramp", "ramp_months"}


def _setting_text(value) -> str:
    """A setting as the scenario file would write it (YAML booleans, not Python's)."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def describe_interventions(doc: dict) -> list:
    """One sentence per intervention: type, where, when, how fast, and every setting in force (the
    resolved scenario holds the defaults too, so a reader sees all the assumptions)."""
    out = []
    for iv in doc.get("interventions") or []:
        if not isinstance(iv, dict):
            continue
        where = iv.get("where") or {}
        places = [f"{k} {', '.join(map(str, v))}" for k, v in where.items() if isinstance(v, list) and v]
        places += [f"{k} {v}" for k, v in where.items() if isinstance(v, str) and v != "any"]
        when = f"from {iv.get('start', '?')}" + (f" to {iv['end']}" if iv.get("end") else "")
        ramp = iv.get("ramp", "step")
        pace = "at once" if ramp == "step" else f"{ramp} ramp over {iv.get('ramp_months', '?')} months"
        settings = [f"{k} {_setting_text(v)}" for k, v in iv.items() if k not in COMMON_INTERVENTION_KEYS
                    and not isinstance(v, (dict, list))]
        text = f"`{iv.get('type', '?')}` in {'; '.join(places) if places else 'all countries'}, {when}, {pace}"
        out.append(text + (f" ({', '.join(settings)})" if settings else ""))
    return out


def differences(base: dict, other: dict) -> list:
    base = {k: v for k, v in base.items() if k not in LISTED_SECTIONS}
    other = {k: v for k, v in other.items() if k not in LISTED_SECTIONS}
    a, b = flatten(base), flatten(other)
    keys = [k for k in list(b) + [k for k in a if k not in b] if k.split(".")[-1] not in IGNORED_KEYS
            and not k.endswith("source")]
    return [dict(key=k, before=_show(a.get(k, DEFAULT)), after=_show(b.get(k, DEFAULT)))
            for k in keys if a.get(k) != b.get(k)]


DEFAULT = "(default)"  # a key absent from a resolved scenario takes the engine's default


def _show(v) -> str:
    return DEFAULT if v == DEFAULT else f"`{v}`"


def find_sources(doc, path="") -> list:
    """(key path, text) for every `source`/`sources` string in a scenario YAML."""
    found = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            here = f"{path}.{k}" if path else str(k)
            if k in ("source", "sources") and isinstance(v, (str, list)):
                for text in (v if isinstance(v, list) else [v]):
                    found.append((path or "(scenario)", str(text)))
            else:
                found += find_sources(v, here)
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            name = v.get("name", i) if isinstance(v, dict) else i
            found += find_sources(v, f"{path}.{name}" if path else str(name))
    return found


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "scenario"


# ---- building ---------------------------------------------------------------------------------

def build_memo(config_path, out_dir, command_line: str = "supplysim-analysis memo", force: bool = False,
               periods=None) -> list:
    """Write the memo's files into `out_dir`; returns their paths. Every output is checked (not an input,
    not existing unless `force`) before any work, and written atomically."""
    config_path, out_dir = Path(config_path), Path(out_dir)
    cfg = load_config(config_path, periods)
    root = config_path.parent
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
    groups = cfg.get("groups") or []
    periods = cfg["dates"]

    pandoc, weasyprint = shutil.which("pandoc"), shutil.which("weasyprint")
    if not pandoc:
        raise AnalysisError("pandoc is not installed: cannot make memo.html and memo.docx (install pandoc)")
    outputs = Outputs(inputs=[config_path, *paths], force=force)
    md_path = outputs.claim(out_dir / "memo.md", "memo.md")
    csv_path = outputs.claim(out_dir / "effects.csv", "effects.csv")
    figure_paths = {name: outputs.claim(out_dir / f"figures/{slug(name)}.png", f"the figure of {name}")
                    for name in indicators}
    yaml_paths = {label: outputs.claim(out_dir / "scenarios" / f"{slug(label)}.yaml", f"the scenario of {label}")
                  for label in labels}
    rendered = [outputs.claim(out_dir / "memo.html", "memo.html"), outputs.claim(out_dir / "memo.docx", "memo.docx")]
    if weasyprint:
        rendered.append(outputs.claim(out_dir / "memo.pdf", "memo.pdf"))

    df = compare.compare(files, periods, dims=groups, indicators=indicators)
    outputs.write(csv_path, df.to_csv(index=False))

    last = periods[-1].text
    findings, uncertain = [], []
    for name in indicators:
        info = base.indicator(name)
        mine = df[df["indicator"] == name]
        for row in mine[(mine["dimension"] == "all") & (mine["period"] == last)].itertuples():
            findings.append(finding(row, info.kind, info.units, info.better))
        for scen in labels[1:]:
            sentence = least_gain(mine[(mine["period"] == last) & (mine["scenario"] == scen)], info.kind,
                                  info.better)
            if sentence:
                findings.append(sentence)
        for row in mine[crossing(mine)].itertuples():
            where = f"all {info.level}s" if row.dimension == "all" else compare.group_text(row.dimension, row.group)
            uncertain.append(f"{row.indicator}, {where}, {period_text(row.period)}, {row.scenario}: "
                             f"{change(row.difference, info.kind)} ({interval(row, info.kind)})")
    uncertain_intro = uncertainty_intro(df, len(uncertain))

    figures = []
    for name in indicators:
        fig = plot.fan_chart(files, name, dims=groups, title=f"{name}: median and 50%/90% bands across replicates")
        plot.save(fig, figure_paths[name], outputs)
        figures.append(dict(path=figure_paths[name].relative_to(out_dir).as_posix(),
                            caption=f"{base.indicator(name).description} "
                                    f"Lines: median across replicates; bands: 50% and 90% of replicates."))

    base_doc = scenario_yaml(base)
    scenarios, sources = [], {}
    for e, f, label, file_name in zip(entries, files, labels, file_names):
        doc = scenario_yaml(f)
        outputs.write(yaml_paths[label], str(f.attrs.get("scenario_yaml", "")))
        changes = differences(base_doc, doc) if f is not base else []
        for key, text in find_sources(doc):
            sources.setdefault((key, text), []).append(label)
        scenarios.append(dict(
            label=label, slug=slug(label), is_baseline=f is base, description=str(e.get("description", "")).strip(),
            yaml_description=str(doc.get("description", "")).strip(), changes=changes[:MAX_CHANGES],
            interventions=describe_interventions(doc),
            more_changes=max(0, len(changes) - MAX_CHANGES), path=f.path,
            scenario_name=file_name, scenario_file=f.attrs.get("scenario_file", "?"),
            program_version=f.attrs.get("program_version", "?"), seed=f.attrs.get("seed", "?"),
            replicates=f.replicates, runs=f.runs, created=f.attrs.get("created", "?"),
            command_line=f.attrs.get("command_line", "?"),
            horizon=f"{format_date(f.time[0])} to {format_date(f.time[-1])}"))

    reps = sorted({f.replicates for f in files})
    methods = set(df["method"])
    summary = df[df["dimension"] == "all"]
    by_group = df[(df["dimension"] != "all") & (df["period"] == last)]
    context = dict(
        title=cfg.get("title") or str(cfg["question"]).strip().split("\n")[0][:80],
        author=cfg.get("author", ""), today=_dt.date.today().isoformat(), question=str(cfg["question"]).strip(),
        scenarios=scenarios, findings=findings, uncertain=uncertain[:MAX_UNCERTAIN], uncertain_intro=uncertain_intro,
        uncertain_intro_needed=bool((df["flag"] != "").any()),
        replicates_text=" or ".join(map(str, reps)) + " replicates",
        method_text=METHOD_TEXT["ensemble" if "ensemble" in methods else "paired" if methods == {"paired"}
                                else "welch"],
        summary_table=_table(summary), group_table=_table(by_group) if len(by_group) else "_No groups requested._",
        figures=figures, sources=[dict(key=k, text=t, scenarios=", ".join(v)) for (k, t), v in sources.items()],
        last_date_text=periods[-1].describe(),
        flag=compare.FLAG_NOT_ROBUST if "ensemble" in methods else compare.FLAG_CROSSES_ZERO,
        flag_meaning=("effects whose sign holds in fewer than 90% of parameter draws" if "ensemble" in methods
                      else "intervals that include zero"),
        memo_command=command_line, analysis_version=__version__, config_path=config_path)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    outputs.write(md_path, env.get_template("memo.md.j2").render(**context))
    render(md_path, rendered, outputs, pandoc, weasyprint)
    return [md_path, csv_path, *figure_paths.values(), *yaml_paths.values(), *rendered]


METHOD_TEXT = {
    "paired": "95% confidence intervals across replicates, paired by replicate under common random numbers "
              "(t-interval); they carry replicate noise only",
    "welch": "95% confidence intervals across replicates, Welch t-interval where replicates could not be paired; "
             "they carry replicate noise only",
    "ensemble": "95% intervals over parameter draws and replicates together, paired draw by draw",
}


def _resolve(root: Path, file) -> Path:
    p = Path(str(file))
    return p if p.is_absolute() else root / p


def _table(rows) -> str:
    t = compare.display_table(rows).drop(columns=["n"])
    return compare.markdown_table(t)


def render(md_path: Path, rendered: list, outputs: Outputs, pandoc: str, weasyprint: str | None) -> None:
    """memo.md -> memo.html (self-contained) and memo.docx with pandoc; memo.pdf with weasyprint if
    installed. The tools write to a pipe and the files are written through `outputs`, atomically."""
    out = md_path.parent
    common = [pandoc, md_path.name, "--from", "markdown", "--resource-path", ".", "-o", "-"]
    html = rendered[0]
    outputs.write(html, _run(common + ["--standalone", "--self-contained", "--to", "html5"], out))
    outputs.write(rendered[1], _run(common + ["--to", "docx"], out))
    if weasyprint:
        outputs.write(rendered[2], _run([weasyprint, html.name, "-"], out))


def _run(cmd: list, cwd: Path) -> bytes:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise AnalysisError(f"{Path(cmd[0]).name} failed: {message}", cwd / cmd[1])
    return proc.stdout
