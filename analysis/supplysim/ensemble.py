"""Effects from a parameter ensemble: replicates come in draws (a nested design, K replicates per draw of
the uncertain parameters), so an effect's spread splits into a part due to the parameters and a part due
to stochastic noise.

Variance split: the one-way random-effects ANOVA estimator with draws as groups,
    sigma2_noise = MS_within,   sigma2_param = max(0, (MS_between - MS_within) / n0),
with n0 = K for balanced draws (Searle, Casella and McCulloch 1992, Variance Components, ch. 3; n0 is
their unbalanced-design coefficient, needed when a group has no workers in some replicates). With one
replicate per draw the two parts cannot be told apart and the split is reported as not estimable.

Robustness of the sign: the share of draws whose draw-mean effect has the sign of the overall mean.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LEVEL = 0.95
ROBUST_SHARE = 0.9      # an effect whose sign holds in fewer draws than this is not robust


@dataclass
class EnsembleEffect:
    mean: float
    low: float               # interval over draws and replicates together
    high: float
    n: int                   # replicates used
    draws: int               # draws used
    variance_parameters: float
    variance_noise: float
    share_parameters: float  # sigma2_param / (sigma2_param + sigma2_noise)
    p_sign: float            # share of draws whose mean effect has the sign of `mean`
    robust: bool
    note: str = ""


def variance_split(effects: np.ndarray, draw: np.ndarray):
    """(sigma2_param, sigma2_noise, note) from replicate effects and each replicate's draw; NaNs dropped.
    The note says why the split is not estimable (then both variances are NaN)."""
    ok = np.isfinite(effects)
    x, g = effects[ok], draw[ok]
    labels, counts = np.unique(g, return_counts=True)
    n, d = x.size, labels.size
    if d < 2:
        return math.nan, math.nan, "a single parameter draw: nothing to split"
    if n == d:
        return math.nan, math.nan, ("one replicate per draw: parameter and noise variance cannot be separated "
                                    "(needs 2 or more replicates per draw)")
    means = np.array([x[g == lab].mean() for lab in labels])
    grand = x.mean()
    ms_between = float(np.sum(counts * (means - grand) ** 2) / (d - 1))
    within = x - means[np.searchsorted(labels, g)]
    ms_within = float(np.sum(within ** 2) / (n - d))
    n0 = (n - np.sum(counts ** 2) / n) / (d - 1)
    return max(0.0, (ms_between - ms_within) / n0), ms_within, ""


def sign_probability(effects: np.ndarray, draw: np.ndarray, mean: float) -> float:
    """Share of draws whose mean effect has the sign of `mean` (NaN when `mean` is 0 or undefined)."""
    ok = np.isfinite(effects)
    if not np.isfinite(mean) or mean == 0 or not ok.any():
        return math.nan
    x, g = effects[ok], draw[ok]
    draw_means = np.array([x[g == lab].mean() for lab in np.unique(g)])
    return float(np.mean(np.sign(draw_means) == np.sign(mean)))


def ensemble_effect(effects: np.ndarray, draw: np.ndarray, level: float = LEVEL) -> EnsembleEffect:
    """Summary of replicate-wise effects (scenario minus baseline, paired) over an ensemble's draws."""
    effects, draw = np.asarray(effects, dtype=float), np.asarray(draw)
    ok = np.isfinite(effects)
    x = effects[ok]
    if x.size == 0:
        return EnsembleEffect(math.nan, math.nan, math.nan, 0, 0, math.nan, math.nan, math.nan, math.nan,
                              False, "no replicate has workers in this group")
    mean = float(x.mean())
    low, high = (float(v) for v in np.quantile(x, [(1 - level) / 2, (1 + level) / 2]))
    draws = int(np.unique(draw[ok]).size)
    if np.all(x == 0):
        return EnsembleEffect(0.0, 0.0, 0.0, int(x.size), draws, 0.0, 0.0, math.nan, math.nan, True,
                              "no difference in any replicate")
    s2p, s2n, note = variance_split(effects, draw)
    total = s2p + s2n
    share = s2p / total if np.isfinite(total) and total > 0 else math.nan
    p = sign_probability(effects, draw, mean)
    robust = bool(np.isfinite(p) and p >= ROBUST_SHARE)
    return EnsembleEffect(mean, low, high, int(x.size), draws, s2p, s2n, share, p, robust, note)
