"""Fan charts: median and 50%/90% bands across replicates, one panel per group, one fan per scenario.

Scenarios differ by line style and marker as well as colour, so the chart survives greyscale printing.
"""
from __future__ import annotations

import math
import textwrap
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never needs a display
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import numpy as np  # noqa: E402

from .errors import AnalysisError  # noqa: E402
from .periods import to_datetimes  # noqa: E402
from .readable import group_name, measure_label  # noqa: E402
from .result_file import check_compatible, resolve_runs, scenario_labels  # noqa: E402

# Okabe-Ito colours (colour-blind safe) paired with distinct dash patterns and markers.
COLOURS = ["#000000", "#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
STYLES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3)), (0, (8, 3))]
MARKERS = [None, "o", "s", "^", "D", "v", "x"]
FORMATS = {".png", ".svg", ".pdf"}


def bands(values: np.ndarray) -> dict:
    """Quantiles across replicates (axis 0), ignoring NaN (groups with no workers)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN months stay NaN (gaps), that is fine
        q = np.nanquantile(values, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
    return dict(zip(("p05", "p25", "median", "p75", "p95"), q))


MAX_COLUMNS = 4          # wider grids are unreadable at page width (PDF, DOCX) and on a laptop screen
PANEL_WIDTH, PANEL_HEIGHT = 1.9, 1.6          # inches at 3-4 columns; fewer columns get larger panels
TICK_SIZE, PANEL_TITLE_SIZE, TITLE_SIZE = 8, 9, 10.5


def grid(n: int, max_columns: int = MAX_COLUMNS) -> tuple:
    """(rows, columns) for n panels: at most `max_columns` wide, rows as evenly filled as possible."""
    rows = math.ceil(n / max_columns)
    return rows, math.ceil(n / rows)


def title_lines(text: str, width_inches: float, size: float = TITLE_SIZE) -> list:
    """A title wrapped to a figure's width (an average character is about 0.55 of the font size wide)."""
    return textwrap.wrap(text, max(20, int(width_inches * 72 / (0.55 * size)))) or [""]


def panel_grid(nrows: int, ncols: int, title: str, share_y: bool, legend_lines: int, panel: tuple,
               left: float = 0.6, panel_title_lines: int = 1, x_label_lines: int = 0, share_x: bool = True):
    """A figure of nrows x ncols panels laid out in inches (fixed font sizes, so titles, tick labels and
    the legend below get the room they need at any grid size); returns (fig, axes, width in inches)."""
    panel_w, panel_h = panel
    right, gap_w = 0.15, (0.15 if share_y else 0.6)     # unshared axes carry their own tick labels
    width = left + right + ncols * panel_w + (ncols - 1) * gap_w
    lines = title_lines(title, width)
    head = 0.1 + 0.16 * panel_title_lines                          # a panel's title above it
    foot = 0.22 + 0.15 * x_label_lines                             # tick labels (and axis label) below it
    top = 0.12 + 0.19 * len(lines) + head
    gap_h = head + (foot if not share_x else 0.22)
    bottom = foot + 0.23 * legend_lines + 0.05
    height = top + bottom + nrows * panel_h + (nrows - 1) * gap_h
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), squeeze=False, sharex=share_x, sharey=share_y)
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height,
                        wspace=gap_w / panel_w, hspace=gap_h / panel_h)
    fig.suptitle("\n".join(lines), fontsize=TITLE_SIZE, y=1 - 0.1 / height, va="top")
    return fig, axes, width


