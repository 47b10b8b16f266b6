"""Scenario effects against a baseline, over a month, a year or a window, paired by replicate.

Scenarios run with the same seed share their random streams replicate by replicate (common random
numbers), so the replicate-wise differences cancel most of the noise: we use a paired t-interval on them.
When the replicate counts or seeds differ there is no pairing, and we use Welch's interval. Both intervals
carry replicate noise only. Files from a parameter ensemble (the same draws in baseline and scenario) get
the ensemble summary instead (ensemble.py): an interval over draws and replicates, the share of the
variance due to the parameters, and how often the sign holds across draws.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from .ensemble import ROBUST_SHARE, ensemble_effect
from .errors import AnalysisError
from .periods import Period
from .result_file import ResultFile, check_compatible, resolve_runs, scenario_labels

LEVEL = 0.95

COLUMNS = ["indicator", "units", "level", "dimension", "group", "period", "period_kind", "scenario", "baseline",
           "value", "difference", "relative", "low", "high", "n", "method", "uncertainty", "draws", "p_sign",
           "robust", "variance_parameters", "variance_noise", "share_parameters", "flag", "note"]
FLAG_CROSSES_ZERO = "CI crosses 0"
FLAG_NOT_ROBUST = "sign not robust"
NOISE_ONLY = "replicate noise only"
PARAMETERS_AND_NOISE = "parameters and replicate noise"


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


def is_ensemble_pair(base: ResultFile, scen: ResultFile) -> bool:
    """True when both files come from the same parameter ensemble; refuses mixing an ensemble file with
    a plain one or with another ensemble (their effects would not be paired draw by draw)."""
    if base.ensemble is None and scen.ensemble is None:
        return False
    if base.ensemble is None or scen.ensemble is None:
        with_, without = (base, scen) if base.ensemble is not None else (scen, base)
        raise AnalysisError(f"comes from a parameter ensemble but {without.path} does not; compare files "
                            "run with the same uncertainty settings", with_.path)
    if not is_paired(base, scen) or not base.ensemble.pairs_with(scen.ensemble):
        raise AnalysisError(f"its parameter draws (or seed, or replicates) differ from those of {base.path}; "
                            "ensemble effects are paired draw by draw, so both files need the same ensemble",
                            scen.path)
    return True


def compare(files: list, periods: list, dims=None, indicators=None, runs=None) -> pd.DataFrame:
    """One row per indicator x group x period x scenario; the first file is the baseline."""
    check_compatible(files)
    base = files[0]
    names = indicators or list(base.indicators)
    for f in files:
        for name in names:
            f.indicator(name)
        f.check_dimensions(dims)
    runs = resolve_runs(files, runs)
    periods = [p if isinstance(p, Period) else Period.parse(p) for p in periods]
    for p in periods:
        p.month_indices(base.time, base.path)
    labels = scenario_labels(files, runs)
    ensembles = [is_ensemble_pair(base, f) for f in files[1:]]

    rows = []
    for name in names:
        info = base.indicator(name)
        table = base.group_table(name)
        gidx = table.indices(dims)
        b_all = _period_means(base, name, runs[0], periods, gidx)     # [reps, groups] per period
        for f, run, label, ensemble in zip(files[1:], runs[1:], labels[1:], ensembles):
            s_all = _period_means(f, name, run, periods, gidx)
            paired = is_paired(base, f)
            for gi, g in enumerate(gidx):
                group = table[g]
                for pi, period in enumerate(periods):
                    b, s = b_all[pi][:, gi], s_all[pi][:, gi]
                    row = dict(indicator=name, units=info.units, level=info.level, dimension=group.dimension,
                               group=group.value, period=period.text, period_kind=period.kind,
                               scenario=label, baseline=_nanmean(b), value=_nanmean(s))
                    row.update(_ensemble_row(b, s, base.ensemble.draw) if ensemble else _replicate_row(b, s, paired))
                    bmean = row["baseline"]
                    row["relative"] = row["difference"] / bmean if np.isfinite(bmean) and bmean != 0 else math.nan
                    rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def _period_means(f: ResultFile, name: str, run: int, periods: list, groups: list) -> list:
    """Each replicate's mean over each period, for the chosen groups (one read of the run's values)."""
    values = f.values(name, run)[:, :, groups]
    return [p.mean(values, f.time, axis=1, path=f.path) for p in periods]


def _replicate_row(b: np.ndarray, s: np.ndarray, paired: bool) -> dict:
    diff, lo, hi, n = (paired_interval if paired else welch_interval)(b, s)
    return dict(difference=diff, low=lo, high=hi, n=n, method="paired" if paired else "welch",
                uncertainty=NOISE_ONLY, draws=math.nan, p_sign=math.nan, robust=None,
                variance_parameters=math.nan, variance_noise=math.nan, share_parameters=math.nan,
                flag=FLAG_CROSSES_ZERO if crosses_zero(lo, hi) else "", note="")


def _ensemble_row(b: np.ndarray, s: np.ndarray, draw: np.ndarray) -> dict:
    e = ensemble_effect(s - b, draw)
    return dict(difference=e.mean, low=e.low, high=e.high, n=e.n, method="ensemble",
                uncertainty=PARAMETERS_AND_NOISE, draws=e.draws, p_sign=e.p_sign, robust=e.robust,
                variance_parameters=e.variance_parameters, variance_noise=e.variance_noise,
                share_parameters=e.share_parameters, flag="" if e.robust else FLAG_NOT_ROBUST, note=e.note)


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


def fmt_share(x) -> str:
    if x is None or not np.isfinite(x):
        return "NA"
    return f"{100 * x:.0f}%"


def group_text(dimension: str, value: str) -> str:
    if dimension == "all":
        return "all"
    return ", ".join(f"{d}={v}" for d, v in zip(dimension.split("*"), value.split("*")))


def display_table(df: pd.DataFrame) -> pd.DataFrame:
    """Strings for people: rounded values, the interval in one column; ensemble columns when present."""
    ensemble = (df["method"] == "ensemble").any()
    out = pd.DataFrame({
        "indicator": df["indicator"],
        "group": [group_text(d, v) for d, v in zip(df["dimension"], df["group"])],
        "period": df["period"],
        "scenario": df["scenario"],
        "baseline": df["baseline"].map(fmt),
        "scenario value": df["value"].map(fmt),
        "difference": df["difference"].map(fmt_signed),
        "relative": df["relative"].map(fmt_pct),
        ("95% interval" if ensemble else "95% CI"):
            [f"[{fmt_signed(lo)}, {fmt_signed(hi)}]" for lo, hi in zip(df["low"], df["high"])],
    })
    if ensemble:
        out["P(sign)"] = df["p_sign"].map(fmt_share)
        out["from parameters"] = df["share_parameters"].map(fmt_share)
    out["n"] = df["n"]
    out["flag"] = df["flag"]
    return out


def notes(df: pd.DataFrame) -> list:
    """What the intervals mean, printed under the table."""
    out = []
    if (df["method"] != "ensemble").any():
        out.append("95% CI: replicate noise only (no parameter uncertainty); "
                   f"'{FLAG_CROSSES_ZERO}' marks intervals that include zero.")
    if (df["method"] == "ensemble").any():
        out.append("95% interval: over parameter draws and replicates together; P(sign): share of draws whose "
                   "mean effect has the sign shown; from parameters: share of the effect's variance due to the "
                   f"parameters; '{FLAG_NOT_ROBUST}' marks a sign holding in fewer than {ROBUST_SHARE:.0%} "
                   "of draws.")
        split = df[(df["method"] == "ensemble") & (df["note"] != "")]["note"].unique()
        out += [f"note: {n}" for n in split]
    return out


def to_terminal(df: pd.DataFrame) -> str:
    return "\n".join([display_table(df).to_string(index=False), *notes(df)])


def to_markdown(df: pd.DataFrame) -> str:
    return markdown_table(display_table(df)) + "".join(f"\n{n}\n" for n in notes(df))


def markdown_table(table: pd.DataFrame) -> str:
    """A pipe table (pandas' to_markdown needs `tabulate`, which is not installed)."""
    def cell(v):
        return str(v).replace("|", "\\|")
    header = "| " + " | ".join(cell(c) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([header, rule, *body]) + "\n"
