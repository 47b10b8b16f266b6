"""Low-level HDF5 access: opening a file and reading a dataset, with every failure turned into an
AnalysisError naming the file and the dataset (never an h5py traceback), and string decoding.
"""
from __future__ import annotations

import re
import stat
from pathlib import Path

import h5py
import numpy as np

from .errors import AnalysisError

# What h5py raises for a damaged file or dataset: OSError from the HDF5 library, KeyError for a broken
# link, ValueError/TypeError for a selection or type the data does not support.
READ_ERRORS = (OSError, KeyError, ValueError, TypeError, RuntimeError)


def text(value) -> str:
    """Strings may come back as str, bytes, numpy bytes or 0-d arrays, depending on how they were written
    (fixed or variable length, ASCII or UTF-8)."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8", "replace").rstrip("\x00")
    if isinstance(value, np.ndarray) and value.shape == ():
        return text(value[()])
    return str(value)


def scalar(value):
    """An attribute as a plain Python value (str, int, float); arrays of more than one value as lists."""
    if isinstance(value, np.ndarray):
        if value.size == 1:
            value = value.reshape(())[()]
        else:
            return [scalar(v) for v in value.tolist()]
    if isinstance(value, (bytes, np.bytes_)):
        return text(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def check_regular_file(path: Path) -> None:
    """Refuse what is not a regular file before HDF5 tries to read it (a FIFO would block forever)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise AnalysisError("no such file", path) from None
    except OSError as exc:
        raise AnalysisError(f"cannot read ({exc.strerror})", path) from None
    if stat.S_ISDIR(mode):
        raise AnalysisError("is a directory, not a result file", path)
    if not stat.S_ISREG(mode):
        raise AnalysisError("is not a regular file (a pipe, device or socket), not a result file", path)


_TRUNCATED = re.compile(r"truncated file: eof = (\d+).*stored_eof = (\d+)")


def open_file(path: Path) -> h5py.File:
    """Open read-only; a file that is not HDF5, cut short or unreadable is refused with one line."""
    check_regular_file(path)
    try:
        is_hdf5 = h5py.is_hdf5(str(path))
    except OSError as exc:
        raise AnalysisError(f"cannot read ({exc.strerror or exc})", path) from None
    if not is_hdf5:
        hint = " (an interrupted write leaves a '.partial' file)" if path.suffix == ".partial" else ""
        raise AnalysisError(f"not an HDF5 file{hint}", path)
    try:
        return h5py.File(path, "r")
    except OSError as exc:
        cut = _TRUNCATED.search(str(exc))
        if cut:
            raise AnalysisError(f"truncated HDF5 file: it has {cut.group(1)} bytes, its header says "
                                f"{cut.group(2)}; it was cut while being written or copied", path) from None
        raise AnalysisError(f"damaged HDF5 file, cannot be opened ({_first_line(exc)})", path) from None


def read(path: Path, name: str, selection=()):
    """Values of dataset `name` (a full path inside the file), optionally a selection of them."""
    with open_file(path) as f:
        if name not in f:
            raise AnalysisError("dataset missing", path, name)
        try:
            return f[name][selection]
        except READ_ERRORS as exc:
            raise AnalysisError(f"cannot read the values, the file is damaged ({_first_line(exc)})",
                                path, name) from None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
