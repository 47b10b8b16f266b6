"""Schema-conformant supplysim result files with known values (docs/output-schema.md, format version 1).

Used by the tests (hand-computed checks need exact inputs) and handy for trying the analysis tools
before the engine exists: `python3 tests/analysis/synthetic.py outdir/`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import h5py
import numpy as np
import yaml

# The engine's catalogue (sim/indicators.cpp): name, units, kind, description.
CATALOGUE = [(f"compliance.{a}", "share of workers", "share", f"Share of employed workers whose employer complies on {a}.")
             for a in ("osh", "wages", "working_time", "contracts", "freedom_of_association", "child_labour",
                       "forced_labour", "discrimination")] + [
    ("wage_to_minimum", "ratio", "ratio", "Mean monthly wage of employed workers divided by the minimum wage."),
    ("below_minimum_wage", "share of workers", "share", "Share of employed workers paid below the minimum wage."),
    ("excess_hours", "share of workers", "share", "Share of employed workers whose weekly hours exceed the limit."),
    ("injury_rate", "injuries per 1,000 workers per month", "rate", "Occupational injuries per 1,000 workers."),
    ("harassment", "share of workers", "share", "Share of employed workers who experienced harassment."),
    ("union_density", "share of workers", "share", "Share of employed workers who are union members."),
    ("informal_share", "share of workers", "share", "Share of employed workers in informal employment."),
    ("subcontracted_share", "share of workers", "share", "Share of workers producing subcontracted orders."),
    ("quit_rate", "share of workers", "share", "Share of employed workers who quit in the month."),
    ("inspection_coverage", "share of workers", "share", "Share of workers whose workplace was inspected."),
    ("child_labour", "workers", "count", "Workers under 18 employed by firms not complying on child labour."),
    ("forced_labour", "workers", "count", "Migrant workers held by recruitment debt."),
    ("employment", "workers", "count", "Workers employed in the month (model population)."),
]
META = {name: (units, kind, desc) for name, units, kind, desc in CATALOGUE}

GROUP_VALUES = {
    "country": ["bangladesh", "vietnam"],
    "sector": ["garments"],
    "tier": ["tier1", "tier2"],
    "gender": ["female", "male"],
    "age_band": ["under_18", "18_24", "25_54", "55_plus"],
    "migrant": ["migrant", "non_migrant"],
    "disability": ["disabled", "not_disabled"],
    "ethnicity": ["minority", "majority"],
    "indigenous": ["indigenous", "non_indigenous"],
    "formality": ["formal", "informal"],
}
DIMENSION_ORDER = list(GROUP_VALUES)


def make_groups(dims=("country", "tier", "gender")) -> list:
    groups = [("all", "all")]
    for dim in DIMENSION_ORDER:
        if dim in dims:
            groups += [(dim, v) for v in GROUP_VALUES[dim]]
    return groups


def make_time(start: str, months: int) -> np.ndarray:
    year, month = map(int, start.split("-"))
    out = []
    for _ in range(months):
        out.append(year * 100 + month)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return np.array(out, dtype=np.int32)


def write_result(path, values: dict, *, groups=None, start="2017-01", seed=1, scenario_name="baseline",
                 scenario_yaml=None, complete=1, fmt="supplysim", parameters=None, design=None, runs_attrs=None,
                 command_line=None, partial_shape=False) -> Path:
    """Write `values` {indicator: float64 [runs, replicates, months, groups]} in the schema layout."""
    path = Path(path)
    first = next(iter(values.values()))
    runs, reps, months, ngroups = first.shape
    groups = groups or make_groups()
    assert len(groups) == ngroups, "values' last axis must match the groups"
    if scenario_yaml is None:
        scenario_yaml = f"name: {scenario_name}\nseed: {seed}\nreplicates: {reps}\n"
    str_t = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        a = f.attrs
        a.create("format", fmt, dtype=str_t)
        a["format_version"] = np.int32(1)
        a.create("program_version", "0.1.0-synthetic", dtype=str_t)
        a.create("scenario_name", scenario_name, dtype=str_t)
        a.create("scenario_file", f"scenarios/{scenario_name}.yaml", dtype=str_t)
        a.create("scenario_yaml", scenario_yaml, dtype=str_t)
        a["seed"] = np.uint64(seed)
        a["replicates"] = np.int32(reps)
        a["runs"] = np.int32(runs)
        a.create("start", start, dtype=str_t)
        a["months"] = np.int32(months)
        a.create("command_line", command_line or f"supplysim run scenarios/{scenario_name}.yaml -o {path.name}",
                 dtype=str_t)
        a.create("created", "2025-01-01T00:00:00Z", dtype=str_t)
        if design:
            a.create("design", design, dtype=str_t)
        t = f.create_dataset("time", data=make_time(start, months))
        t.attrs.create("encoding", "yyyymm", dtype=str_t)
        gtype = np.dtype([("dimension", "S32"), ("value", "S64")])
        f.create_dataset("groups", data=np.array([(d.encode(), v.encode()) for d, v in groups], dtype=gtype))
        ind = f.create_group("indicators")
        for name, data in values.items():
            data = np.asarray(data, dtype=np.float64)
            if partial_shape:
                data = data[:, :, : max(1, months // 2)]  # what a truncated writer would leave
            ds = ind.create_dataset(name, data=data, chunks=(1, 1) + data.shape[2:], compression="gzip",
                                    compression_opts=4)
            units, kind, desc = META.get(name, ("share of workers", "share", name))
            ds.attrs.create("units", units, dtype=str_t)
            ds.attrs.create("description", desc, dtype=str_t)
            ds.attrs.create("kind", kind, dtype=str_t)
        r = f.create_group("runs")
        r["id"] = np.arange(runs, dtype=np.int64)
        r["done"] = np.ones(runs, dtype=np.uint8)
        for k, v in (runs_attrs or {}).items():
            r.attrs[k] = v
        if parameters:
            p = r.create_group("parameters")
            for key, vals in parameters.items():
                ds = p.create_dataset(key, data=np.asarray(vals, dtype=np.float64))
                ds.attrs.create("path", key, dtype=str_t)
        a["complete"] = np.int32(complete)  # last write, as the engine does
    return path


def scenario_values(*, effect=0.0, replicates=5, months=72, groups=None, seed=1, indicators=None,
                    noise=0.02, own_noise=0.0, own_seed=0) -> dict:
    """Plausible series: a slow trend, group differences, replicate noise drawn from `seed`.

    Two files made with the same seed share their noise replicate by replicate (common random numbers),
    so a pure shift `effect` shows up with a tight paired interval; `own_noise` (drawn from `own_seed`)
    adds scenario-specific noise on top, so intervals have some width.
    """
    groups = groups or make_groups()
    names = indicators or [n for n, *_ in CATALOGUE]
    out = {}
    for i, name in enumerate(names):
        units, kind, _ = META.get(name, ("", "share", ""))
        rng = np.random.default_rng([seed, i])
        trend = np.linspace(0, 1, months)[None, :, None]
        gshift = np.linspace(-0.1, 0.1, len(groups))[None, None, :]
        gshift[..., 0] = 0
        eps = rng.normal(0, noise, size=(replicates, months, 1)) + rng.normal(0, noise / 2,
                                                                             size=(replicates, months, len(groups)))
        eps = eps + np.random.default_rng([own_seed, i, 99]).normal(0, own_noise, size=eps.shape)
        if kind == "share":
            v = np.clip(0.4 + 0.1 * trend + gshift + eps + effect * trend, 0, 1)
        elif kind == "ratio":
            v = 0.9 + 0.1 * trend + gshift + eps + effect * trend
        elif kind == "rate":
            v = np.maximum(0, 3.0 - trend + 10 * gshift + 10 * eps - 10 * effect * trend)
        else:
            v = np.maximum(0, 500 * (1 + gshift + eps - effect * trend))
        out[name] = v[None]  # one run
    return out


def write_scenario(path, *, effect=0.0, replicates=5, months=72, dims=("country", "tier", "gender"), seed=1,
                   scenario_name=None, scenario_yaml=None, indicators=None, start="2017-01", own_noise=0.0,
                   own_seed=0) -> Path:
    groups = make_groups(dims)
    vals = scenario_values(effect=effect, replicates=replicates, months=months, groups=groups, seed=seed,
                           indicators=indicators, own_noise=own_noise, own_seed=own_seed)
    return write_result(path, vals, groups=groups, seed=seed, start=start,
                        scenario_name=scenario_name or Path(path).stem, scenario_yaml=scenario_yaml)


BASELINE_YAML = """name: baseline
description: Current policies.
seed: 1
replicates: 5
countries:
  - name: bangladesh
    minimum_wage: 8000
    inspectorate: {inspectors_per_10k_workers: 0.5, targeting: random}
  - name: vietnam
    minimum_wage: 4000000
