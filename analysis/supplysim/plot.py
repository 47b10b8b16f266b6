"""Fan charts: median and 50%/90% bands across replicates, one panel per group, one fan per scenario.

Scenarios differ by line style and marker as well as colour, so the chart survives greyscale printing.
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never needs a display
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .errors import AnalysisError  # noqa: E402
from .periods import to_datetimes  # noqa: E402
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


def fan_chart(files: list, indicator: str, dims=None, runs=None, title: str | None = None):
    """Draw the chart (one run per file, see compare.resolve_runs) and return the figure."""
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
    ncols = min(3, n)
    nrows = math.ceil(n / ncols)
    # Shares, ratios and rates compare across groups on one scale; counts scale with group size.
    share_y = info.kind != "count"
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.0 * nrows + 0.9), squeeze=False,
                             sharex=True, sharey=share_y)
    markevery = max(1, len(dates) // 8)
    for k, g in enumerate(gidx):
        ax = axes[k // ncols][k % ncols]
        for s, (values, label) in enumerate(zip(series, labels)):
            b = bands(values[:, :, g])
            colour, style, marker = COLOURS[s % len(COLOURS)], STYLES[s % len(STYLES)], MARKERS[s % len(MARKERS)]
            ax.fill_between(dates, b["p05"], b["p95"], color=colour, alpha=0.12, linewidth=0)
            ax.fill_between(dates, b["p25"], b["p75"], color=colour, alpha=0.25, linewidth=0)
            ax.plot(dates, b["median"], color=colour, linestyle=style, marker=marker, markevery=markevery,
                    markersize=4, linewidth=1.6, label=label)
        ax.set_title(f"all {info.level}s" if table[g].is_all else table[g].label, fontsize=10)
        ax.grid(True, alpha=0.3)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if k % ncols == 0:
            ax.set_ylabel(info.units or info.name)
    for k in range(n, nrows * ncols):
        axes[k // ncols][k % ncols].set_visible(False)
        axes[k // ncols - 1][k % ncols].xaxis.set_tick_params(labelbottom=True)  # its lower neighbour is gone

    fig.suptitle(title or f"{indicator}: median, 50% and 90% of replicates", fontsize=12)
    handles, names = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=min(len(names), 4), frameon=False,
               title=f"y: {info.axis_label()}   shaded: 50% (dark) and 90% (light) bands", title_fontsize=8)
    fig.tight_layout(rect=(0, 0.1 if nrows == 1 else 0.06, 1, 1))
    return fig


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
        outputs.write(output, lambda out: fig.savefig(out, format=output.suffix.lower()[1:], dpi=dpi))
    finally:
        plt.close(fig)
    return output
