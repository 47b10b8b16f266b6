"""How a memo writes one measure's numbers: levels, changes and intervals, with units, to a precision
the uncertainty supports.

Shares are written as percentages and their changes in percentage points; counts with thousands
separators; rates and ratios in the measure's units. Within a measure every change is written with the
same number of decimals, chosen so that a typical 95% interval's half-width keeps two significant
digits (reporting beyond the noise would suggest a precision the runs do not have). Negative numbers
take a true minus sign.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MINUS = "\u2212"
NBSP = "\u00a0"       # keeps "+1.2 to +3.4" and "3.4 pp" on one line


def _decimals(values, significant: int, low: int, high: int) -> int:
    v = np.abs(np.asarray([x for x in values if x is not None and np.isfinite(x) and x != 0], dtype=float))
    if v.size == 0:
        return low
    return int(np.clip(significant - 1 - math.floor(math.log10(float(np.median(v)))), low, high))


def _number(x: float, decimals: int, signed: bool) -> str:
    """A change of exactly zero has no sign; a tiny one keeps its sign even when it rounds to 0.0."""
    x = float(x) + 0.0               # -0.0 becomes 0.0
    text = f"{x:{'+' if signed and x != 0 else ''},.{decimals}f}"
    return text.replace("-", MINUS)


@dataclass
class MeasureFormat:
    kind: str               # share, ratio, rate, count
    units: str
    level_decimals: int
    change_decimals: int

    @classmethod
    def for_rows(cls, kind: str, units: str, rows) -> "MeasureFormat":
        """From the measure's comparison rows (columns baseline, value, difference, low, high)."""
        scale = 100.0 if kind == "share" else 1.0
        levels = list(rows["baseline"] * scale) + list(rows["value"] * scale)
        half = list((rows["high"] - rows["low"]) * scale / 2)
        if kind == "share":
            level = _decimals(levels, 2, 1, 3)
            change = _decimals(half, 2, 1, 3) if any(h > 0 for h in half if np.isfinite(h)) else \
                _decimals(list(rows["difference"] * scale), 2, 1, 3)
        elif kind == "count":
            level = _decimals(levels, 3, 0, 3)
            change = _decimals(half, 2, 0, 3) if any(h > 0 for h in half if np.isfinite(h)) else level
        else:
            level = _decimals(levels, 3, 0, 6)
            change = _decimals(half, 2, 0, 6) if any(h > 0 for h in half if np.isfinite(h)) else \
                _decimals(list(rows["difference"]), 2, 0, 6)
        return cls(kind, units, level, change)

    @property
    def is_share(self) -> bool:
        return self.kind == "share"

    @property
    def change_unit(self) -> str:
        """Unit of changes as a table header or after an interval: 'pp', 'workers', or the units."""
        return "pp" if self.is_share else self.units

    @property
    def level_unit(self) -> str:
        """Unit of levels in words: '% of workers', 'injuries per 1,000 workers per month'."""
        if self.is_share:
            return "% of " + self.units[len("share of "):] if self.units.startswith("share of ") else "%"
        return self.units

    def level(self, x: float) -> str:
        if not np.isfinite(x):
            return "n/a"
        if self.is_share:
            return _number(100 * x, self.level_decimals, False) + "%"
        return _number(x, self.level_decimals, False)

    def change(self, x: float, unit: bool = True) -> str:
        """'+3.4 pp', '−0.54', '+1,200 workers' (unit=False leaves the unit out, for table cells)."""
        if not np.isfinite(x):
            return "n/a"
        text = _number(100 * x if self.is_share else x, self.change_decimals, True)
        if unit and self.is_share:
            return text + NBSP + "pp"
        if unit and self.kind == "count":
            return text + NBSP + self.units
        return text

    def interval(self, low: float, high: float, unit: bool = False) -> str:
        """'+1.2 to +3.4' (+ ' pp' with unit=True); 'n/a' when it could not be computed."""
        if not (np.isfinite(low) and np.isfinite(high)):
            return "n/a"
        text = f"{self.change(low, unit=False)}{NBSP}to{NBSP}{self.change(high, unit=False)}"
        if unit and self.is_share:
            return text + NBSP + "pp"
        return text

    def relative(self, x: float) -> str:
        if not np.isfinite(x):
            return ""
        return _number(100 * x, 0 if abs(x) >= 0.1 else 1, True) + "%"
