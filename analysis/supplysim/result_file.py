"""Reading supplysim HDF5 result files (docs/output-schema.md, format versions 1 and 2), with validation.

Everything else in the package goes through `open_result`, so a bad file is refused here once, with one
line naming the file and the dataset or attribute at fault, rather than failing later with a traceback.
Values are read on demand (sweep files can be large); metadata is read and checked when the file opens.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import h5py
import numpy as np

from . import hdf5
from .errors import AnalysisError
from .groups import GroupTable
from .periods import Period, format_date, months_between
from .sweep_parameters import SweepParameter

FORMAT = "supplysim"
FORMAT_VERSIONS = (1, 2)
DIRECTIONS = ("higher_is_better", "lower_is_better", "neither")
GROUP_TABLE_OF_LEVEL = {"worker": "groups", "firm": "firm_groups"}


@dataclass
class Indicator:
    name: str
    units: str
    description: str
    kind: str
    direction: str = "neither"      # which way of change is an improvement, from the file
    level: str = "worker"           # "worker" or "firm"
    groups: str = "groups"          # the group table its last axis indexes
    attrs: dict = field(default_factory=dict)   # every attribute, decoded

    def axis_label(self) -> str:
        return f"{self.name} ({self.units})" if self.units else self.name

    @property
    def better(self) -> str:
        """'higher', 'lower' or '' (no direction is better, or the file does not say)."""
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(self.direction, "")


@dataclass
class Ensemble:
    """A parameter ensemble: replicate r used parameter draw `draw[r]` = r // replicates_per_draw."""
    description: str              # root attribute `uncertainty` (YAML)
    draw: np.ndarray              # int [replicates]
    parameter_names: list
    values: np.ndarray            # float64 [draws, parameters]
    replicates_per_draw: int

    @property
    def draws(self) -> int:
        return self.values.shape[0]

    def pairs_with(self, scenario: "Ensemble") -> bool:
        """True when `scenario` ran the draws of this (baseline) ensemble: the same draw per replicate, as
        many draws, and every parameter drawn here drawn there with the same values. The scenario may draw
        more keys (the assumptions of its own levers, which the baseline does not have); the engine keys
        each key's draws by (seed, draw, key path), so the keys both have stay paired."""
        if not (np.array_equal(self.draw, scenario.draw) and self.draws == scenario.draws
                and set(self.parameter_names) <= set(scenario.parameter_names)):
            return False
        columns = [scenario.parameter_names.index(n) for n in self.parameter_names]
        return np.array_equal(self.values, scenario.values[:, columns], equal_nan=True)


@dataclass
class ResultFile:
    """Metadata of one validated result file; values are read on demand."""

    path: Path
    attrs: dict
    version: int
    time: np.ndarray                      # int yyyymm per month
    groups: GroupTable                    # /groups: worker measures
    indicators: dict                      # name -> Indicator
    runs: int
    replicates: int
    run_ids: np.ndarray = None
    firm_groups: GroupTable | None = None  # /firm_groups: firm measures (format version 2)
    parameters: dict = field(default_factory=dict)   # key path -> SweepParameter (sweeps)
    runs_attrs: dict = field(default_factory=dict)
    ensemble: Ensemble | None = None

    # ---- naming -------------------------------------------------------------------------------
    @property
    def scenario_name(self) -> str:
        return str(self.attrs.get("scenario_name", "")) or self.path.stem

    @property
    def design(self) -> str:
        return str(self.attrs.get("design", ""))

    def error(self, message: str, where: str | None = None) -> AnalysisError:
        return AnalysisError(message, self.path, where)

    def run_label(self, run: int) -> str:
        """What a run is called in tables: the scenario, plus the run and its parameter values in a sweep."""
        if self.runs == 1:
            return self.scenario_name
        settings = ", ".join(f"{p.path}={p.label(run)}" for p in self.parameters.values())
        return f"{self.scenario_name} run {run}" + (f" ({settings})" if settings else "")

    # ---- lookups ------------------------------------------------------------------------------
    def indicator(self, name: str) -> Indicator:
        if name not in self.indicators:
            known = ", ".join(sorted(self.indicators))
            raise self.error(f"no indicator {name!r} in this file (it has: {known})")
        return self.indicators[name]

    def group_table(self, indicator: str) -> GroupTable:
        return self.firm_groups if self.indicator(indicator).groups == "firm_groups" else self.groups

    def dimensions(self) -> list:
        """Dimensions of every group table, worker groups first, without repeats."""
        dims = list(self.groups.dimensions())
        if self.firm_groups is not None:
            dims += [d for d in self.firm_groups.dimensions() if d not in dims]
        return dims

    def check_dimensions(self, dims) -> None:
        """Every requested dimension (or crossing) exists in at least one of the file's group tables."""
        tables = [t for t in (self.groups, self.firm_groups) if t is not None]
        missing = [d for d in dims or [] if d != "all" and all(t.resolve_dimension(d) is None for t in tables)]
        if missing:
            have = ", ".join(d for d in self.dimensions() if d != "all") or "none"
            raise self.error(f"no disaggregation by {', '.join(missing)} in this file (it has: {have})")

    def check_run(self, run: int) -> None:
        if not 0 <= run < self.runs:
            raise self.error(f"run {run} does not exist (the file has {self.runs} run"
                             f"{'s' if self.runs != 1 else ''}: 0..{self.runs - 1})")

    def month_index(self, date) -> int:
        """Index into /time of a month given as text (2030-12) or yyyymm."""
        period = Period.month(int(date)) if isinstance(date, (int, np.integer)) else Period.parse(date)
        return int(period.month_indices(self.time, self.path)[0])

    # ---- values -------------------------------------------------------------------------------
    def values(self, name: str, run: int = 0) -> np.ndarray:
        """float64 [replicates, months, groups] for one run."""
        self.indicator(name)
        self.check_run(run)
        return np.asarray(hdf5.read(self.path, f"/indicators/{name}", (run,)), dtype=float)

    def runs_at(self, name: str, period: Period, group: int) -> np.ndarray:
        """float64 [runs, replicates]: every run's period mean in one group (what a sweep analysis needs)."""
        self.indicator(name)
        months = period.month_indices(self.time, self.path)
        block = hdf5.read(self.path, f"/indicators/{name}",
                          (slice(None), slice(None), slice(int(months[0]), int(months[-1]) + 1), group))
        return period.mean(np.asarray(block, dtype=float), self.time[months[0]:months[-1] + 1], axis=2)


