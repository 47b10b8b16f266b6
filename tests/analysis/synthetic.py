"""Schema-conformant supplysim result files with known values (docs/output-schema.md, format versions 1
and 2: crossed groups, firm-level measures with /firm_groups, parameter ensembles with /uncertainty).

Used by the tests (hand-computed checks need exact inputs) and handy for trying the analysis tools
before the engine exists: `python3 tests/analysis/synthetic.py outdir/`.
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import h5py
import numpy as np
import yaml

AREAS = ("osh", "wages", "working_time", "contracts", "freedom_of_association", "child_labour", "forced_labour",
         "discrimination")
HIGHER, LOWER, NEITHER = "higher_is_better", "lower_is_better", "neither"
# The engine's catalogue of worker measures: name, units, kind, description, direction.
CATALOGUE = [(f"compliance.{a}", "share of workers", "share",
              f"Share of employed workers whose employer complies on {a}.", HIGHER) for a in AREAS] + [
    ("wage_to_minimum", "ratio", "ratio", "Mean monthly wage of employed workers divided by the minimum wage.", HIGHER),
    ("below_minimum_wage", "share of workers", "share", "Share of employed workers paid below the minimum wage.", LOWER),
    ("excess_hours", "share of workers", "share", "Share of employed workers whose weekly hours exceed the limit.",
     LOWER),
    ("injury_rate", "injuries per 1,000 workers per month", "rate", "Occupational injuries per 1,000 workers.", LOWER),
    ("harassment", "share of workers", "share", "Share of employed workers who experienced harassment.", LOWER),
    ("union_density", "share of workers", "share", "Share of employed workers who are union members.", HIGHER),
    ("informal_share", "share of workers", "share", "Share of employed workers in informal employment.", LOWER),
    ("subcontracted_share", "share of workers", "share", "Share of workers producing subcontracted orders.", NEITHER),
    ("quit_rate", "share of workers", "share", "Share of employed workers who quit in the month.", LOWER),
    ("inspection_coverage", "share of workers", "share", "Share of workers whose workplace was inspected.", NEITHER),
    ("child_labour", "workers", "count", "Workers under 18 employed by firms not complying on child labour.", LOWER),
    ("forced_labour", "workers", "count", "Migrant workers held by recruitment debt.", LOWER),
    ("employment", "workers", "count", "Workers employed in the month (model population).", NEITHER),
]
# Firm-level measures (format version 2): shares of firms, indexed by /firm_groups.
FIRM_CATALOGUE = [(f"firms_noncompliant.{a}", "share of firms", "share",
                   f"Share of firms not complying on {a}.", LOWER) for a in ("osh", "wages")] + [
    ("firms_noncompliant.any", "share of firms", "share", "Share of firms not complying in at least one area.", LOWER),
]
META = {name: (units, kind, desc, direction) for name, units, kind, desc, direction in CATALOGUE + FIRM_CATALOGUE}
FIRM_MEASURES = {name for name, *_ in FIRM_CATALOGUE}

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


def make_groups(dims=("country", "tier", "gender"), crossings=()) -> list:
    """'all', one group per value of each dimension, then each crossing ('country*gender': every
    combination, components in the order written)."""
    groups = [("all", "all")]
    for dim in DIMENSION_ORDER:
        if dim in dims:
            groups += [(dim, v) for v in GROUP_VALUES[dim]]
    for crossing in crossings:
        parts = crossing.split("*")
        for combo in itertools.product(*(GROUP_VALUES[p] for p in parts)):
            groups.append((crossing, "*".join(combo)))
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


def write_result(path, values: dict, *, groups=None, firm_groups=None, start="2017-01", seed=1,
                 scenario_name="baseline", scenario_yaml=None, complete=1, fmt="supplysim", format_version=2,
                 parameters=None, parameter_attrs=None, design=None, runs_attrs=None, command_line=None,
                 partial_shape=False, ensemble=None, directions=True, vlen_strings=False) -> Path:
    """Write `values` {indicator: float64 [runs, replicates, months, groups]} in the schema layout.

    Measures named in FIRM_MEASURES are firm-level (their last axis indexes `firm_groups`). Format version 1
    writes neither `level`, `groups` nor `direction`; `directions=False` leaves `direction` out of version 2
    too. `ensemble`: dict(draw, names, values, replicates_per_draw[, description]) for /uncertainty.
    `parameter_attrs`: {key: {attribute: value}} for /runs/parameters (e.g. labels)."""
    path = Path(path)
    first = next(v for k, v in values.items() if k not in FIRM_MEASURES)
    runs, reps, months, ngroups = np.shape(first)
    groups = groups or make_groups()
    assert len(groups) == ngroups, "values' last axis must match the groups"
    if scenario_yaml is None:
        scenario_yaml = f"name: {scenario_name}\nseed: {seed}\nreplicates: {reps}\n"
    str_t = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        a = f.attrs
        a.create("format", fmt, dtype=str_t)
        a["format_version"] = np.int32(format_version)
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
        write_group_table(f, "groups", groups, vlen_strings)
        if firm_groups is not None:
            write_group_table(f, "firm_groups", firm_groups, vlen_strings)
        ind = f.create_group("indicators")
        for name, data in values.items():
            data = np.asarray(data, dtype=np.float64)
            if partial_shape:
                data = data[:, :, : max(1, months // 2)]  # what a truncated writer would leave
            ds = ind.create_dataset(name, data=data, chunks=(1, 1) + data.shape[2:], compression="gzip",
                                    compression_opts=4)
            units, kind, desc, direction = META.get(name, ("share of workers", "share", name, NEITHER))
            ds.attrs.create("units", units, dtype=str_t)
            ds.attrs.create("description", desc, dtype=str_t)
            ds.attrs.create("kind", kind, dtype=str_t)
            if format_version >= 2:
                firm = name in FIRM_MEASURES
                ds.attrs.create("level", "firm" if firm else "worker", dtype=str_t)
                ds.attrs.create("groups", "firm_groups" if firm else "groups", dtype=str_t)
                ds.attrs.create("weighting", "firms" if firm else "workers", dtype=str_t)
                if directions:
                    ds.attrs.create("direction", direction, dtype=str_t)
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
                for attr, value in (parameter_attrs or {}).get(key, {}).items():
                    if isinstance(value, str):
                        ds.attrs.create(attr, value, dtype=str_t)
                    else:
                        ds.attrs.create(attr, np.array(value, dtype=object), dtype=str_t)
        if ensemble is not None:
            a.create("uncertainty", ensemble.get("description", "ranges: {x: [0, 1]}\ndraws: 2\n"), dtype=str_t)
            u = f.create_group("uncertainty")
            u["draw"] = np.asarray(ensemble["draw"], dtype=np.int32)
            u.create_dataset("parameter_names", data=np.array(ensemble["names"], dtype=object), dtype=str_t)
            u["values"] = np.asarray(ensemble["values"], dtype=np.float64)
            u.attrs["replicates_per_draw"] = np.int32(ensemble["replicates_per_draw"])
        a["complete"] = np.int32(complete)  # last write, as the engine does
    return path


def write_group_table(f, name: str, groups: list, vlen_strings: bool) -> None:
    """/groups or /firm_groups: fixed-length ASCII fields (as the engine writes version 1) or
    variable-length UTF-8 strings (allowed from version 2)."""
    if vlen_strings:
        gtype = np.dtype([("dimension", h5py.string_dtype("utf-8")), ("value", h5py.string_dtype("utf-8"))])
        rows = [(d, v) for d, v in groups]
    else:
        gtype = np.dtype([("dimension", "S32"), ("value", "S64")])
        rows = [(d.encode(), v.encode()) for d, v in groups]
    f.create_dataset(name, data=np.array(rows, dtype=gtype))


def scenario_values(*, effect=0.0, replicates=5, months=72, groups=None, seed=1, indicators=None,
                    noise=0.02, own_noise=0.0, own_seed=0, firm_groups=None) -> dict:
    """Plausible series: a slow trend, group differences, replicate noise drawn from `seed`.

    Two files made with the same seed share their noise replicate by replicate (common random numbers),
    so a pure shift `effect` shows up with a tight paired interval; `own_noise` (drawn from `own_seed`)
    adds scenario-specific noise on top, so intervals have some width.
    """
    names = indicators or [n for n, *_ in CATALOGUE] + ([n for n, *_ in FIRM_CATALOGUE] if firm_groups else [])
    out = {}
    for i, name in enumerate(names):
        units, kind, _, _ = META.get(name, ("", "share", "", NEITHER))
        table = firm_groups if name in FIRM_MEASURES else (groups or make_groups())
        rng = np.random.default_rng([seed, i])
        trend = np.linspace(0, 1, months)[None, :, None]
        gshift = np.linspace(-0.1, 0.1, len(table))[None, None, :]
        gshift[..., 0] = 0
        eps = rng.normal(0, noise, size=(replicates, months, 1)) + rng.normal(0, noise / 2,
                                                                             size=(replicates, months, len(table)))
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
                   own_seed=0, crossings=(), firm_dims=None, **write) -> Path:
    """A one-run scenario file; `firm_dims` (e.g. ('country', 'tier')) adds /firm_groups and the firm
    measures; other keywords go to write_result."""
    groups = make_groups(dims, crossings)
    firm_groups = make_groups(firm_dims) if firm_dims is not None else None
    vals = scenario_values(effect=effect, replicates=replicates, months=months, groups=groups, seed=seed,
                           indicators=indicators, own_noise=own_noise, own_seed=own_seed, firm_groups=firm_groups)
    return write_result(path, vals, groups=groups, firm_groups=firm_groups, seed=seed, start=start,
                        scenario_name=scenario_name or Path(path).stem, scenario_yaml=scenario_yaml, **write)


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


def write_grid_sweep(path, *, replicates=3, months=24, seed=5, noise=0.01, labels="0: random; 1: risk_based") -> Path:
    """A grid sweep of inspectors_per_10k_workers (0.5, 1, 2, 4) x targeting (random, risk_based, stored as
    0/1 with `labels`), where compliance.osh = 0.4 + 0.05 log2(inspectors) + 0.1 risk_based + noise.
    Pass labels=None for a file without the attribute, or a list for the string-array convention."""
    inspectors, targeting = [0.5, 1.0, 2.0, 4.0], [0.0, 1.0]
    grid = [(i, t) for i in inspectors for t in targeting]           # first parameter varies slowest
    x = np.array([g[0] for g in grid])
    t = np.array([g[1] for g in grid])
    groups = make_groups(("gender",))
    rng = np.random.default_rng(seed)
    mean = 0.4 + 0.05 * np.log2(x) + 0.1 * t
    data = mean[:, None, None, None] + rng.normal(0, noise, size=(len(grid), replicates, 1, 1)) + \
        np.zeros((1, 1, months, len(groups)))
    key_x = "countries.bangladesh.inspectorate.inspectors_per_10k_workers"
    key_t = "countries.bangladesh.inspectorate.targeting"
    return write_result(path, {"compliance.osh": data, "employment": np.full_like(data, 100.0)}, groups=groups,
                        design="grid", parameters={key_x: x, key_t: t}, start="2029-01", seed=7,
                        parameter_attrs={key_t: {"labels": labels}} if labels is not None else None,
                        scenario_name="inspection_grid", command_line="supplysim sweep grid.yaml -o grid.h5")


# ---- parameter ensembles ---------------------------------------------------------------------------

def effects_with_split(draws: int, per_draw: int, mean: float, var_parameters: float, var_noise: float,
                       seed: int = 0) -> np.ndarray:
    """Replicate effects [draws, per_draw] whose one-way ANOVA gives exactly the variance components asked
    for: within-draw deviations centred with sum of squares draws*(K-1)*var_noise (so MS_within =
    var_noise) and draw effects with sample variance var_parameters + var_noise/K (so
    (MS_between - MS_within)/K = var_parameters)."""
    rng = np.random.default_rng(seed)
    e = rng.normal(size=(draws, per_draw))
    e -= e.mean(axis=1, keepdims=True)
    e *= np.sqrt(draws * (per_draw - 1) * var_noise / np.sum(e ** 2))
    a = rng.normal(size=draws)
    a -= a.mean()
    a *= np.sqrt((var_parameters + var_noise / per_draw) / a.var(ddof=1))
    return mean + a[:, None] + e


def write_ensemble_pair(folder, effects: np.ndarray, *, months=24, seed=3, names=("law_gain", "lag_months"),
                        indicator="compliance.osh") -> tuple:
    """A baseline and a policy file of one ensemble (the same draws, seed and replicates): replicate r of
    draw j = r // K has effect effects[j, k] in every month and group, on top of noise both files share."""
    folder = Path(folder)
    draws, per_draw = effects.shape
    reps = draws * per_draw
    groups = make_groups(("gender",))
    rng = np.random.default_rng(seed)
    base = 0.5 + rng.normal(0, 0.05, size=(1, reps, 1, 1)) + np.linspace(0, 0.02, len(groups))[None, None, None, :]
    base = base + np.zeros((1, reps, months, len(groups)))
    policy = base + effects.reshape(1, reps, 1, 1)
    ensemble = dict(draw=np.arange(reps) // per_draw, names=list(names), replicates_per_draw=per_draw,
                    values=np.random.default_rng(seed + 1).uniform(size=(draws, len(names))),
                    description=f"ranges: {{{names[0]}: [0.1, 0.5]}}\ndraws: {draws}\n")
    out = []
    for name, data in (("baseline", base), ("policy", policy)):
        out.append(write_result(folder / f"{name}.h5", {indicator: data}, groups=groups, seed=seed,
                                scenario_name=name, ensemble=ensemble))
    return tuple(out)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    write_scenario(out / "baseline.h5", effect=0.0, seed=1, scenario_yaml=BASELINE_YAML)
    write_scenario(out / "better_work.h5", effect=0.04, seed=1, own_noise=0.01, own_seed=2,
                   scenario_yaml=BETTER_WORK_YAML)
    write_memo_config(out / "memo.yaml")
    write_ishigami_sweep(out / "sweep.h5", n=1024)
    print(f"wrote synthetic files to {out}")
