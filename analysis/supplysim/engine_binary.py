"""Where the `supplysim` engine program is: $SUPPLYSIM_BIN, else `supplysim` on PATH, else next to this
Python environment (the build's <build>/python beside <build>/sim/supplysim, or an installed
<prefix>/lib/supplysim/python beside <prefix>/bin/supplysim)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def find_engine() -> Path | None:
    named = os.environ.get("SUPPLYSIM_BIN")
    if named:
        return Path(named) if _runnable(Path(named)) else None
    on_path = shutil.which("supplysim")
    if on_path:
        return Path(on_path)
    prefix = Path(sys.prefix)
    for candidate in (prefix.parent / "sim" / "supplysim", prefix.parents[2] / "bin" / "supplysim"
                      if len(prefix.parents) > 2 else None):
        if candidate is not None and _runnable(candidate):
            return candidate
    return None


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)