# ---- opening and validation -------------------------------------------------------------------------

def open_result(path) -> ResultFile:
    """Open and validate a result file, refusing anything the schema says a reader must refuse."""
    path = Path(path)
    with hdf5.open_file(path) as f:
        try:
            return _read_metadata(f, path)
        except AnalysisError:
            raise
        except hdf5.READ_ERRORS as exc:   # metadata the HDF5 library cannot read: a damaged file
            raise AnalysisError(f"damaged file, its metadata cannot be read ({exc})", path) from None


def _root_attrs(f, path: Path) -> dict:
    attrs = {}
    for key in f.attrs.keys():
        try:
            attrs[key] = hdf5.scalar(f.attrs[key])
        except hdf5.READ_ERRORS as exc:
            raise AnalysisError(f"cannot be read ({exc})", path, f"root attribute {key}") from None
    return attrs


def _integer_attr(attrs: dict, key: str, path: Path, minimum: int = 1) -> int:
    where = f"root attribute {key}"
    if key not in attrs:
        raise AnalysisError("missing", path, where)
    value = attrs[key]
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise AnalysisError(f"{value!r} is not a whole number of at least {minimum}", path, where)
    return int(value)


def _require(f, name: str, kind, path: Path):
    if name not in f:
        raise AnalysisError("dataset missing (a supplysim result file has /time, /groups and /indicators)",
                            path, f"/{name}")
    obj = f[name]
    if not isinstance(obj, kind):
        expected = "a dataset" if kind is h5py.Dataset else "a group"
        raise AnalysisError(f"is not {expected}", path, f"/{name}")
    return obj


