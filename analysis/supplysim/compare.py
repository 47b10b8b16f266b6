"""Scenario effects against a baseline, with 95% intervals across replicates.

Scenarios run with the same seed share their random streams replicate by replicate (common random
numbers), so the replicate-wise differences cancel most of the noise: we use a paired t-interval on
them. When the replicate counts or seeds differ there is no pairing, and we use Welch's interval.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from .io import ResultFile, check_compatible, format_date, scenario_labels

LEVEL = 0.95

COLUMNS = ["indicator", "units", "dimension", "group", "date", "scenario", "baseline", "value", "difference",
           "relative", "ci_low", "ci_high", "n", "method", "flag"]
FLAG_CROSSES_ZERO = "CI crosses 0"


def paired_interval(base: np.ndarray, scen: np.ndarray, level: float = LEVEL):
    """Mean replicate-wise difference and its t-interval. Replicates where either is NaN are dropped."""
    ok = np.isfinite(base) & np.isfinite(scen)
    d = scen[ok] - base[ok]
    n = d.size
    if n == 0:
        return math.nan, math.nan, math.nan, 0
    mean = float(d.mean())
    if n < 2:
        return mean, math.nan, math.nan, n
    half = stats.t.ppf(0.5 + level / 2, n - 1) * d.std(ddof=1) / math.sqrt(n)
    return mean, mean - half, mean + half, n


def welch_interval(base: np.ndarray, scen: np.ndarray, level: float = LEVEL):
    """Difference of means and Welch's t-interval (unequal variances, Satterthwaite df)."""
    b, s = base[np.isfinite(base)], scen[np.isfinite(scen)]
    n = min(b.size, s.size)
    if b.size == 0 or s.size == 0:
        return math.nan, math.nan, math.nan, n
    mean = float(s.mean() - b.mean())
    if b.size < 2 or s.size < 2:
        return mean, math.nan, math.nan, n
    vb, vs = b.var(ddof=1) / b.size, s.var(ddof=1) / s.size
    se = math.sqrt(vb + vs)
    if se == 0:
        return mean, mean, mean, n
    df = (vb + vs) ** 2 / (vb ** 2 / (b.size - 1) + vs ** 2 / (s.size - 1))
    half = stats.t.ppf(0.5 + level / 2, df) * se
    return mean, mean - half, mean + half, n


def crosses_zero(low: float, high: float) -> bool:
    """An interval we could not compute counts as uncertain too."""
    return not (np.isfinite(low) and np.isfinite(high)) or (low <= 0 <= high)


def is_paired(base: ResultFile, scen: ResultFile) -> bool:
    return base.replicates == scen.replicates and base.attrs.get("seed") == scen.attrs.get("seed")


def compare(files: list, dates: list, dims=None, indicators=None, run: int = 0) -> pd.DataFrame:
    """One row per indicator x group x date x scenario; the first file is the baseline."""
    check_compatible(files)
    base = files[0]
    names = indicators or list(base.indicators)
    for f in files:
        for name in names:
            f.indicator(name)
        f.check_run(run)
    months = [base.date_index(d) for d in dates]
    gidx = base.group_indices(dims)
    labels = scenario_labels(files)

    rows = []
    for name in names:
        info = base.indicator(name)
        b_all = base.values(name, run)[:, months][:, :, gidx]   # [reps, dates, groups]
        for f, label in zip(files[1:], labels[1:]):
            s_all = f.values(name, run)[:, months][:, :, gidx]
            paired = is_paired(base, f)
            interval = paired_interval if paired else welch_interval
            for gi, g in enumerate(gidx):
                dim, value = base.groups[g]
                for di, m in enumerate(months):
                    b, s = b_all[:, di, gi], s_all[:, di, gi]
                    diff, lo, hi, n = interval(b, s)
                    bmean = _nanmean(b)
                    relative = diff / bmean if np.isfinite(bmean) and bmean != 0 else math.nan
                    rows.append(dict(
                        indicator=name, units=info.units, dimension=dim, group=value,
                        date=format_date(base.time[m]), scenario=label, baseline=bmean, value=_nanmean(s),
                        difference=diff, relative=relative,
                        ci_low=lo, ci_high=hi, n=n, method="paired" if paired else "welch",
                        flag=FLAG_CROSSES_ZERO if crosses_zero(lo, hi) else ""))
    return pd.DataFrame(rows, columns=COLUMNS)


def _nanmean(x: np.ndarray) -> float:
    x = x[np.isfinite(x)]
    return float(x.mean()) if x.size else math.nan


# ---- output -------------------------------------------------------------------------------------

def fmt(x, digits: int = 4) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return "NA"
    return f"{x:.{digits}g}"


def fmt_signed(x, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return "NA"
    return f"{x:+.{digits}g}"


def fmt_pct(x) -> str:
    if x is None or not np.isfinite(x):
        return "NA"
    return f"{100 * x:+.1f}%"


def display_table(df: pd.DataFrame) -> pd.DataFrame:
    """Strings for people: rounded values, the interval in one column."""
    out = pd.DataFrame({
        "indicator": df["indicator"],
        "group": [("all" if d == "all" else f"{d}={v}") for d, v in zip(df["dimension"], df["group"])],
        "date": df["date"],
        "scenario": df["scenario"],
        "baseline": df["baseline"].map(fmt),
        "scenario value": df["value"].map(fmt),
        "difference": df["difference"].map(fmt_signed),
        "relative": df["relative"].map(fmt_pct),
        "95% CI": [f"[{fmt_signed(lo)}, {fmt_signed(hi)}]" for lo, hi in zip(df["ci_low"], df["ci_high"])],
        "n": df["n"],
        "flag": df["flag"],
    })
    return out


def to_terminal(df: pd.DataFrame) -> str:
    return display_table(df).to_string(index=False)


def to_markdown(df: pd.DataFrame) -> str:
    return markdown_table(display_table(df))


def markdown_table(table: pd.DataFrame) -> str:
    """A pipe table (pandas' to_markdown needs `tabulate`, which is not installed)."""
    def cell(v):
        return str(v).replace("|", "\\|")
    header = "| " + " | ".join(cell(c) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([header, rule, *body]) + "\n"
