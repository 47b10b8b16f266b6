"""Global sensitivity of one indicator (at one date and group) to the parameters varied by a sweep.

* Sobol/Saltelli designs: first-order indices by the Saltelli et al. (2010) estimator and total-order
  indices by Jansen's (1999) estimator, with percentile bootstrap intervals (resampling the N base rows,
  which keeps each row's A, B and AB_i evaluations together).
* Grid and LHS designs: standardized regression coefficients (SRC) with bootstrap intervals; R^2 says how
  much of the variance a linear model explains and so how far the SRCs can be trusted.

The sweep writes Saltelli runs in blocks A (N), B (N), AB_1 .. AB_k (N each); AB_i is A with column i
taken from B.

* Parameter ensembles (`run` with `uncertainty:`, random rather than Saltelli draws): first-order indices
  from the given data by the correlation ratio over equal-count bins of each parameter, with Kelley's
  (1935) bias correction (epsilon squared): S1_i = (SS_between - (B - 1) MS_within) / SS_total over all
  replicates, so replicate noise stays in the denominator, as in compare's variance split. Bootstrap
  intervals resample the draws (each with its replicates). With --baseline, of the effect (scenario minus
  baseline, paired replicate by replicate).
"""
from __future__ import annotations

import math
import textwrap
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .periods import Period
from .result_file import ResultFile

LEVEL = 0.95


@dataclass
class SensitivityResult:
    method: str               # "sobol" or "src"
    table: pd.DataFrame       # one row per parameter, most influential first
    indicator: str
    date: str
    group: str
    runs_used: int
    note: str = ""
    r2: float = math.nan      # SRC only


# ---- Sobol ---------------------------------------------------------------------------------------

def sobol_point(y_a: np.ndarray, y_b: np.ndarray, y_ab: np.ndarray):
    """S1 and ST for arrays [..., N] (y_ab: [k, ..., N]); leading axes let the bootstrap vectorize."""
    var = np.var(np.concatenate([y_a, y_b], axis=-1), axis=-1)
    s1 = np.mean(y_b * (y_ab - y_a), axis=-1) / var          # Saltelli et al. (2010), eq. (b)
    st = 0.5 * np.mean((y_a - y_ab) ** 2, axis=-1) / var     # Jansen (1999)
    return s1, st