def _read_metadata(f, path: Path) -> ResultFile:
    attrs = _root_attrs(f, path)
    if attrs.get("format") != FORMAT:
        raise AnalysisError(f"not a supplysim result file (root attribute format is "
                            f"{attrs.get('format', 'missing')!r}, expected 'supplysim')", path)
    version = attrs.get("format_version")
    if version not in FORMAT_VERSIONS:
        raise AnalysisError(f"{version!r} is not supported (this version of supplysim-analysis reads "
                            f"{' and '.join(map(str, FORMAT_VERSIONS))}); update the analysis package",
                            path, "root attribute format_version")
    if attrs.get("complete") != 1:
        raise AnalysisError(f"{attrs.get('complete', 'missing')}: the file is incomplete (the run was "
                            "interrupted or is still being written; finish it, e.g. sweep --resume, first)",
                            path, "root attribute complete")
    runs = _integer_attr(attrs, "runs", path)
    replicates = _integer_attr(attrs, "replicates", path)

    time_ds = _require(f, "time", h5py.Dataset, path)
    if time_ds.ndim != 1 or time_ds.dtype.kind not in "iu" or time_ds.shape[0] == 0:
        raise AnalysisError(f"expected integers yyyymm [months], found {time_ds.dtype} {time_ds.shape}",
                            path, "/time")
    time = np.asarray(time_ds[()], dtype=np.int64)
    if np.any((time % 100 < 1) | (time % 100 > 12)):
        bad = int(time[(time % 100 < 1) | (time % 100 > 12)][0])
        raise AnalysisError(f"{bad} is not a month yyyymm", path, "/time")
    if months_between(int(time[0]), int(time[-1])) != time.size or np.any(np.diff(time) <= 0):
        raise AnalysisError(f"months are not consecutive ({format_date(time[0])}..{format_date(time[-1])} "
                            f"in {time.size} values)", path, "/time")

    _require(f, "groups", h5py.Dataset, path)
    groups = GroupTable.read(f, "groups", path)
    if not len(groups) or not groups[0].is_all or groups[0].value != "all":
        raise AnalysisError("group 0 must be ('all', 'all')", path, "/groups")
    firm_groups = None
    if "firm_groups" in f:
        _require(f, "firm_groups", h5py.Dataset, path)
        firm_groups = GroupTable.read(f, "firm_groups", path)
    tables = {"groups": groups, "firm_groups": firm_groups}

    indicators = {}
    for name, ds in _require(f, "indicators", h5py.Group, path).items():
        indicators[name] = _read_indicator(ds, name, tables, (runs, replicates, time.size), version, path)
    if not indicators:
        raise AnalysisError("holds no indicators", path, "/indicators")

    run_ids, parameters, runs_attrs = np.arange(runs), {}, {}
    if "runs" in f:
        r = f["runs"]
        runs_attrs = {k: hdf5.scalar(v) for k, v in r.attrs.items()}
        if "id" in r:
            run_ids = np.asarray(_per_run(r["id"], runs, path, "iu"), dtype=np.int64)
        if "done" in r and not np.all(_per_run(r["done"], runs, path, "iub") == 1):
            raise AnalysisError("the file is incomplete: some runs are not done", path, "/runs/done")
        if "parameters" in r:
            def collect(name, obj):
                if isinstance(obj, h5py.Dataset):
                    values = np.asarray(_per_run(obj, runs, path, "iuf"), dtype=float)
                    p = SweepParameter.from_dataset(obj, values, path)
                    parameters[p.path] = p
            r["parameters"].visititems(collect)

    ensemble = _read_ensemble(f, attrs, replicates, path)
    return ResultFile(path=path, attrs=attrs, version=int(version), time=time, groups=groups,
                      firm_groups=firm_groups, indicators=indicators, runs=runs, replicates=replicates,
                      run_ids=run_ids, parameters=parameters, runs_attrs=runs_attrs, ensemble=ensemble)


def _read_indicator(ds, name: str, tables: dict, leading: tuple, version: int, path: Path) -> Indicator:
    where = f"/indicators/{name}"
    if not isinstance(ds, h5py.Dataset):
        raise AnalysisError("is not a dataset", path, where)
    a = {k: hdf5.text(v) for k, v in ds.attrs.items()}
    level = a.get("level", "worker")
    if level not in GROUP_TABLE_OF_LEVEL:
        raise AnalysisError(f"attribute level {level!r} is not worker or firm", path, where)
    table_name = a.get("groups", GROUP_TABLE_OF_LEVEL[level])
    if table_name != GROUP_TABLE_OF_LEVEL[level]:
        raise AnalysisError(f"attribute groups {table_name!r} does not match level {level!r} (worker measures "
                            "use groups, firm measures firm_groups)", path, where)
    table = tables[table_name]
    if table is None:
        raise AnalysisError(f"attribute groups says {table_name!r} but the file has no /{table_name}",
                            path, where)
    direction = a.get("direction", "neither") or "neither"
    if direction not in DIRECTIONS:
        raise AnalysisError(f"attribute direction {direction!r} is not one of {', '.join(DIRECTIONS)}",
                            path, where)
    expected = leading + (len(table),)
    if ds.shape != expected:
        raise AnalysisError(f"shape {ds.shape}, expected {expected} (runs, replicates, months, groups of "
                            f"/{table_name}) from the root attributes; the file is truncated or malformed",
                            path, where)
    if ds.dtype.kind != "f":
        raise AnalysisError(f"values of type {ds.dtype}, expected float64", path, where)
    return Indicator(name=name, units=a.get("units", ""), description=a.get("description", ""),
                     kind=a.get("kind", ""), direction=direction, level=level, groups=table_name, attrs=a)


