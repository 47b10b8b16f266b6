"""Bad inputs: one line naming the file and, inside it, the dataset or attribute; exit code 2; never a
traceback. Each malformed-file case is checked with its exact message."""
import os
import shutil

import h5py
import numpy as np
import pytest

import synthetic
from conftest import run_cli
from supplysim.result_file import open_result

PREFIX = "supplysim-analysis compare: error: "
INDICATORS = ["compliance.osh", "employment"]


@pytest.fixture
def good(tmp_path):
    return synthetic.write_scenario(tmp_path / "good.h5", months=24, indicators=INDICATORS)


def variant(good, tmp_path, name, edit):
    """A copy of the good file changed by `edit(h5py.File)`."""
    path = tmp_path / name
    shutil.copy(good, path)
    with h5py.File(path, "a") as f:
        edit(f)
    return path


def refused(capsys, good, bad, message, where=None):
    """compare good bad: exit 2 and exactly one line '<prefix><bad>: [<where>: ]<message>'."""
    rc, out, err = run_cli(capsys, "compare", good, bad)
    location = f"{where}: " if where else ""
    assert (rc, err) == (2, f"{PREFIX}{bad}: {location}{message}\n")
    assert out == ""


def test_not_hdf5(tmp_path, good, capsys):
    bad = tmp_path / "notes.h5"
    bad.write_text("this is not HDF5\n")
    refused(capsys, good, bad, "not an HDF5 file")


def test_partial_file_gets_a_hint(tmp_path, good, capsys):
    bad = tmp_path / "run.h5.partial"
    bad.write_bytes(b"\0" * 100)
    refused(capsys, good, bad, "not an HDF5 file (an interrupted write leaves a '.partial' file)")


