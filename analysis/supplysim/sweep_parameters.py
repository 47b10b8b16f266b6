"""One swept scenario key of a sweep file (`/runs/parameters/<path>`): its value in every run, and how to
show it. Words (a categorical key, e.g. `targeting: [random, risk_based]`) are stored as their position in
the sweep's list, and the dataset's attribute `labels` names them, either as an array of strings (the
i-th names value i) or as one string `"0: random; 1: risk_based"`. Months are stored as yyyymm and marked
by the attribute `encoding = "yyyymm"`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from . import hdf5
from .errors import AnalysisError
from .periods import format_date

_PAIR = re.compile(r"^\s*(-?\d+)\s*:\s*(.*?)\s*$")


def parse_labels(raw, path, where: str) -> dict:
    """The `labels` attribute -> {code: label}; {} when absent or empty."""
    if raw is None:
        return {}
    if isinstance(raw, (list, tuple)) or (isinstance(raw, np.ndarray) and raw.ndim == 1):
        return {i: hdf5.text(v) for i, v in enumerate(raw)}
    s = hdf5.text(raw).strip()
    if not s:
        return {}
    out = {}
    for item in s.split(";"):
        m = _PAIR.match(item)
        if not m or not m.group(2):
            raise AnalysisError(f"attribute labels {s!r}: expected 'code: label' pairs separated by ';', "
                                "e.g. '0: random; 1: risk_based'", path, where)
        out[int(m.group(1))] = m.group(2)
    return out


@dataclass
class SweepParameter:
    path: str                 # the scenario key path, e.g. countries.bangladesh.inspectorate.targeting
    values: np.ndarray        # float64 [runs]
    labels: dict              # code -> label, for categorical keys ({} otherwise)
    encoding: str = ""        # "yyyymm" for months

    @classmethod
    def from_dataset(cls, ds, values: np.ndarray, path) -> "SweepParameter":
        key = hdf5.text(ds.attrs.get("path", ds.name.split("/runs/parameters/", 1)[-1]))
        labels = parse_labels(ds.attrs.get("labels"), path, ds.name)
        if labels:
            unlabelled = sorted({v for v in values if not (float(v).is_integer() and int(v) in labels)})
            if unlabelled:
                raise AnalysisError(f"value {unlabelled[0]:g} has no label in attribute labels", path, ds.name)
        return cls(path=key, values=values, labels=labels, encoding=hdf5.text(ds.attrs.get("encoding", "")))

    @property
    def categorical(self) -> bool:
        return bool(self.labels)

    def value_label(self, value) -> str:
        if self.labels:
            return self.labels[int(value)]
        if self.encoding == "yyyymm":
            return format_date(int(value))
        return f"{value:g}"

    def label(self, run: int) -> str:
        return self.value_label(self.values[run])

    def levels(self) -> np.ndarray:
        """The distinct values, in increasing order (for categories: the order of the sweep's list)."""
        return np.unique(self.values)

    def column(self) -> np.ndarray:
        """One entry per run as a table shows it: the label for words and months, else the number."""
        if self.labels or self.encoding == "yyyymm":
            return np.array([self.value_label(v) for v in self.values], dtype=object)
        return self.values