def fan_chart(files: list, indicator: str, dims=None, runs=None, title: str | None = None):
    """Draw the chart (one run per file, see compare.resolve_runs) and return the figure. Panels: all
    workers, then each group of `dims`, at most four to a row; the title carries the measure's label and
    units (no per-panel axis label to overlap); the value axis starts at zero (no measure is negative)."""
    check_compatible(files)
    base = files[0]
    info = base.indicator(indicator)
    for f in files:
        f.indicator(indicator)
        f.check_dimensions(dims)
    runs = resolve_runs(files, runs)
    table = base.group_table(indicator)
    gidx = table.indices(dims)
    labels = scenario_labels(files, runs)
    dates = to_datetimes(base.time)
    series = [f.values(indicator, r) for f, r in zip(files, runs)]  # [reps, months, groups]

    n = len(gidx)
    nrows, ncols = grid(n)
    # Shares, ratios and rates compare across groups on one scale; counts scale with group size.
    share_y = info.kind != "count"
    title = title or f"{measure_label(indicator, info.attrs)} ({units_text(info)}): median, 50% and 90% of replicates"
    fig, axes, _ = panel_grid(nrows, ncols, title, share_y, legend_lines=2,
                              panel=(PANEL_WIDTH, PANEL_HEIGHT) if ncols >= 3 else (2.6, 2.1))
    markevery = max(1, len(dates) // 8)
    highest = 0.0
    for k, g in enumerate(gidx):
        ax = axes[k // ncols][k % ncols]
        panel_high = 0.0
        for s, (values, label) in enumerate(zip(series, labels)):
            b = bands(values[:, :, g])
            colour, style, marker = COLOURS[s % len(COLOURS)], STYLES[s % len(STYLES)], MARKERS[s % len(MARKERS)]
            ax.fill_between(dates, b["p05"], b["p95"], color=colour, alpha=0.12, linewidth=0)
            ax.fill_between(dates, b["p25"], b["p75"], color=colour, alpha=0.25, linewidth=0)
            ax.plot(dates, b["median"], color=colour, linestyle=style, marker=marker, markevery=markevery,
                    markersize=3.5, linewidth=1.4, label=label)
            if np.isfinite(b["p95"]).any():
                panel_high = max(panel_high, float(np.nanmax(b["p95"])))
        highest = max(highest, panel_high)
        group = table[g]
        ax.set_title(group_name(group.dimension, group.value, info.level), fontsize=PANEL_TITLE_SIZE)
        ax.grid(True, alpha=0.3)
        ax.tick_params(labelsize=TICK_SIZE)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=5 if ncols >= 3 else 7)
        locator.intervald[mdates.MONTHLY] = [1, 2, 3, 4, 6, 12]    # so that every horizon finds a step
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if info.kind == "share":
            ax.yaxis.set_major_formatter(mticker.PercentFormatter(xmax=1, decimals=0))
        if not share_y:
            ax.set_ylim(bottom=0, top=_top(panel_high, info.kind))
    if share_y:
        axes[0][0].set_ylim(bottom=0, top=_top(highest, info.kind))
    axes[0][0].set_xlim(dates[0], dates[-1])   # no tick label at a panel's right edge to collide with the next
    for k in range(n, nrows * ncols):
        axes[k // ncols][k % ncols].set_visible(False)
        axes[k // ncols - 1][k % ncols].xaxis.set_tick_params(labelbottom=True)  # its lower neighbour is gone

    handles, names = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.01), ncol=min(len(names), 3),
               frameon=False, fontsize=TICK_SIZE + 0.5, title_fontsize=TICK_SIZE - 0.5,
               title="lines: median of replicates; shaded: 50% (dark) and 90% (light) of replicates")
    return fig


def _top(highest: float, kind: str) -> float:
    """Upper end of a value axis that starts at zero: some room above the data; 1 (100%) caps shares."""
    if not np.isfinite(highest) or highest <= 0:
        return 1.0
    top = highest * 1.08
    return min(top, 1.0) if kind == "share" else top


def units_text(info) -> str:
    if info.kind == "share":
        return "% of " + info.units[len("share of "):] if info.units.startswith("share of ") else "%"
    return info.units or info.kind


def check_format(output) -> None:
    """Refuse an extension matplotlib would not write, before any work is done."""
    output = Path(output)
    if output.suffix.lower() not in FORMATS:
        raise AnalysisError(f"cannot tell the figure format from {output.name!r}: use .png, .svg or .pdf",
                            output)


def save(fig, output, outputs, dpi: int = 150) -> Path:
    """Write the figure through the command's outputs (atomically) and close it."""
    output = Path(output)
    check_format(output)
    try:
        # bbox "tight" keeps every title, label and legend inside the image even where the layout is tight.
        outputs.write(output, lambda out: fig.savefig(out, format=output.suffix.lower()[1:], dpi=dpi,
                                                      bbox_inches="tight", pad_inches=0.06))
    finally:
        plt.close(fig)
    return output