def test_truncated_file(tmp_path, good, capsys):
    size = good.stat().st_size
    cut = tmp_path / "cut.h5"
    cut.write_bytes(good.read_bytes()[:size // 2])
    refused(capsys, good, cut, f"truncated HDF5 file: it has {size // 2} bytes, its header says {size}; it was "
                               "cut while being written or copied")


def test_damaged_chunk(tmp_path, good, capsys):
    bad = tmp_path / "damaged.h5"
    shutil.copy(good, bad)
    with h5py.File(bad, "r") as f:
        offset = f["indicators/compliance.osh"].id.get_chunk_info(0).byte_offset
    with open(bad, "r+b") as f:
        f.seek(offset + 10)
        f.write(b"\xff" * 40)
    refused(capsys, good, bad, "cannot read the values, the file is damaged (Can't read data (inflate() failed))",
            "/indicators/compliance.osh")


@pytest.mark.parametrize("dataset", ["time", "groups", "indicators"])
def test_missing_dataset(tmp_path, good, capsys, dataset):
    bad = variant(good, tmp_path, f"no_{dataset}.h5", lambda f: f.__delitem__(dataset))
    refused(capsys, good, bad, "dataset missing (a supplysim result file has /time, /groups and /indicators)",
            f"/{dataset}")


def test_wrong_shape(tmp_path, good, capsys):
    vals = synthetic.scenario_values(months=24, indicators=INDICATORS)
    cut = synthetic.write_result(tmp_path / "cut.h5", vals, partial_shape=True)
    refused(capsys, good, cut, "shape (1, 5, 12, 7), expected (1, 5, 24, 7) (runs, replicates, months, groups of "
                               "/groups) from the root attributes; the file is truncated or malformed",
            "/indicators/compliance.osh")


def test_wrong_dtype(tmp_path, good, capsys):
    def to_int(f):
        data = f["indicators/employment"][()].astype(np.int32)
        del f["indicators/employment"]
        f["indicators/employment"] = data
    bad = variant(good, tmp_path, "ints.h5", to_int)
    refused(capsys, good, bad, "values of type int32, expected float64", "/indicators/employment")


def test_unknown_format_version(tmp_path, good, capsys):
    bad = variant(good, tmp_path, "v3.h5", lambda f: f.attrs.__setitem__("format_version", np.int32(3)))
    refused(capsys, good, bad, "3 is not supported (this version of supplysim-analysis reads 1 and 2); update the "
                               "analysis package", "root attribute format_version")


def test_incomplete_file(tmp_path, good, capsys):
    vals = synthetic.scenario_values(months=24, indicators=INDICATORS)
    half = synthetic.write_result(tmp_path / "half.h5", vals, complete=0)
    refused(capsys, good, half, "0: the file is incomplete (the run was interrupted or is still being written; "
                                "finish it, e.g. sweep --resume, first)", "root attribute complete")


def test_runs_not_done(tmp_path, good, capsys):
    bad = variant(good, tmp_path, "undone.h5", lambda f: f["runs/done"].__setitem__(0, 0))
    refused(capsys, good, bad, "the file is incomplete: some runs are not done", "/runs/done")


def test_not_supplysim(tmp_path, good, capsys):
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f["x"] = [1, 2, 3]
    refused(capsys, good, other, "not a supplysim result file (root attribute format is 'missing', expected "
                                 "'supplysim')")
    wrong = variant(good, tmp_path, "wrong.h5", lambda f: f.attrs.__setitem__("format", "somethingelse"))
    rc, _, err = run_cli(capsys, "plot", wrong, "--indicator", "employment", "-o", tmp_path / "x.png")
    assert rc == 2 and err == (f"supplysim-analysis plot: error: {wrong}: not a supplysim result file (root "
                               "attribute format is 'somethingelse', expected 'supplysim')\n")


def test_missing_root_attribute(tmp_path, good, capsys):
    bad = variant(good, tmp_path, "noruns.h5", lambda f: f.attrs.__delitem__("runs"))
    refused(capsys, good, bad, "missing", "root attribute runs")


def test_months_not_consecutive(tmp_path, good, capsys):
    def repeat(f):
        f["time"][5] = f["time"][4]
    bad = variant(good, tmp_path, "repeat.h5", repeat)
    refused(capsys, good, bad, "months are not consecutive (2017-01..2018-12 in 24 values)", "/time")
    bad = variant(good, tmp_path, "month13.h5", lambda f: f["time"].__setitem__(23, 201813))
    refused(capsys, good, bad, "201813 is not a month yyyymm", "/time")


def test_groups_not_a_table(tmp_path, good, capsys):
    def flat(f):
        del f["groups"]
        f["groups"] = np.arange(11)
    bad = variant(good, tmp_path, "flat.h5", flat)
    refused(capsys, good, bad, "expected a compound table with fields dimension and value, found type int64",
            "/groups")


def test_crossed_group_with_wrong_number_of_values(tmp_path, good, capsys):
    groups = synthetic.make_groups(("gender",)) + [("country*gender", "bangladesh")]
    vals = synthetic.scenario_values(months=24, groups=groups, indicators=INDICATORS)
    bad = synthetic.write_result(tmp_path / "cross.h5", vals, groups=groups)
    refused(capsys, good, bad, "row 3 ('country*gender', 'bangladesh'): a crossed dimension needs one value per "
                               "component, e.g. ('country*gender', 'bangladesh*female')", "/groups")


def test_bad_direction_attribute(tmp_path, good, capsys):
    bad = variant(good, tmp_path, "dir.h5", lambda f: f["indicators/employment"].attrs.__setitem__("direction", "up"))
    refused(capsys, good, bad, "attribute direction 'up' is not one of higher_is_better, lower_is_better, neither",
            "/indicators/employment")


def test_firm_measure_without_firm_groups(tmp_path, good, capsys):
    def firm(f):
        f["indicators/employment"].attrs["level"] = "firm"
        f["indicators/employment"].attrs["groups"] = "firm_groups"
    bad = variant(good, tmp_path, "firm.h5", firm)
    refused(capsys, good, bad, "attribute groups says 'firm_groups' but the file has no /firm_groups",
            "/indicators/employment")
    mixed = variant(good, tmp_path, "mixed.h5",
                    lambda f: f["indicators/employment"].attrs.__setitem__("level", "firm"))
    refused(capsys, good, mixed, "attribute groups 'groups' does not match level 'firm' (worker measures use groups, "
                                 "firm measures firm_groups)", "/indicators/employment")


def test_ensemble_with_wrong_draws(tmp_path, capsys):
    base, policy = synthetic.write_ensemble_pair(tmp_path, np.zeros((3, 2)))
    with h5py.File(policy, "a") as f:
        f["uncertainty/draw"][...] = np.array([0, 1, 0, 1, 2, 2])
    rc, _, err = run_cli(capsys, "compare", base, policy)
    assert (rc, err) == (2, f"{PREFIX}{policy}: /uncertainty/draw: replicate r must use draw r // "
                            "replicates_per_draw = r // 2\n")
    with h5py.File(policy, "a") as f:
        del f["uncertainty"]
    rc, _, err = run_cli(capsys, "compare", base, policy)
    assert (rc, err) == (2, f"{PREFIX}{policy}: /uncertainty: missing, though root attribute uncertainty describes "
                            "an ensemble\n")


def test_badly_written_labels(tmp_path, capsys):
    sweep = synthetic.write_grid_sweep(tmp_path / "grid.h5", labels="random, risk_based")
    rc, _, err = run_cli(capsys, "compare", sweep, sweep)
    assert (rc, err) == (2, f"{PREFIX}{sweep}: /runs/parameters/countries.bangladesh.inspectorate.targeting: "
                            "attribute labels 'random, risk_based': expected 'code: label' pairs separated by ';', "
                            "e.g. '0: random; 1: risk_based'\n")
    short = synthetic.write_grid_sweep(tmp_path / "short.h5", labels=["random"])
    rc, _, err = run_cli(capsys, "compare", short, short)
    assert (rc, err) == (2, f"{PREFIX}{short}: /runs/parameters/countries.bangladesh.inspectorate.targeting: "
                            "value 1 has no label in attribute labels\n")


def test_special_files(tmp_path, good, capsys):
    refused(capsys, good, tmp_path, "is a directory, not a result file")
    fifo = tmp_path / "pipe.h5"
    os.mkfifo(fifo)
    refused(capsys, good, fifo, "is not a regular file (a pipe, device or socket), not a result file")
    refused(capsys, good, tmp_path / "missing.h5", "no such file")


def test_missing_indicator(tmp_path, good, capsys):
    other = synthetic.write_scenario(tmp_path / "other.h5", months=24, indicators=["compliance.osh"])
    rc, _, err = run_cli(capsys, "compare", good, other, "--indicator", "employment")
    assert (rc, err) == (2, f"{PREFIX}{other}: no indicator 'employment' in this file (it has: compliance.osh)\n")


def test_incompatible_files(tmp_path, good, capsys):
    longer = synthetic.write_scenario(tmp_path / "longer.h5", months=36, indicators=INDICATORS)
    rc, _, err = run_cli(capsys, "compare", good, longer)
    assert (rc, err) == (2, f"{PREFIX}{longer}: incompatible with {good}: different time axes (2017-01..2019-12 vs "
                            "2017-01..2018-12)\n")
    fewer = synthetic.write_scenario(tmp_path / "fewer.h5", months=24, dims=("gender",), indicators=INDICATORS)
    rc, _, err = run_cli(capsys, "plot", good, fewer, "--indicator", "employment", "-o", tmp_path / "x.png")
    assert rc == 2 and err.startswith(f"supplysim-analysis plot: error: {fewer}: incompatible with {good}: "
                                      "different groups")


def test_unknown_dimension(good, capsys):
    rc, _, err = run_cli(capsys, "compare", good, good, "--by", "age_band")
    assert (rc, err) == (2, f"{PREFIX}{good}: no disaggregation by age_band in this file (it has: country, tier, "
                            "gender)\n")


def test_version_1_files_still_read(tmp_path):
    vals = synthetic.scenario_values(months=24, indicators=INDICATORS)
    v1 = synthetic.write_result(tmp_path / "v1.h5", vals, format_version=1)
    f = open_result(v1)
    assert f.version == 1
    info = f.indicator("compliance.osh")
    assert (info.level, info.groups, info.direction, info.better) == ("worker", "groups", "neither", "")


def test_variable_length_utf8_groups(tmp_path):
    groups = [("all", "all"), ("country", "côte_d_ivoire"), ("country", "türkiye")]
    vals = synthetic.scenario_values(months=24, groups=groups, indicators=INDICATORS)
    path = synthetic.write_result(tmp_path / "utf8.h5", vals, groups=groups, vlen_strings=True)
    f = open_result(path)
    assert f.groups.labels == ["all", "country=côte_d_ivoire", "country=türkiye"]
