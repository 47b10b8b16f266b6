"""supplysim.validation: the calibration-target section from the shipped calibration output (no engine
runs), and the refusal of a file that is not a calibration output."""
import h5py
import pytest

from conftest import REPO
from supplysim import validation
from supplysim.errors import AnalysisError
from supplysim.outputs import Outputs

CALIB = REPO / "scenarios" / "calibration" / "baseline_cross_section.calib.h5"


def test_calibration_section_from_shipped_output(tmp_path):
    md, checks = validation.calibration_section(CALIB, validation.FigureFolder(tmp_path, Outputs()), "fig")
    assert len(checks) == 3
    assert "below_min_viet_nam" in md and "Rani" in md
    assert "parameters.compliance.law_weight" in md
    assert (tmp_path / "targets.png").stat().st_size > 0
    assert (tmp_path / "posterior.png").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posterior.png", "targets.png"]


def test_refuses_other_files(tmp_path):
    p = tmp_path / "other.h5"
    with h5py.File(p, "w") as f:
        f.attrs["format"] = "supplysim"
    with pytest.raises(AnalysisError) as exc:
        validation.calibration_section(p, validation.FigureFolder(tmp_path / "f", Outputs()), "fig")
    assert str(exc.value) == (f"{p}: not a supplysim calibration file (root attribute format is not "
                              "'supplysim-calibration')")
    with h5py.File(p, "w") as f:
        f.attrs["format"] = "supplysim-calibration"
    with pytest.raises(AnalysisError) as exc:
        validation.calibration_section(p, validation.FigureFolder(tmp_path / "g", Outputs()), "fig")
    assert str(exc.value).startswith(f"{p}: not a complete calibration output (")


def test_report_output_is_claimed_before_any_run(tmp_path, capsys):
    from conftest import run_cli
    report = tmp_path / "validation.md"
    report.write_text("kept\n")
    rc, _, err = run_cli(capsys, "validation", "--calibration", CALIB, "-o", report, "--figures", tmp_path / "fig")
    assert (rc, err) == (2, f"supplysim-analysis validation: error: {report}: the report exists already; pass "
                            "--force to replace it\n")
    assert report.read_text() == "kept\n" and not (tmp_path / "fig").exists()


def test_weighted_quantile():
    assert validation.weighted_quantile([0, 1, 2, 3], [1, 1, 1, 1], 0.5) == pytest.approx(1.5)
    assert validation.weighted_quantile([0, 1, 2, 3], [0, 0, 0, 1], 0.5) == pytest.approx(3)