buyers:
  - name: brand
    audits_per_year: 1
    audit_reach_lower_tiers: 0.0
"""
BETTER_WORK_YAML = BASELINE_YAML.replace("name: baseline", "name: better_work").replace(
    "description: Current policies.", "description: Better Work factory programme.").replace(
    "audits_per_year: 1\n", "audits_per_year: 2\n    source: Better Work (2016) impact assessment, Table 3\n").replace(
    "audit_reach_lower_tiers: 0.0", "audit_reach_lower_tiers: 0.3")


def write_memo_config(path, baseline="baseline.h5", scenario="better_work.h5") -> Path:
    path = Path(path)
    path.write_text(yaml.safe_dump({
        "title": "Better Work and decent work in garment supply chains",
        "author": "supplysim test suite",
        "question": "Would a Better Work programme with lower-tier audit reach improve working conditions, "
                    "and for whom?",
        "baseline": "baseline",
        "scenarios": [
            {"label": "baseline", "file": str(baseline), "description": "Current policies continue."},
            {"label": "better_work", "file": str(scenario),
             "description": "Buyers double audits and extend them to 30% of lower-tier suppliers."},
        ],
        "dates": ["2020-12", "2022-12"],
        "indicators": ["compliance.osh", "child_labour", "employment"],
        "groups": ["gender", "tier"],
    }, sort_keys=False))
    return path


# ---- sensitivity ---------------------------------------------------------------------------------

ISHIGAMI_PARAMS = ["x1", "x2", "x3"]


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def saltelli_design(n: int, k: int, seed: int = 0, low=-np.pi, high=np.pi) -> np.ndarray:
    """Runs in the sweep's Saltelli order: A (n), B (n), then AB_i (A with column i from B), i = 1..k."""
    from scipy.stats import qmc
    base = qmc.Sobol(d=2 * k, scramble=True, seed=seed).random(n)
    base = low + (high - low) * base
    a, b = base[:, :k], base[:, k:]
    blocks = [a, b]
    for i in range(k):
        ab = a.copy()
        ab[:, i] = b[:, i]
        blocks.append(ab)
    return np.vstack(blocks)


