"""A result file as a labelled `xarray.Dataset`, and a sweep as one tidy table.

    ds = supplysim.open("baseline.h5")
    ds["compliance.osh"].sel(group="country=bangladesh", time="2030").mean(["time", "replicate"])
    ds.to_dataframe()        # one row per run, replicate, month and group; one column per measure

Dimensions: run, replicate, time (month starts), group (worker measures) and firm_group (firm measures,
files with /firm_groups). Coordinates: on run, the id and every swept parameter (labelled when the sweep
stored words); on replicate, the parameter draw and the drawn values (ensemble files); on group and
firm_group, the label ('all', 'country=bangladesh', 'country=bangladesh, gender=female'), the dimension
and the value. Each measure keeps its file attributes (units, description, kind, direction, level, ...).
The file is read whole into memory; `indicators=` reads only some measures.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from . import hdf5
from .errors import AnalysisError
from .periods import Period
from .result_file import ResultFile, open_result

LEVELS = ("worker", "firm")
GROUP_DIM = {"groups": "group", "firm_groups": "firm_group"}


def open_dataset(path, indicators=None, level: str | None = None) -> xr.Dataset:
    """Read a result file (format version 1 or 2) into an xarray.Dataset; see the module docstring.
    `indicators`: only these measures; `level`: only 'worker' or only 'firm' measures."""
    f = open_result(path)
    names = _select(f, indicators, level)
    data_vars = {}
    for name in names:
        info = f.indicators[name]
        values = np.asarray(hdf5.read(f.path, f"/indicators/{name}"), dtype=float)
        data_vars[name] = xr.Variable(("run", "replicate", "time", GROUP_DIM[info.groups]), values,
                                      attrs=dict(info.attrs))
    coords = _coordinates(f, {f.indicators[n].groups for n in names})
    clash = sorted(set(coords) & set(data_vars))
    if clash:
        raise AnalysisError(f"a swept or drawn parameter has the name of a measure: {', '.join(clash)}", f.path)
    attrs = {k: (v if isinstance(v, (str, int, float)) else str(v)) for k, v in f.attrs.items()}
    attrs["source_file"] = str(f.path)
    return xr.Dataset(data_vars, coords=coords, attrs=attrs)


def _select(f: ResultFile, indicators, level) -> list:
    if level is not None and level not in LEVELS:
        raise AnalysisError(f"level {level!r} is not worker or firm")
    names = list(indicators) if indicators else list(f.indicators)
    for n in names:
        f.indicator(n)
    if level is not None:
        names = [n for n in names if f.indicators[n].level == level]
        if not names:
            raise f.error(f"no {level}-level measures in this file")
    return names


def _coordinates(f: ResultFile, tables: set) -> dict:
    coords = {"run": ("run", np.asarray(f.run_ids, dtype=np.int64)),
              "replicate": ("replicate", np.arange(f.replicates)),
              "time": ("time", pd.to_datetime([f"{t // 100:04d}-{t % 100:02d}-01" for t in f.time]))}
    for p in f.parameters.values():
        coords[p.path] = ("run", p.column())
    if f.ensemble is not None:
        e = f.ensemble
        coords["draw"] = ("replicate", e.draw)
        for j, name in enumerate(e.parameter_names):
            if name in coords:
                raise f.error(f"parameter {name!r} is both swept and drawn")
            coords[name] = ("replicate", e.values[e.draw, j])
    for table_name in sorted(tables):
        table, dim = getattr(f, table_name), GROUP_DIM[table_name]
        arrays = table.as_arrays()
        coords[dim] = (dim, arrays["label"])
        coords[f"{dim}_dimension"] = (dim, arrays["dimension"])
        coords[f"{dim}_value"] = (dim, arrays["value"])
    return coords


def sweep_table(path, indicators=None, level: str = "worker", period=None, groups=None) -> pd.DataFrame:
    """One tidy table: a row per run, replicate, month (or `period`) and group; the swept parameters
    (labelled) and every measure as columns.

    `period`: a month, year or window ('2030-12', '2030', '2025-01:2030-12'); rows then hold each
    replicate's mean over it, in place of one row per month. `groups`: group labels to keep, e.g.
    ['all', 'country=bangladesh']. `level`: 'worker' (default) or 'firm' measures (one level per table,
    since they have different groups)."""
    ds = open_dataset(path, indicators=indicators, level=level)
    dim = "group" if level == "worker" else "firm_group"
    if groups is not None:
        missing = [g for g in groups if g not in ds[dim].values]
        if missing:
            raise AnalysisError(f"no group {missing[0]!r} (groups are named like 'all', 'gender=female' or "
                                "'country=bangladesh, gender=female')", path)
        ds = ds.sel({dim: list(groups)})
    if period is not None:
        period = period if isinstance(period, Period) else Period.parse(period)
        yyyymm = ds["time"].dt.year.values * 100 + ds["time"].dt.month.values
        months = period.month_indices(yyyymm, path)
        ds = ds.isel(time=months).mean("time", skipna=True, keep_attrs=True)
        ds = ds.assign_coords(period=period.text, period_kind=period.kind)
    table = ds.to_dataframe().reset_index()
    return table[_column_order(ds, dim, list(table.columns))]


def _column_order(ds: xr.Dataset, group_dim: str, columns: list) -> list:
    """run and the swept parameters, replicate and its draw, time or period, group, then the measures."""
    def on(dim):
        return [c for c in columns if c != dim and c in ds.coords and ds[c].dims == (dim,)]
    order = ["run", *on("run"), "replicate", *on("replicate"), "time", "period", "period_kind", group_dim,
             *on(group_dim)]
    head = [c for c in order if c in columns]
    return head + [c for c in columns if c not in head]