def _per_run(ds, runs: int, path: Path, kinds: str) -> np.ndarray:
    if not isinstance(ds, h5py.Dataset) or ds.shape != (runs,) or ds.dtype.kind not in kinds:
        shape = getattr(ds, "shape", None)
        raise AnalysisError(f"expected one number per run, shape ({runs},), found "
                            f"{getattr(ds, 'dtype', 'a group')} {shape}", path, ds.name)
    return ds[()]


def _read_ensemble(f, attrs: dict, replicates: int, path: Path) -> Ensemble | None:
    description = str(attrs.get("uncertainty", "") or "").strip()
    has_group = "uncertainty" in f
    if not description and not has_group:
        return None
    if not description:
        raise AnalysisError("the file has /uncertainty but root attribute uncertainty is empty", path,
                            "root attribute uncertainty")
    if not has_group:
        raise AnalysisError("missing, though root attribute uncertainty describes an ensemble", path,
                            "/uncertainty")
    u = f["uncertainty"]
    for name in ("draw", "parameter_names", "values"):
        if name not in u or not isinstance(u[name], h5py.Dataset):
            raise AnalysisError("dataset missing", path, f"/uncertainty/{name}")
    k = hdf5.scalar(u.attrs.get("replicates_per_draw", 0))
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise AnalysisError(f"attribute replicates_per_draw {k!r} is not a whole number of at least 1",
                            path, "/uncertainty")
    draw_ds, names_ds, values_ds = u["draw"], u["parameter_names"], u["values"]
    if draw_ds.shape != (replicates,) or draw_ds.dtype.kind not in "iu":
        raise AnalysisError(f"expected integers [replicates] = ({replicates},), found {draw_ds.dtype} "
                            f"{draw_ds.shape}", path, "/uncertainty/draw")
    draw = np.asarray(draw_ds[()], dtype=np.int64)
    if not np.array_equal(draw, np.arange(replicates) // k):
        raise AnalysisError(f"replicate r must use draw r // replicates_per_draw = r // {k}", path,
                            "/uncertainty/draw")
    names = [hdf5.text(n) for n in names_ds[()]] if names_ds.ndim == 1 else None
    if values_ds.ndim != 2 or values_ds.dtype.kind != "f" or names is None or values_ds.shape[1] != len(names):
        raise AnalysisError(f"expected float64 [draws, parameters] with one column per name in "
                            f"/uncertainty/parameter_names, found {values_ds.dtype} {values_ds.shape}", path,
                            "/uncertainty/values")
    if values_ds.shape[0] < int(draw.max()) + 1:
        raise AnalysisError(f"{values_ds.shape[0]} draws but /uncertainty/draw uses {int(draw.max()) + 1}",
                            path, "/uncertainty/values")
    return Ensemble(description=description, draw=draw, parameter_names=names,
                    values=np.asarray(values_ds[()], dtype=float), replicates_per_draw=k)


# ---- several files ----------------------------------------------------------------------------------

def check_compatible(files: list) -> None:
    """Scenarios can only be compared month by month and group by group on the same axes."""
    first = files[0]
    for other in files[1:]:
        if other.time.shape != first.time.shape or not np.array_equal(other.time, first.time):
            raise other.error(f"incompatible with {first.path}: different time axes "
                              f"({format_date(other.time[0])}..{format_date(other.time[-1])} vs "
                              f"{format_date(first.time[0])}..{format_date(first.time[-1])})")
        if other.groups != first.groups:
            raise other.error(f"incompatible with {first.path}: different groups "
                              f"(dimensions {other.groups.dimensions()} vs {first.groups.dimensions()}, "
                              "or different values)")
        if other.firm_groups != first.firm_groups:
            raise other.error(f"incompatible with {first.path}: different firm groups (/firm_groups)")


def scenario_labels(files: list, runs: list | None = None) -> list:
    """Scenario names (with the run in a sweep), made unique with the file stem when two are equal."""
    runs = runs or [0] * len(files)
    names = [f.run_label(r) for f, r in zip(files, runs)]
    return [f"{n} ({f.path.stem})" if names.count(n) > 1 else n for n, f in zip(names, files)]


def resolve_runs(files: list, runs) -> list:
    """One run index per file: `runs` is None (run 0 everywhere), one index for every file, or one each."""
    runs = [0] if runs is None else list(runs)
    if len(runs) == 1:
        runs = runs * len(files)
    if len(runs) != len(files):
        raise AnalysisError(f"--run gives {len(runs)} run indices for {len(files)} files: give one for "
                            "every file, or one for all")
    for f, r in zip(files, runs):
        f.check_run(r)
    return runs
