"""Dose-response of a sweep: an indicator (mean over a period, in one group) against one swept parameter
(a line with its 95% interval band) or two (small multiples, or a heatmap of the mean).

At each value, the line is the mean over every run with that value and their replicates; the band is the
95% t-interval of that mean. Parameters the sweep varies but the figure does not show are averaged over,
and the figure says so.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from . import plot
from .errors import AnalysisError
from .periods import Period
from .result_file import ResultFile
from .sensitivity import parse_group

LEVEL = 0.95
MAX_PANELS = 6          # more values of the second parameter than this: a heatmap by default
MAX_HEATMAP_LEVELS = 40
plt = plot.plt


def resolve_parameter(f: ResultFile, name: str) -> str:
    """A swept key path, written in full or by a unique ending ('inspectors_per_10k_workers')."""
    if name in f.parameters:
        return name
    hits = [p for p in f.parameters if p.endswith("." + name)]
    if len(hits) == 1:
        return hits[0]
    known = ", ".join(f.parameters) or "none"
    what = "is ambiguous" if hits else "is not a swept parameter"
    raise f.error(f"{name!r} {what} in this file (its swept parameters: {known})")


def short_name(f: ResultFile, path: str) -> str:
    """The shortest ending of a key path that no other swept parameter shares, for axis labels."""
    parts = path.split(".")
    for n in range(1, len(parts) + 1):
        tail = ".".join(parts[-n:])
        if not any(p != path and (p == tail or p.endswith("." + tail)) for p in f.parameters):
            return tail
    return path


def curve(f: ResultFile, indicator: str, x: str, period: Period, group: int, by: str | None = None) -> pd.DataFrame:
    """Mean and 95% interval at each value of x (and of `by`): columns x, [by], mean, low, high, n."""
    y = f.runs_at(indicator, period, group)                 # [runs, replicates]
    xs = f.parameters[x].values
    bys = f.parameters[by].values if by else np.zeros_like(xs)
    rows = []
    for b in np.unique(bys):
        for v in np.unique(xs[bys == b]):
            obs = y[(xs == v) & (bys == b)].ravel()
            obs = obs[np.isfinite(obs)]
            mean = float(obs.mean()) if obs.size else math.nan
            half = (stats.t.ppf(0.5 + LEVEL / 2, obs.size - 1) * obs.std(ddof=1) / math.sqrt(obs.size)
                    if obs.size > 1 else math.nan)
            rows.append({x: v, **({by: b} if by else {}), "mean": mean, "low": mean - half, "high": mean + half,
                         "n": int(obs.size)})
    return pd.DataFrame(rows)


def dose_response(f: ResultFile, indicator: str, x: str, y: str | None = None, period=None, group: str = "all",
                  mode: str | None = None):
    """(figure, table) for one swept parameter `x`, or two (`x` along the axis, `y` across panels or the
    heatmap's rows). `mode`: 'panels' or 'heatmap' (two parameters only; default by the number of values)."""
    info = f.indicator(indicator)
    if f.runs < 2 or not f.parameters:
        raise f.error("not a sweep file (needs runs > 1 and /runs/parameters): plot-sweep needs the output "
                      "of `supplysim sweep`")
    x = resolve_parameter(f, x)
    y = resolve_parameter(f, y) if y else None
    if y == x:
        raise f.error(f"the two parameters are the same ({x})")
    period = period if isinstance(period, Period) else Period.parse(period) if period else \
        Period.month(int(f.time[-1]))
    g = parse_group(f, indicator, group)
    group_label = f.group_table(indicator)[g].label
    others = [p for p, sp in f.parameters.items() if p not in (x, y) and np.unique(sp.values).size > 1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)     # groups without workers stay NaN
        table = curve(f, indicator, x, period, g, by=y)
    if y is None:
        fig = _one(f, table, info, x)
    else:
        mode = mode or ("panels" if np.unique(f.parameters[y].values).size <= MAX_PANELS else "heatmap")
        if mode not in ("panels", "heatmap"):
            raise AnalysisError(f"--mode {mode!r}: expected panels or heatmap")
        fig = _panels(f, table, info, x, y) if mode == "panels" else _heatmap(f, table, info, x, y)
    title = f"{indicator}, {group_label}, {period.describe()}"
    notes = ["colour: mean over runs and replicates" if y and mode == "heatmap" else
             "line: mean over runs and replicates; band (bars for categories): 95% interval of the mean"]
    notes += [f"{short_name(f, p)} = {p}" for p in (x, y) if p and short_name(f, p) != p]
    if others:
        notes.append(f"averaged over {', '.join(others)}")
    fig.suptitle(title, fontsize=11)
    fig.text(0.5, 0.005, "\n".join(notes), ha="center", va="bottom", fontsize=7)
    fig.tight_layout(rect=(0, 0.03 + 0.025 * len(notes), 1, 1))
    table.insert(0, "indicator", indicator)
    table.insert(1, "units", info.units)
    table.insert(2, "group", group_label)
    table.insert(3, "period", period.text)
    for p in (x, y):
        if p and f.parameters[p].categorical:
            table[p] = [f.parameters[p].value_label(v) for v in table[p]]
    return fig, table


def _axis(ax, f: ResultFile, p: str, values) -> None:
    sp = f.parameters[p]
    if sp.categorical or sp.encoding:
        ax.set_xticks(values, [sp.value_label(v) for v in values], rotation=30 if sp.encoding else 0)
    ax.set_xlabel(short_name(f, p))


def _draw(ax, part: pd.DataFrame, f: ResultFile, x: str, colour="#0072B2") -> None:
    xs = part[x].to_numpy()
    if f.parameters[x].categorical:     # no line between categories: points with error bars
        err = np.vstack([part["mean"] - part["low"], part["high"] - part["mean"]])
        ax.errorbar(xs, part["mean"], yerr=err, fmt="o", color=colour, capsize=4)
    else:
        ax.fill_between(xs, part["low"], part["high"], color=colour, alpha=0.25, linewidth=0)
        ax.plot(xs, part["mean"], "o-", color=colour, markersize=4, linewidth=1.6)
    _axis(ax, f, x, xs)
    ax.grid(True, alpha=0.3)


def _one(f, table, info, x):
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    _draw(ax, table, f, x)
    ax.set_ylabel(info.units or info.name)
    return fig


def _panels(f, table, info, x, y):
    levels = np.unique(table[y])
    ncols = min(3, levels.size)
    nrows = math.ceil(levels.size / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows + 0.8), squeeze=False, sharey=True)
    for k, level in enumerate(levels):
        ax = axes[k // ncols][k % ncols]
        _draw(ax, table[table[y] == level], f, x)
        ax.set_title(f"{short_name(f, y)} = {f.parameters[y].value_label(level)}", fontsize=9)
        if k % ncols == 0:
            ax.set_ylabel(info.units or info.name)
    for k in range(levels.size, nrows * ncols):
        axes[k // ncols][k % ncols].set_visible(False)
    return fig


def _heatmap(f, table, info, x, y):
    xs, ys = np.unique(table[x]), np.unique(table[y])
    if xs.size > MAX_HEATMAP_LEVELS or ys.size > MAX_HEATMAP_LEVELS:
        raise f.error(f"{x} has {xs.size} and {y} {ys.size} distinct values: too many for a heatmap "
                      f"(at most {MAX_HEATMAP_LEVELS}); use a grid design, or one parameter")
    grid = np.full((ys.size, xs.size), np.nan)
    for yv, xv, mean in table[[y, x, "mean"]].to_numpy():
        grid[np.searchsorted(ys, yv), np.searchsorted(xs, xv)] = mean
    fig, ax = plt.subplots(figsize=(max(6.0, 2.0 + 0.8 * xs.size), max(3.8, 2.0 + 0.5 * ys.size)))
    image = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
    ax.set_xticks(range(xs.size), [f.parameters[x].value_label(v) for v in xs], rotation=30)
    ax.set_yticks(range(ys.size), [f.parameters[y].value_label(v) for v in ys])
    ax.set_xlabel(short_name(f, x))
    ax.set_ylabel(short_name(f, y))
    if xs.size * ys.size <= 100:
        for (i, j), v in np.ndenumerate(grid):
            if np.isfinite(v):
                ax.text(j, i, f"{v:.3g}", ha="center", va="center", fontsize=7,
                        color="white" if v < np.nanmean(grid) else "black")
    fig.colorbar(image, ax=ax, label=f"mean {info.units or info.name}")
    return fig
