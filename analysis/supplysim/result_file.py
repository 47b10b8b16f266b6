"""Reading supplysim HDF5 result files (docs/output-schema.md), with validation.

Everything else in the package goes through `open_result`, so a bad file is refused here once,
with a message that names the file, rather than failing later with an h5py traceback.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

import h5py
import numpy as np

from .errors import AnalysisError

FORMAT = "supplysim"
FORMAT_VERSION = 1


def _text(value) -> str:
    """Attributes may come back as str, bytes or numpy bytes depending on how they were written."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8", "replace").rstrip("\x00")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _text(value[()])
    return str(value)


def _scalar(value):
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(())[()]
    if isinstance(value, (bytes, np.bytes_)):
        return _text(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def parse_date(text: str) -> int:
    """'2020-12' (or '202012') -> 202012."""
    s = str(text).strip()
    try:
        if "-" in s:
            year, month = s.split("-", 1)
            year, month = int(year), int(month)
        else:
            year, month = int(s[:4]), int(s[4:])
    except ValueError:
        raise AnalysisError(f"cannot read date {text!r}: expected YYYY-MM") from None
    if not 1 <= month <= 12 or len(s) < 6:
        raise AnalysisError(f"cannot read date {text!r}: expected YYYY-MM")
    return year * 100 + month


def format_date(yyyymm: int) -> str:
    return f"{int(yyyymm) // 100:04d}-{int(yyyymm) % 100:02d}"


def to_datetimes(time: np.ndarray) -> list:
    return [_dt.date(int(t) // 100, int(t) % 100, 1) for t in time]


@dataclass
class Indicator:
    name: str
    units: str
    description: str
    kind: str

    def axis_label(self) -> str:
        return f"{self.name} ({self.units})" if self.units else self.name


@dataclass
class ResultFile:
    """Metadata of one validated result file; values are read on demand (files can be large)."""

    path: Path
    attrs: dict
    time: np.ndarray                      # int yyyymm per month
    groups: list                          # [(dimension, value)], group 0 is ("all", "all")
    indicators: dict                      # name -> Indicator
    runs: int
    replicates: int
    parameters: dict = field(default_factory=dict)  # key path -> float64 [runs] (sweeps)
    runs_attrs: dict = field(default_factory=dict)

    # ---- naming -------------------------------------------------------------------------------
    @property
    def scenario_name(self) -> str:
        return str(self.attrs.get("scenario_name", "")) or self.path.stem

    @property
    def design(self) -> str:
        return str(self.attrs.get("design", ""))

    def error(self, message: str) -> AnalysisError:
        return AnalysisError(message, self.path)

    # ---- lookups ------------------------------------------------------------------------------
    def indicator(self, name: str) -> Indicator:
        if name not in self.indicators:
            known = ", ".join(sorted(self.indicators))
            raise self.error(f"no indicator {name!r} in this file (it has: {known})")
        return self.indicators[name]

    def date_index(self, date) -> int:
        yyyymm = parse_date(date) if not isinstance(date, (int, np.integer)) else int(date)
        hits = np.flatnonzero(self.time == yyyymm)
        if hits.size == 0:
            raise self.error(
                f"date {format_date(yyyymm)} is outside the simulated horizon "
                f"{format_date(self.time[0])}..{format_date(self.time[-1])}")
        return int(hits[0])

    def dimensions(self) -> list:
        """Dimensions present in /groups, in file order, 'all' first."""
        seen = []
        for dim, _ in self.groups:
            if dim not in seen:
                seen.append(dim)
        return seen

    def group_indices(self, dims=None) -> list:
        """Indices of group 'all' plus every group of the requested dimensions."""
        dims = [d for d in (dims or []) if d != "all"]
        missing = [d for d in dims if d not in self.dimensions()]
        if missing:
            have = ", ".join(d for d in self.dimensions() if d != "all") or "none"
            raise self.error(f"no disaggregation by {', '.join(missing)} in this file (it has: {have})")
        return [i for i, (d, _) in enumerate(self.groups) if d == "all" or d in dims]

    def group_label(self, index: int) -> str:
        dim, value = self.groups[index]
        return "all workers" if dim == "all" else f"{dim}={value}"

    def check_run(self, run: int) -> None:
        if not 0 <= run < self.runs:
            raise self.error(f"run {run} does not exist (the file has {self.runs} runs)")

    # ---- values -------------------------------------------------------------------------------
    def values(self, name: str, run: int = 0) -> np.ndarray:
        """float64 [replicates, months, groups] for one run."""
        self.indicator(name)
        self.check_run(run)
        with _open_h5(self.path) as f:
            return np.asarray(f["indicators"][name][run], dtype=float)

    def at(self, name: str, month_index: int, group_index: int) -> np.ndarray:
        """float64 [runs, replicates] at one month and group (what a sweep analysis needs)."""
        self.indicator(name)
        with _open_h5(self.path) as f:
            return np.asarray(f["indicators"][name][:, :, month_index, group_index], dtype=float)


def _open_h5(path: Path) -> h5py.File:
    try:
        return h5py.File(path, "r")
    except OSError as exc:
        raise AnalysisError(f"cannot open as HDF5 ({exc})", path) from None


def open_result(path) -> ResultFile:
    """Open and validate a result file, refusing anything the schema says a reader must refuse."""
    path = Path(path)
    if not path.exists():
        raise AnalysisError("no such file", path)
    if path.is_dir():
        raise AnalysisError("is a directory, not a result file", path)
    if not h5py.is_hdf5(path):
        hint = " (an interrupted write leaves a '.partial' file)" if path.suffix == ".partial" else ""
        raise AnalysisError(f"not an HDF5 file{hint}", path)
    with _open_h5(path) as f:
        attrs = {k: _scalar(v) for k, v in f.attrs.items()}
        if attrs.get("format") != FORMAT:
            raise AnalysisError("not a supplysim result file (root attribute format != 'supplysim')", path)
        version = attrs.get("format_version")
        if version != FORMAT_VERSION:
            raise AnalysisError(f"unsupported format_version {version!r} (this reader knows {FORMAT_VERSION})",
                                path)
        if attrs.get("complete") != 1:
            raise AnalysisError("the file is incomplete (complete != 1): the run was interrupted or is "
                                "still being written; finish it (e.g. sweep --resume) first", path)
        for required in ("time", "groups", "indicators"):
            if required not in f:
                raise AnalysisError(f"truncated file: dataset /{required} is missing", path)

        time = np.asarray(f["time"][()], dtype=np.int64)
        groups = [(_text(row["dimension"]), _text(row["value"])) for row in f["groups"][()]]
        if not groups or groups[0] != ("all", "all"):
            raise AnalysisError("malformed /groups: group 0 must be ('all', 'all')", path)

        runs = int(attrs.get("runs", 1))
        replicates = int(attrs.get("replicates", 1))
        expected = (runs, replicates, time.size, len(groups))
        indicators = {}
        for name, ds in f["indicators"].items():
            if ds.shape != expected:
                raise AnalysisError(f"truncated file: /indicators/{name} has shape {ds.shape}, "
                                    f"expected {expected} from the root attributes", path)
            indicators[name] = Indicator(name=name,
                                         units=_text(ds.attrs.get("units", "")),
                                         description=_text(ds.attrs.get("description", "")),
                                         kind=_text(ds.attrs.get("kind", "")))
        if not indicators:
            raise AnalysisError("the file holds no indicators", path)

        parameters, runs_attrs = {}, {}
        if "runs" in f:
            runs_attrs = {k: _scalar(v) for k, v in f["runs"].attrs.items()}
            if "done" in f["runs"] and not np.all(f["runs/done"][()] == 1):
                raise AnalysisError("the file is incomplete: some runs are not done", path)
            if "parameters" in f["runs"]:
                def collect(name, obj):
                    if isinstance(obj, h5py.Dataset):
                        key = _text(obj.attrs.get("path", name))
                        parameters[key] = np.asarray(obj[()], dtype=float)
                f["runs/parameters"].visititems(collect)

    return ResultFile(path=path, attrs=attrs, time=time, groups=groups, indicators=indicators, runs=runs,
                      replicates=replicates, parameters=parameters, runs_attrs=runs_attrs)


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
                              f"(dimensions {other.dimensions()} vs {first.dimensions()}, or different values)")


def scenario_labels(files: list) -> list:
    """Scenario names, made unique with the file stem when two files share a name."""
    names = [f.scenario_name for f in files]
    return [f"{n} ({f.path.stem})" if names.count(n) > 1 else n for n, f in zip(names, files)]
