"""Read and analyse supplysim result files.

    import supplysim
    ds = supplysim.open("baseline.h5")          # xarray.Dataset with labelled dimensions and units
    table = supplysim.sweep_table("sweep.h5")   # pandas.DataFrame, swept parameters as columns

The command line is `supplysim-analysis` (or `python3 -m supplysim`): compare, plot, plot-sweep,
sensitivity, memo, validation.
"""

__version__ = "0.2.0"

__all__ = ["open", "sweep_table", "AnalysisError", "__version__"]

from .errors import AnalysisError


def open(path, indicators=None, level=None):  # noqa: A001 - the package's reader, as xarray.open_dataset
    """A result file as an xarray.Dataset (see supplysim.dataset)."""
    from .dataset import open_dataset   # xarray loads only when a dataset is asked for
    return open_dataset(path, indicators=indicators, level=level)


def sweep_table(path, indicators=None, level="worker", period=None, groups=None):
    """A sweep (or any result file) as one tidy pandas table (see supplysim.dataset.sweep_table)."""
    from .dataset import sweep_table as table
    return table(path, indicators=indicators, level=level, period=period, groups=groups)
