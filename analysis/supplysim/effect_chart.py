"""Effects at a glance: one panel per measure, one row per group, each effect (scenario minus baseline in
the headline period) as a dot with its 95% interval. The memo's first figure.

Filled dots are clear effects, open dots effects whose interval includes zero (or whose sign is not
robust); when the file says which direction is better, better is blue and worse vermillion (Okabe-Ito
colours), and the legend says so in words, so the chart reads in greyscale too.
"""
from __future__ import annotations

import textwrap

import numpy as np

from .memo_findings import BETTER, CLEAR, UNCHANGED, WORSE
from .plot import COLOURS, MARKERS, PANEL_TITLE_SIZE, TICK_SIZE, grid, panel_grid, plt
from .readable import group_name

COLOUR = {BETTER: "#0072B2", WORSE: "#D55E00"}
NEUTRAL, GREY = "#000000", "#888888"
ROW_HEIGHT = 0.17        # inches per group row
PANEL_WIDTH, LABEL_WIDTH = 1.45, 1.05


def effects_at_a_glance(effects: dict, dims: list, period_words: str):
    """`effects`: {scenario: [memo_findings.Effects]}, measures in the same order for every scenario.
    Measures whose effect is zero everywhere get no panel. Returns the figure, or None if no panel is left."""
    scenarios = list(effects)
    first = effects[scenarios[0]]
    keep = [i for i, e in enumerate(first) if not all(effects[s][i].zero_everywhere for s in scenarios)]
    if not keep:
        return None
    rows = [("all", "all")]
    for d in dims:                       # worker and firm measures may have different groups
        for i in keep:
            rows += [(r.dimension, r.group) for r in first[i].groups(d) if (r.dimension, r.group) not in rows]
    y = _row_positions(rows)
    nrows, ncols = grid(len(keep))
    titles = [textwrap.wrap(first[i].measure.label, 22) for i in keep]
    units = [textwrap.wrap(f"change ({first[i].measure.fmt.change_unit})", 28) for i in keep]
    panel_h = ROW_HEIGHT * (y[-1] + 1.2)
    fig, axes, _ = panel_grid(nrows, ncols, f"Effects {period_words}: scenario minus baseline, with 95% intervals",
                              share_y=True, legend_lines=2 if len(scenarios) == 1 else 3,
                              panel=(PANEL_WIDTH, panel_h), left=LABEL_WIDTH,
                              panel_title_lines=max(len(t) for t in titles),
                              x_label_lines=max(len(u) for u in units), share_x=False)
    directed = undirected = False
    for k, i in enumerate(keep):
        ax = axes[k // ncols][k % ncols]
        for s, scen in enumerate(scenarios):
            e = effects[scen][i]
            directed |= bool(e.measure.better)
            undirected |= not e.measure.better
            offset = (s - (len(scenarios) - 1) / 2) * 0.25
            scale = 100.0 if e.measure.kind == "share" else 1.0
            for r in [e.headline] + [g for d in dims for g in e.groups(d)]:
                state = e.state_of(r)
                if state == UNCHANGED or not np.isfinite(r.difference):
                    continue
                colour = COLOUR.get(state, NEUTRAL) if state in CLEAR else GREY
                pos = y[rows.index((r.dimension, r.group))] + offset
                low, high = (r.low * scale, r.high * scale) if np.isfinite(r.low) else (np.nan, np.nan)
                if np.isfinite(low):
                    ax.plot([low, high], [pos, pos], color=colour, linewidth=1.2)
                ax.plot([r.difference * scale], [pos], marker=MARKERS[s % len(MARKERS)] or "o", markersize=4.5,
                        color=colour, markerfacecolor=colour if state in CLEAR else "white", linestyle="none")
        ax.axvline(0, color="black", linewidth=0.7)
        ax.set_title("\n".join(titles[k]), fontsize=PANEL_TITLE_SIZE)
        ax.set_xlabel("\n".join(units[k]), fontsize=TICK_SIZE)
        ax.tick_params(labelsize=TICK_SIZE)
        ax.xaxis.set_major_locator(plt.MaxNLocator(3, symmetric=False))
        ax.grid(True, axis="x", alpha=0.3)
        for boundary in _dimension_boundaries(rows, y):
            ax.axhline(boundary, color="#BBBBBB", linewidth=0.6)
    axes[0][0].set_yticks(y)
    axes[0][0].set_yticklabels(["all" if d == "all" else group_name(d, v) for d, v in rows])
    axes[0][0].set_ylim(y[-1] + 0.8, -0.8)
    for k in range(len(keep), nrows * ncols):
        axes[k // ncols][k % ncols].set_visible(False)
    _legend(fig, scenarios, directed, undirected)
    return fig


def _row_positions(rows: list) -> list:
    """y of each row, with half a row of space between dimensions."""
    out, pos, last = [], 0.0, None
    for d, _ in rows:
        if last is not None and d != last:
            pos += 0.5
        out.append(pos)
        pos += 1
        last = d
    return out


def _dimension_boundaries(rows: list, y: list) -> list:
    return [(y[i - 1] + y[i]) / 2 for i in range(1, len(rows)) if rows[i][0] != rows[i - 1][0]]


def _legend(fig, scenarios: list, directed: bool, undirected: bool) -> None:
    line = plt.Line2D
    handles = []
    if directed:
        handles += [line([], [], color=COLOUR[BETTER], marker="o", linestyle="-", label="better"),
                    line([], [], color=COLOUR[WORSE], marker="o", linestyle="-", label="worse")]
    if undirected:
        handles.append(line([], [], color=NEUTRAL, marker="o", linestyle="-",
                            label="clear change, no better direction" if directed else "clear change"))
    handles.append(line([], [], color=GREY, marker="o", markerfacecolor="white", linestyle="-",
                        label="no clear change (interval includes 0 or sign not robust)"))
    if len(scenarios) > 1:
        handles += [line([], [], color=COLOURS[0], marker=MARKERS[s % len(MARKERS)] or "o", linestyle="none",
                         label=scen) for s, scen in enumerate(scenarios)]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3 if len(handles) > 3 else
               len(handles), frameon=False, fontsize=TICK_SIZE)
