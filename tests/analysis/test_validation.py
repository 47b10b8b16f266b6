"""analysis/validation.py: the calibration-target section from the shipped calibration output (no engine
runs), and the refusal of a file that is not a calibration output."""
from pathlib import Path

import pytest

from analysis import validation
from analysis.errors import AnalysisError

REPO = Path(__file__).resolve().parents[2]
CALIB = REPO / "scenarios" / "calibration" / "baseline_cross_section.calib.h5"


def test_calibration_section_from_shipped_output(tmp_path):
    md, checks = validation.calibration_section(CALIB, tmp_path, "fig")
    assert len(checks) == 3
    assert "below_min_viet_nam" in md and "Rani" in md
    assert "parameters.compliance.law_weight" in md
    assert (tmp_path / "targets.png").stat().st_size > 0
    assert (tmp_path / "posterior.png").stat().st_size > 0


def test_refuses_other_files(tmp_path):
    import h5py
    p = tmp_path / "other.h5"
    with h5py.File(p, "w") as f:
        f.attrs["format"] = "supplysim"
    with pytest.raises(AnalysisError, match="not a supplysim calibration file"):
        validation.calibration_section(p, tmp_path, "fig")


def test_weighted_quantile():
    assert validation.weighted_quantile([0, 1, 2, 3], [1, 1, 1, 1], 0.5) == pytest.approx(1.5)
    assert validation.weighted_quantile([0, 1, 2, 3], [0, 0, 0, 1], 0.5) == pytest.approx(3)
