"""The memo's tables: effects on all workers, and effects by group, as pandoc pipe tables that fit an A4
page with every interval in them.

pandoc gives a pipe table relative column widths from the dashes of its separator line when a line of
the table is longer than its column limit, and then wraps cells: the separator's dashes are written in
proportion to the widths below (summing to 100), so HTML, PDF and DOCX share one layout and no table runs
off the page. Numbers keep no-break spaces (memo_numbers), so an interval wraps as a whole.
"""
from __future__ import annotations

from .memo_findings import UNCLEAR, Effects, worlds
from .periods import Period
from .readable import dimension_name, group_name

UNCLEAR_MARK = "\u2020"      # dagger after an interval that includes zero (or a sign that is not robust)


def pipe_table(header: list, rows: list, widths: list, right: set) -> str:
    """A pipe table; `widths` relative (any scale), `right` the indices of right-aligned columns."""
    total = sum(widths)
    dashes = [max(3, round(100 * w / total)) for w in widths]
    rule = "|" + "|".join(("-" * (d - 1) + ":") if i in right else "-" * d for i, d in enumerate(dashes)) + "|"

    def line(cells):
        return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"
    return "\n".join([line(header), rule, *(line(r) for r in rows)]) + "\n"


def short_period(text: str) -> str:
    """'Dec 2030', '2030 (year)', 'Jan 2025–Dec 2030'."""
    p = Period.parse(text)

    def month(yyyymm: int) -> str:
        return f"{Period.month(yyyymm).describe()[:3]}\u00a0{yyyymm // 100}"
    if p.kind == "month":
        return month(p.first)
    if p.kind == "year":
        return f"{p.first // 100} (year)"
    return f"{month(p.first)}\u2013{month(p.last)}"


def _interval_cell(e: Effects, row) -> str:
    text = e.measure.fmt.interval(row.low, row.high)
    return text + (f" {UNCLEAR_MARK}" if e.state_of(row) == UNCLEAR else "")


def _sign_cell(row) -> str:
    w = worlds(row)
    return w.replace(" plausible worlds", "") if w else "n/a"


def all_workers_table(effects: dict) -> str:
    """Every measure (rows grouped by measure), every period, all workers; one column per scenario field."""
    scenarios = list(effects)
    ensemble = any(e.headline.method == "ensemble" for es in effects.values() for e in es)
    header = ["Measure"] + (["Scenario"] if len(scenarios) > 1 else []) + \
        ["Date", "Baseline", "Scenario value" if len(scenarios) > 1 else "Scenario", "Change", "Relative",
         "95% interval" if ensemble else "95% CI"] + (["Same sign in (draws)"] if ensemble else [])
    widths = [25] + ([14] if len(scenarios) > 1 else []) + [11, 10, 10, 11, 10, 18] + ([10] if ensemble else [])
    right = set(range(len(header) - (5 if not ensemble else 6), len(header)))
    rows = []
    for i, first in enumerate(effects[scenarios[0]]):
        if all(effects[s][i].zero_everywhere for s in scenarios):
            continue
        shown_label = False
        for scen in scenarios:
            e = effects[scen][i]
            for r in e.over_time():
                label = "" if shown_label else f"{e.measure.label} ({e.measure.fmt.level_unit})"
                shown_label = True
                cells = [label] + ([scen] if len(scenarios) > 1 else []) + [
                    short_period(r.period), e.measure.fmt.level(r.baseline), e.measure.fmt.level(r.value),
                    e.change(r), e.measure.fmt.relative(r.relative), _interval_cell(e, r)]
                if ensemble:
                    cells.append(_sign_cell(r))
                rows.append(cells)
    return pipe_table(header, rows, widths, right)


def group_table(effects: list) -> str:
    """One measure's effects by group in the headline period, for each scenario in `effects`."""
    multiple = len(effects) > 1
    ensemble = any(e.headline.method == "ensemble" for e in effects)
    header = ["By", "Group"] + (["Scenario"] if multiple else []) + \
        ["Baseline", "Scenario value" if multiple else "Scenario", "Change", "95% interval" if ensemble else "95% CI"] + \
        (["Same sign in (draws)"] if ensemble else [])
    widths = [12, 20] + ([14] if multiple else []) + [12, 12, 13, 21] + ([11] if ensemble else [])
    right = set(range(len(header) - (4 if not ensemble else 5), len(header)))
    rows = []
    for e in effects:
        groups = [e.headline] + e.all_groups()
        last = None
        for r in groups:
            by = "" if r.dimension == last else ("all" if r.dimension == "all" else dimension_name(r.dimension))
            last = r.dimension
            cells = [by, group_name(r.dimension, r.group, e.measure.level)] + ([e.scenario] if multiple else []) + [
                e.measure.fmt.level(r.baseline), e.measure.fmt.level(r.value), e.change(r), _interval_cell(e, r)]
            if ensemble:
                cells.append(_sign_cell(r))
            rows.append(cells)
    return pipe_table(header, rows, widths, right)

