"""Bad inputs exit with code 2 and a one-line message naming the offending file."""
import subprocess
import sys

import h5py
import pytest

import synthetic
from analysis.cli import main
from conftest import REPO


def err_of(capsys, *args):
    rc = main([str(a) for a in args])
    return rc, capsys.readouterr().err


@pytest.fixture
def good(tmp_path):
    return synthetic.write_scenario(tmp_path / "good.h5", months=24, indicators=["compliance.osh", "employment"])


def test_not_hdf5(tmp_path, good, capsys):
    bad = tmp_path / "notes.h5"
    bad.write_text("this is not HDF5\n")
    rc, err = err_of(capsys, "compare", good, bad)
    assert rc == 2 and "notes.h5" in err and "not an HDF5 file" in err
    assert "Traceback" not in err


def test_not_supplysim(tmp_path, good, capsys):
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f["x"] = [1, 2, 3]
    rc, err = err_of(capsys, "compare", good, other)
    assert rc == 2 and "other.h5" in err and "not a supplysim result file" in err
    wrong = synthetic.write_scenario(tmp_path / "wrong.h5", months=24, indicators=["employment"])
    with h5py.File(wrong, "a") as f:
        f.attrs["format"] = "somethingelse"
    rc, err = err_of(capsys, "plot", wrong, "--indicator", "employment", "-o", tmp_path / "x.png")
    assert rc == 2 and "wrong.h5" in err


def test_missing_indicator(tmp_path, good, capsys):
    other = synthetic.write_scenario(tmp_path / "other.h5", months=24, indicators=["compliance.osh"])
    rc, err = err_of(capsys, "compare", good, other, "--indicator", "employment")
    assert rc == 2 and "other.h5" in err and "'employment'" in err
    rc, err = err_of(capsys, "plot", good, "--indicator", "no_such_thing", "-o", tmp_path / "x.png")
    assert rc == 2 and "good.h5" in err and "no_such_thing" in err


def test_incompatible_time_axes(tmp_path, good, capsys):
    longer = synthetic.write_scenario(tmp_path / "longer.h5", months=36, indicators=["compliance.osh", "employment"])
    rc, err = err_of(capsys, "compare", good, longer)
    assert rc == 2 and "longer.h5" in err and "different time axes" in err


def test_incompatible_groups(tmp_path, good, capsys):
    fewer = synthetic.write_scenario(tmp_path / "fewer.h5", months=24, dims=("gender",),
                                     indicators=["compliance.osh", "employment"])
    rc, err = err_of(capsys, "plot", good, fewer, "--indicator", "employment", "-o", tmp_path / "x.png")
    assert rc == 2 and "fewer.h5" in err and "different groups" in err


def test_incomplete_file(tmp_path, good, capsys):
    vals = synthetic.scenario_values(months=24, indicators=["compliance.osh", "employment"])
    half = synthetic.write_result(tmp_path / "half.h5", vals, complete=0)
    rc, err = err_of(capsys, "compare", good, half)
    assert rc == 2 and "half.h5" in err and "complete != 1" in err


def test_truncated_dataset(tmp_path, good, capsys):
    vals = synthetic.scenario_values(months=24, indicators=["compliance.osh", "employment"])
    cut = synthetic.write_result(tmp_path / "cut.h5", vals, partial_shape=True)
    rc, err = err_of(capsys, "compare", good, cut)
    assert rc == 2 and "cut.h5" in err and "truncated" in err


def test_date_outside_horizon(tmp_path, good, capsys):
    rc, err = err_of(capsys, "compare", good, good, "--at", "2030-12")
    assert rc == 2 and "good.h5" in err and "outside the simulated horizon 2017-01..2018-12" in err
    rc, err = err_of(capsys, "compare", good, good, "--at", "December")
    assert rc == 2 and "YYYY-MM" in err


def test_unknown_dimension(good, capsys):
    rc, err = err_of(capsys, "compare", good, good, "--by", "age_band")
    assert rc == 2 and "good.h5" in err and "age_band" in err


def test_launcher_runs_from_anywhere(tmp_path, good):
    """The executable launcher finds the package from another working directory."""
    launcher = REPO / "analysis" / "supplysim-analysis"
    ok = subprocess.run([str(launcher), "compare", str(good), str(good), "--indicator", "employment"],
                        cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "employment" in ok.stdout
    bad = subprocess.run([str(launcher), "compare", str(good), str(tmp_path / "missing.h5")], cwd=tmp_path,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "missing.h5: no such file" in bad.stderr
    mod = subprocess.run([sys.executable, "-m", "analysis", "--help"], cwd=REPO, capture_output=True, text=True)
    assert mod.returncode == 0 and "compare" in mod.stdout