def write_ishigami_sweep(path, n=4096, *, months=3, replicates=1, seed=0, shuffle_names=False) -> Path:
    """A Sobol sweep whose indicator 'child_labour' at every month is the Ishigami function of x1..x3."""
    x = saltelli_design(n, 3, seed=seed)
    y = ishigami(x)
    groups = make_groups(("gender",))
    data = np.broadcast_to(y[:, None, None, None], (len(y), replicates, months, len(groups))).copy()
    names = ISHIGAMI_PARAMS[::-1] if shuffle_names else ISHIGAMI_PARAMS
    params = {f"parameters.{name}": x[:, ISHIGAMI_PARAMS.index(name)] for name in names}
    return write_result(path, {"child_labour": data}, groups=groups, design="sobol", parameters=params,
                        scenario_name="ishigami", start="2030-10",
                        runs_attrs={"sobol_base_samples": np.int64(n), "sobol_parameters": np.int64(3)},
                        command_line="supplysim sweep ishigami.yaml -o ishigami.h5")


def write_linear_sweep(path, n=200, *, design="lhs", seed=3, coefs=(3.0, -1.0, 0.0), noise=0.1) -> Path:
    """An LHS sweep with y = sum(c_i x_i) + noise, x_i ~ U(0,1): SRC_i = c_i sd(x_i) / sd(y)."""
    from scipy.stats import qmc
    rng = np.random.default_rng(seed)
    x = qmc.LatinHypercube(d=len(coefs), seed=seed).random(n)
    y = x @ np.asarray(coefs) + rng.normal(0, noise, n)
    groups = make_groups(())
    data = np.broadcast_to(y[:, None, None, None], (n, 2, 2, 1)).copy()
    params = {f"p{i + 1}": x[:, i] for i in range(len(coefs))}
    return write_result(path, {"child_labour": data}, groups=groups, design=design, parameters=params,
                        scenario_name="linear", start="2030-11")


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    write_scenario(out / "baseline.h5", effect=0.0, seed=1, scenario_yaml=BASELINE_YAML)
    write_scenario(out / "better_work.h5", effect=0.04, seed=1, own_noise=0.01, own_seed=2,
                   scenario_yaml=BETTER_WORK_YAML)
    write_memo_config(out / "memo.yaml")
    write_ishigami_sweep(out / "sweep.h5", n=1024)
    print(f"wrote synthetic files to {out}")