def sobol_indices(y_a, y_b, y_ab, n_boot: int = 1000, seed: int = 0, level: float = LEVEL):
    """Point estimates and bootstrap percentile intervals; returns dict of arrays [k]."""
    s1, st = sobol_point(y_a, y_b, y_ab)
    n = y_a.size
    rng = np.random.default_rng(seed)
    boot_s1, boot_st = [], []
    chunk = max(1, 2_000_000 // max(1, n * (y_ab.shape[0] + 2)))   # bound memory, not speed
    for start in range(0, n_boot, chunk):
        idx = rng.integers(0, n, size=(min(chunk, n_boot - start), n))
        b1, bt = sobol_point(y_a[idx], y_b[idx], y_ab[:, idx])
        boot_s1.append(b1)
        boot_st.append(bt)
    boot_s1 = np.concatenate(boot_s1, axis=1)   # [k, n_boot]
    boot_st = np.concatenate(boot_st, axis=1)
    q = [(1 - level) / 2, (1 + level) / 2]
    s1_ci = np.quantile(boot_s1, q, axis=1)
    st_ci = np.quantile(boot_st, q, axis=1)
    return dict(S1=s1, S1_low=s1_ci[0], S1_high=s1_ci[1], ST=st, ST_low=st_ci[0], ST_high=st_ci[1])


def saltelli_blocks(f: ResultFile):
    """(N, k, parameter names in AB order) from the /runs attributes and the parameter values."""
    try:
        n = int(f.runs_attrs["sobol_base_samples"])
        k = int(f.runs_attrs["sobol_parameters"])
    except KeyError:
        raise f.error("Sobol sweep without /runs attributes sobol_base_samples and sobol_parameters") from None
    if f.runs != n * (k + 2):
        raise f.error(f"Sobol sweep has {f.runs} runs, expected N*(k+2) = {n}*({k}+2) = {n * (k + 2)}")
    names = list(f.parameters)
    if len(names) != k:
        raise f.error(f"Sobol sweep varies {len(names)} parameters but sobol_parameters = {k}")
    x = np.column_stack([f.parameters[p].values for p in names])
    a, b = x[:n], x[n:2 * n]
    # Find which parameter each AB block took from B, rather than trusting dataset order (h5py lists
    # datasets alphabetically, the sweep may not).
    order = []
    for i in range(k):
        ab = x[(2 + i) * n:(3 + i) * n]
        from_b = [j for j in range(k) if np.allclose(ab[:, j], b[:, j]) and not np.allclose(a[:, j], b[:, j])]
        rest_a = [j for j in range(k) if j not in from_b and np.allclose(ab[:, j], a[:, j])]
        if len(from_b) != 1 or len(rest_a) != k - 1:
            raise f.error(f"runs {(2 + i) * n}..{(3 + i) * n - 1} are not a Saltelli AB block "
                          "(A with one column from B)")
        order.append(names[from_b[0]])
    return n, k, order


def _sobol(f: ResultFile, y: np.ndarray, n_boot: int, seed: int):
    n, k, order = saltelli_blocks(f)
    y_a, y_b = y[:n], y[n:2 * n]
    y_ab = np.stack([y[(2 + i) * n:(3 + i) * n] for i in range(k)])
    keep = np.isfinite(y_a) & np.isfinite(y_b) & np.all(np.isfinite(y_ab), axis=0)
    note = ""
    if not keep.all():
        note = f"{(~keep).sum()} of {n} base rows dropped (indicator undefined: no workers in the group)"
    if keep.sum() < 10:
        raise f.error("too few usable Sobol base rows (indicator NaN in most runs)")
    if np.var(np.concatenate([y_a[keep], y_b[keep]])) == 0:
        raise f.error("the indicator does not vary across the sweep: sensitivity indices are undefined")
    res = sobol_indices(y_a[keep], y_b[keep], y_ab[:, keep], n_boot=n_boot, seed=seed)
    table = pd.DataFrame({"parameter": order, **res}).sort_values("ST", ascending=False, ignore_index=True)
    return table, int(keep.sum() * (k + 2)), note


# ---- standardized regression coefficients -------------------------------------------------------

def src(x: np.ndarray, y: np.ndarray):
    """Coefficients of the regression of standardized y on standardized x, and R^2."""
    xs = (x - x.mean(axis=0)) / x.std(axis=0)
    ys = (y - y.mean()) / y.std()
    beta, *_ = np.linalg.lstsq(xs, ys, rcond=None)
    resid = ys - xs @ beta
    return beta, 1 - resid @ resid / (ys @ ys)


def src_indices(x, y, n_boot: int = 1000, seed: int = 0, level: float = LEVEL):
    beta, r2 = src(x, y)
    rng = np.random.default_rng(seed)
    boots = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        if np.any(x[idx].std(axis=0) == 0) or y[idx].std() == 0:
            continue  # a degenerate resample (tiny grids) says nothing
        boots.append(src(x[idx], y[idx])[0])
    q = [(1 - level) / 2, (1 + level) / 2]
    ci = np.quantile(np.array(boots), q, axis=0) if boots else np.full((2, len(beta)), np.nan)
    return dict(SRC=beta, SRC_low=ci[0], SRC_high=ci[1]), float(r2)


def _src(f: ResultFile, y: np.ndarray, n_boot: int, seed: int):
    names = [p for p in f.parameters if np.std(f.parameters[p].values) > 0]
    dropped = [p for p in f.parameters if p not in names]
    keep = np.isfinite(y)
    if not names:
        raise f.error("no parameter varies in this sweep")
    if keep.sum() < len(names) + 2:
        raise f.error(f"too few usable runs ({keep.sum()}) for {len(names)} parameters")
    if np.std(y[keep]) == 0:
        raise f.error("the indicator does not vary across the sweep: sensitivity is undefined")
    x = np.column_stack([f.parameters[p].values for p in names])[keep]
    res, r2 = src_indices(x, y[keep], n_boot=n_boot, seed=seed)
    table = pd.DataFrame({"parameter": names, **res})
    table = table.reindex(table["SRC"].abs().sort_values(ascending=False).index).reset_index(drop=True)
    notes = []
    if dropped:
        notes.append("constant parameters ignored: " + ", ".join(dropped))
    if (~keep).any():
        notes.append(f"{(~keep).sum()} runs dropped (indicator undefined)")
    return table, int(keep.sum()), "; ".join(notes), r2


# ---- parameter ensembles: first order from given data ---------------------------------------------

def binned_first_order(x: np.ndarray, y: np.ndarray, draw: np.ndarray, bins: int) -> float:
    """Bias-corrected correlation ratio of y on x: x [draws], y and draw [replicates] (y of replicate r
    belongs to draw draw[r]). Draws are put in `bins` equal-count bins by rank of x."""
    order = np.argsort(x[draw], kind="stable")
    which = np.empty(len(y), dtype=int)
    which[order] = np.arange(len(y)) * bins // len(y)       # equal-count bins of replicates, by x
    total = np.sum((y - y.mean()) ** 2)
    if total == 0:
        return math.nan
    counts = np.bincount(which, minlength=bins)
    means = np.bincount(which, weights=y, minlength=bins) / np.maximum(counts, 1)
    between = np.sum(counts * (means - y.mean()) ** 2)
    within = (total - between) / max(1, len(y) - bins)
    return float((between - (bins - 1) * within) / total)


def _ensemble(f: ResultFile, y: np.ndarray, n_boot: int, seed: int, bins: int | None):
    e = f.ensemble
    keep = np.isfinite(y)
    draw = e.draw[keep]
    y = y[keep]
    if len(np.unique(draw)) < 10:
        raise f.error(f"too few usable draws ({len(np.unique(draw))}; at least 10) for sensitivity indices")
    if np.var(y) == 0:
        raise f.error("the indicator does not vary across the ensemble: sensitivity indices are undefined")
    b = bins or max(2, min(20, int(round(math.sqrt(e.draws)))))
    names = [n for j, n in enumerate(e.parameter_names) if np.ptp(e.values[:, j]) > 0]
    dropped = [n for n in e.parameter_names if n not in names]
    if not names:
        raise f.error("no parameter varies in this ensemble")
    columns = [e.parameter_names.index(n) for n in names]
    point = [binned_first_order(e.values[:, j], y, draw, b) for j in columns]
    rng = np.random.default_rng(seed)
    by_draw = [np.flatnonzero(draw == d) for d in range(e.draws)]
    boots = []
    for _ in range(n_boot):
        picked = rng.integers(0, e.draws, e.draws)
        rows = np.concatenate([by_draw[d] for d in picked])
        new_draw = np.repeat(np.arange(e.draws), [len(by_draw[d]) for d in picked])
        values = e.values[picked]
        boots.append([binned_first_order(values[:, j], y[rows], new_draw, b) for j in columns])
    q = [(1 - LEVEL) / 2, (1 + LEVEL) / 2]
    ci = np.nanquantile(np.array(boots), q, axis=0) if boots else np.full((2, len(names)), np.nan)
    table = pd.DataFrame({"parameter": names, "S1": point, "S1_low": ci[0], "S1_high": ci[1]})
    table = table.sort_values("S1", ascending=False, ignore_index=True)
    notes = [f"first order from given data: correlation ratio over {b} equal-count bins (Kelley's bias "
             "correction); the rest of the variance is interactions and replicate noise"]
    if dropped:
        notes.append("constant parameters ignored: " + ", ".join(dropped))
    if (~keep).any():
        notes.append(f"{(~keep).sum()} replicates dropped (indicator undefined)")
    return table, int(keep.sum()), "; ".join(notes)


# ---- entry point --------------------------------------------------------------------------------

def parse_group(f: ResultFile, indicator: str, group: str | None) -> int:
    """'all', 'dimension=value' or a crossed group -> its index in the indicator's group table."""
    if not group or group == "all":
        group = "all"
    index = f.group_table(indicator).find(group)
    if index is None:
        raise f.error(f"no group {group!r} for {indicator} in this file")
    return index


def sensitivity(f: ResultFile, indicator: str, period, group: str | None = None, n_boot: int = 1000,
                seed: int = 0, baseline: ResultFile | None = None, bins: int | None = None) -> SensitivityResult:
    """Indices of `indicator` in `group`, averaged over `period` (a Period, or text such as 2030-12). For a
    parameter ensemble, of the indicator, or of the effect against `baseline` (the same ensemble)."""
    f.indicator(indicator)
    if f.ensemble is not None:
        from .compare import is_ensemble_pair
        period = period if isinstance(period, Period) else Period.parse(period)
        g = parse_group(f, indicator, group)
        y = f.runs_at(indicator, period, g)[0]
        label = indicator
        if baseline is not None:
            is_ensemble_pair(baseline, f)
            y = y - baseline.runs_at(indicator, period, parse_group(baseline, indicator, group))[0]
            label = f"effect on {indicator}"
        table, used, note = _ensemble(f, y, n_boot, seed, bins)
        return SensitivityResult("ensemble", table, indicator=label, date=period.text,
                                 group=f.group_table(indicator)[g].label, runs_used=used, note=note)
    if baseline is not None:
        raise f.error("--baseline applies to parameter ensembles only (this file has no /uncertainty)")
    if f.runs < 2 or not f.parameters:
        raise f.error("not a sweep file (needs runs > 1 and /runs/parameters): "
                      "sensitivity analysis needs the output of `supplysim sweep`")
    period = period if isinstance(period, Period) else Period.parse(period)
    g = parse_group(f, indicator, group)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # all-NaN runs become NaN, dropped below
        y = np.nanmean(f.runs_at(indicator, period, g), axis=1)      # replicate mean per run
    common = dict(indicator=indicator, date=period.text, group=f.group_table(indicator)[g].label)
    design = f.design.lower()
    if design == "sobol":
        table, used, note = _sobol(f, y, n_boot, seed)
        return SensitivityResult("sobol", table, runs_used=used, note=note, **common)
    if design in ("grid", "lhs", ""):
        table, used, note, r2 = _src(f, y, n_boot, seed)
        if r2 < 0.7:
            note = (note + "; " if note else "") + f"R^2 = {r2:.2f}: the response is far from linear, read SRCs with care"
        return SensitivityResult("src", table, runs_used=used, note=note, r2=r2, **common)
    raise f.error(f"unknown sweep design {f.design!r} (expected grid, lhs or sobol)")


def to_terminal(res: SensitivityResult) -> str:
    t = res.table
    head = f"{res.indicator} at {res.date}, {res.group}; {res.runs_used} runs"
    if res.method == "sobol":
        lines = [head + "; Sobol indices (Saltelli 2010 first order, Jansen total order), 95% bootstrap CI",
                 f"{'parameter':<40} {'S1':>7} {'95% CI':>18} {'ST':>7} {'95% CI':>18}"]
        for r in t.itertuples(index=False):
            lines.append(f"{r.parameter:<40} {r.S1:7.3f} [{r.S1_low:7.3f}, {r.S1_high:7.3f}] "
                         f"{r.ST:7.3f} [{r.ST_low:7.3f}, {r.ST_high:7.3f}]")
        lines.append(f"sum of S1 = {t['S1'].sum():.3f} (1 - sum = share of variance from interactions)")
    elif res.method == "ensemble":
        lines = [head.replace(" runs", " replicates") + "; first-order share of variance by parameter, 95% bootstrap CI",
                 f"{'parameter':<40} {'S1':>7} {'95% CI':>18}"]
        for r in t.itertuples(index=False):
            lines.append(f"{r.parameter:<40} {r.S1:7.3f} [{r.S1_low:7.3f}, {r.S1_high:7.3f}]")
        lines.append(f"sum of S1 = {t['S1'].sum():.3f}")
    else:
        lines = [head + f"; standardized regression coefficients, 95% bootstrap CI; R^2 = {res.r2:.3f}",
                 f"{'parameter':<40} {'SRC':>7} {'95% CI':>18}"]
        for r in t.itertuples(index=False):
            lines.append(f"{r.parameter:<40} {r.SRC:7.3f} [{r.SRC_low:7.3f}, {r.SRC_high:7.3f}]")
    if res.note:
        lines.append("note: " + res.note)
    return "\n".join(lines)


def tornado(res: SensitivityResult, output, outputs):
    """Horizontal bars, most influential parameter on top; hatching keeps S1/ST apart without colour."""
    from . import plot  # matplotlib only when a chart is wanted
    plt = plot.plt
    t = res.table.iloc[::-1].reset_index(drop=True)   # barh draws bottom-up
    y = np.arange(len(t))
    # Constrained layout makes room for the labels, title and axis label whatever their length.
    fig, ax = plt.subplots(figsize=(7.5, 1.6 + 0.45 * len(t)), layout="constrained")
    if res.method == "ensemble":
        ax.barh(y, t["S1"], 0.6, color="#0072B2", edgecolor="black",
                xerr=[t["S1"] - t["S1_low"], t["S1_high"] - t["S1"]], capsize=3)
        ax.set_xlabel("first-order share of variance (binned correlation ratio), 95% bootstrap interval")
        ax.set_xlim(min(0, float(t["S1_low"].min())) - 0.02, max(1.0, float(t["S1_high"].max()) + 0.02))
    elif res.method == "sobol":
        h = 0.38
        ax.barh(y + h / 2, t["ST"], h, color="#BBBBBB", edgecolor="black", hatch="//", label="total order (ST)",
                xerr=[t["ST"] - t["ST_low"], t["ST_high"] - t["ST"]], capsize=3)
        ax.barh(y - h / 2, t["S1"], h, color="#0072B2", edgecolor="black", label="first order (S1)",
                xerr=[t["S1"] - t["S1_low"], t["S1_high"] - t["S1"]], capsize=3)
        ax.set_xlabel("Sobol index (share of output variance), 95% bootstrap interval")
        ax.set_xlim(min(0, float(t[["S1_low", "ST_low"]].min().min())) - 0.02,
                    max(1.0, float(t[["S1_high", "ST_high"]].max().max()) + 0.02))
    else:
        colours = ["#0072B2" if v >= 0 else "#D55E00" for v in t["SRC"]]
        hatches = ["" if v >= 0 else "xx" for v in t["SRC"]]
        bars = ax.barh(y, t["SRC"], 0.6, color=colours, edgecolor="black",
                       xerr=[t["SRC"] - t["SRC_low"], t["SRC_high"] - t["SRC"]], capsize=3)
        for bar, hatch in zip(bars, hatches):
            bar.set_hatch(hatch)
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(f"standardized regression coefficient (R² = {res.r2:.2f}); hatched = negative")
    ax.set_yticks(y)
    ax.set_yticklabels(["\n".join(textwrap.wrap(name, 30)) for name in short_names(list(t["parameter"]))],
                       fontsize=9)
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title("\n".join(plot.title_lines(f"Sensitivity of {res.indicator} at {res.date} ({res.group})", 7.0,
                                             11)), fontsize=11)
    if res.method == "sobol":
        ax.legend(loc="lower right", fontsize=8)
    return plot.save(fig, output, outputs)


def short_names(paths: list) -> list:
    """Each key path by its shortest ending that no other path in the list shares (the table and the CSV
    keep the full paths)."""
    out = []
    for path in paths:
        parts = path.split(".")
        for n in range(1, len(parts) + 1):
            tail = ".".join(parts[-n:])
            if not any(p != path and (p == tail or p.endswith("." + tail)) for p in paths):
                break
        out.append(tail)
    return out
