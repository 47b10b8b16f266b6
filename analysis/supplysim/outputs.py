"""Every file a command writes goes through here.

`Outputs` is the plan of one command: each output is claimed before any work starts and refused when it
is one of the inputs (same real path or same inode), is named twice, or exists already (unless --force).
`write_file` is the one atomic writer: it creates `<name>.partial` exclusively, writes and fsyncs it,
renames it to the final name and fsyncs the folder, so a file under its final name is always whole, and a
failed write leaves the old file (if any) as it was.
"""
from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import Callable, Union

from .errors import RUNTIME, AnalysisError

Data = Union[bytes, str, Callable]   # bytes, text (UTF-8) or a function writing to a binary file object
PARTIAL = ".partial"


def _identity(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Outputs:
    """The outputs of one command, checked against its inputs and each other before any work."""

    def __init__(self, inputs=(), force: bool = False):
        self.force = force
        self.inputs = []
        for p in inputs:
            p = Path(p)
            self.inputs.append((p, os.path.realpath(p), _identity(p)))
        self.claimed = {}        # real path -> (path, what)

    def add_input(self, path) -> None:
        path = Path(path)
        self.inputs.append((path, os.path.realpath(path), _identity(path)))
        for real, (out, what) in self.claimed.items():
            self._check_not_input(out, what)

    def claim(self, path, what: str = "output") -> Path:
        """Check `path` can be written by this command; `what` names it in messages (e.g. '--csv')."""
        path = Path(path)
        real = os.path.realpath(path)
        self._check_not_input(path, what)
        if real in self.claimed:
            first, first_what = self.claimed[real]
            raise AnalysisError(f"named twice as an output ({first_what} and {what})", path)
        if path.is_dir():
            raise AnalysisError(f"{what} is a directory, not a file", path)
        if (path.exists() or path.is_symlink()) and not self.force:
            raise AnalysisError(f"{what} exists already; pass --force to replace it", path)
        folder = _nearest_existing(path.parent)
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise AnalysisError(f"cannot write {what}: folder {folder} is not a writable directory", path)
        self.claimed[real] = (path, what)
        return path

    def _check_not_input(self, path: Path, what: str) -> None:
        real, ident = os.path.realpath(path), _identity(path)
        for inp, inp_real, inp_ident in self.inputs:
            if real == inp_real or (ident is not None and ident == inp_ident):
                raise AnalysisError(f"{what} would overwrite the input file {inp} (the same file); "
                                    "choose another name", path)

    def write(self, path, data: Data) -> Path:
        path = Path(path)
        if os.path.realpath(path) not in self.claimed:
            raise AssertionError(f"{path} was not claimed before writing")   # a bug, not bad input
        return write_file(path, data, replace=self.force)


def _nearest_existing(folder: Path) -> Path:
    folder = Path(os.path.abspath(folder))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def write_file(path, data: Data, replace: bool = False) -> Path:
    """Write `data` to `path` atomically (see the module's docstring). Without `replace`, an existing
    file is never replaced, even one created while we were writing."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + PARTIAL)
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise _partial_in_the_way(partial, path) from None
    except OSError as exc:
        raise AnalysisError(f"cannot write ({exc.strerror})", path, exit_code=RUNTIME) from None
    try:
        with os.fdopen(fd, "wb") as out:
            fcntl.flock(out, fcntl.LOCK_EX | fcntl.LOCK_NB)   # tells a second writer that we are at work
            if callable(data):
                data(out)
            else:
                out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
            _publish(partial, path, replace)
    except BaseException as exc:
        partial.unlink(missing_ok=True)          # ours: created exclusively above
        if isinstance(exc, OSError):
            raise AnalysisError(f"cannot write ({exc.strerror or exc}); nothing was written", path,
                                exit_code=RUNTIME) from None
        raise
    _fsync_folder(path.parent)
    return path


def _publish(partial: Path, path: Path, replace: bool) -> None:
    if replace:
        os.replace(partial, path)
        return
    try:
        os.link(partial, path)                   # fails if the name exists: no replacement, ever
    except FileExistsError:
        raise AnalysisError("exists already; pass --force to replace it", path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if path.exists():                        # a file system without hard links
            raise AnalysisError("exists already; pass --force to replace it", path) from None
        os.replace(partial, path)
        return
    partial.unlink()


def _partial_in_the_way(partial: Path, path: Path) -> AnalysisError:
    try:
        with open(partial, "rb") as other:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return AnalysisError(f"another process is writing it ({partial.name} is in use)", path,
                             exit_code=RUNTIME)
    except OSError:
        pass
    return AnalysisError(f"{partial} exists, left by an interrupted command; remove it and run again", path,
                         exit_code=RUNTIME)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
