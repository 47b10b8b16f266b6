"""Months and periods: a month (`2030-12`), a year (`2030`, the mean of its 12 months) or a window
(`2025-01:2030-12`, the mean of those months). Months are held as yyyymm integers, as in `/time`.
"""
from __future__ import annotations

import datetime as _dt
import re
import warnings
from dataclasses import dataclass

import numpy as np

from .errors import AnalysisError

_MONTH = re.compile(r"^(\d{4})-?(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_date(text) -> int:
    """'2020-12' (or '202012') -> 202012."""
    s = str(text).strip()
    m = _MONTH.match(s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise AnalysisError(f"cannot read date {text!r}: expected YYYY-MM")
    return int(m.group(1)) * 100 + int(m.group(2))


def format_date(yyyymm: int) -> str:
    return f"{int(yyyymm) // 100:04d}-{int(yyyymm) % 100:02d}"


def month_name(yyyymm: int) -> str:
    return _dt.date(int(yyyymm) // 100, int(yyyymm) % 100, 1).strftime("%B %Y")


def to_datetimes(time: np.ndarray) -> list:
    return [_dt.date(int(t) // 100, int(t) % 100, 1) for t in time]


def months_between(first: int, last: int) -> int:
    return (last // 100 - first // 100) * 12 + (last % 100 - first % 100) + 1


@dataclass(frozen=True)
class Period:
    kind: str     # "month", "year" or "window"
    first: int    # yyyymm
    last: int     # yyyymm, inclusive

    @classmethod
    def parse(cls, text) -> "Period":
        s = str(text).strip()
        if ":" in s:
            a, _, b = s.partition(":")
            try:
                first, last = parse_date(a), parse_date(b)
            except AnalysisError:
                raise AnalysisError(f"cannot read period {text!r}: expected YYYY-MM:YYYY-MM") from None
            if last < first:
                raise AnalysisError(f"period {text!r} ends before it starts")
            return cls("window", first, last)
        if _YEAR.match(s):
            return cls("year", int(s) * 100 + 1, int(s) * 100 + 12)
        try:
            month = parse_date(s)
        except AnalysisError:
            raise AnalysisError(f"cannot read period {text!r}: expected a month YYYY-MM, a year YYYY or a "
                                "window YYYY-MM:YYYY-MM") from None
        return cls("month", month, month)

    @classmethod
    def month(cls, yyyymm: int) -> "Period":
        return cls("month", int(yyyymm), int(yyyymm))

    @property
    def text(self) -> str:
        if self.kind == "month":
            return format_date(self.first)
        if self.kind == "year":
            return str(self.first // 100)
        return f"{format_date(self.first)}:{format_date(self.last)}"

    @property
    def months(self) -> int:
        return months_between(self.first, self.last)

    def describe(self) -> str:
        """In words, for memos and figure titles."""
        if self.kind == "month":
            return month_name(self.first)
        if self.kind == "year":
            return f"{self.first // 100} (mean of its 12 months)"
        return f"{month_name(self.first)} to {month_name(self.last)} (mean of {self.months} months)"

    def month_indices(self, time: np.ndarray, path=None) -> np.ndarray:
        """Indices into `time` of the period's months; every month must have been simulated."""
        time = np.asarray(time)
        inside = (time >= self.first) & (time <= self.last)
        idx = np.flatnonzero(inside)
        if idx.size != self.months:
            span = self.text if self.kind == "month" else f"{self.text} ({format_date(self.first)}.." \
                                                              f"{format_date(self.last)})"
            raise AnalysisError(f"period {span} is outside the simulated horizon "
                                f"{format_date(time[0])}..{format_date(time[-1])}", path)
        return idx

    def mean(self, values: np.ndarray, time: np.ndarray, axis: int, path=None) -> np.ndarray:
        """Mean over the period's months along `axis` (the time axis), ignoring months without workers."""
        taken = np.take(values, self.month_indices(time, path), axis=axis)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)   # a group empty in every month stays NaN
            return np.nanmean(taken, axis=axis)
