#!/usr/bin/python3
"""Summaries of firm_census CSV files: shares of firms (or of employed workers) non-compliant per area,
mean over replicates with a 95% t-interval, and paired differences between two runs that share the
seed (common random numbers: replicate r of both runs starts from the same world).

    census.py levels FILE [--where country=viet_nam,tier=tier1] [--by country] [--months 0:11] [--weight firms|employed]
    census.py effect BASE POLICY [same options]       # POLICY minus BASE, paired by replicate
"""
import argparse
import sys

import numpy as np
import pandas as pd
from scipy import stats


def load(path):
    return pd.read_csv(path)


def areas(df):
    return [c[len("firms_nc_"):] for c in df.columns if c.startswith("firms_nc_") and c != "firms_nc_any"]


def select(df, where=None, months=None):
    d = df
    for key, value in (where or {}).items():
        d = d[d[key].astype(str) == str(value)]
    if months is not None:
        d = d[(d.month >= months[0]) & (d.month <= months[1])]
    return d


def shares(df, by=(), weight="firms", where=None, months=None):
    """Per replicate (and `by` group): share non-compliant per area, averaged over the months."""
    d = select(df, where, months)
    keys = ["replicate", "month", *by]
    cols = [f"{weight}_nc_{a}" for a in areas(df)] + ([f"{weight}_informal"] if weight == "employed" else ["firms_nc_any", "firms_informal"])
    g = d.groupby(keys)[[weight] + cols].sum()
    out = g[cols].div(g[weight], axis=0)
    out.columns = [c.replace(f"{weight}_nc_", "").replace(f"{weight}_", "") for c in cols]
    out["mean_areas"] = out[areas(df)].mean(axis=1)
    return out.groupby(["replicate", *by]).mean()


def summarise(per_replicate, by=()):
    """Mean and 95% t half-width over replicates."""
    grouped = per_replicate.groupby(list(by) if len(by) > 1 else by[0]) if by else [((), per_replicate)]
    rows = []
    for key, frame in grouped:
        n = len(frame)
        mean = frame.mean()
        half = frame.std(ddof=1) / np.sqrt(n) * stats.t.ppf(0.975, n - 1) if n > 1 else mean * np.nan
        row = {"n": n}
        if by:
            row.update(dict(zip(by, key if isinstance(key, tuple) else (key,))))
        for c in frame.columns:
            row[c] = f"{mean[c]:.3f}±{half[c]:.3f}"
        rows.append(row)
    return pd.DataFrame(rows)


def paired(base, policy):
    return policy - base


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["levels", "effect"])
    p.add_argument("files", nargs="+")
    p.add_argument("--where", default="")
    p.add_argument("--by", default="")
    p.add_argument("--months", default=None)
    p.add_argument("--weight", default="firms", choices=["firms", "employed"])
    a = p.parse_args()
    where = dict(kv.split("=") for kv in a.where.split(",") if kv)
    by = [b for b in a.by.split(",") if b]
    months = tuple(int(x) for x in a.months.split(":")) if a.months else None
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 30)
    if a.command == "levels":
        print(summarise(shares(load(a.files[0]), by, a.weight, where, months), by).to_string(index=False))
    else:
        base = shares(load(a.files[0]), by, a.weight, where, months)
        pol = shares(load(a.files[1]), by, a.weight, where, months)
        print(summarise(paired(base, pol), by).to_string(index=False))


if __name__ == "__main__":
    sys.exit(main())
