"""Outputs never overwrite an input or each other, are not replaced without --force, and are written
atomically: on failure nothing is left under the final name (and an old file stays as it was)."""
import errno
import fcntl
import os
import subprocess
import sys

import pytest

import synthetic
from conftest import run_cli
from supplysim.errors import AnalysisError
from supplysim.outputs import Outputs, write_file

INDICATORS = ["compliance.osh", "employment"]


@pytest.fixture
def pair(tmp_path):
    base = synthetic.write_scenario(tmp_path / "base.h5", months=24, indicators=INDICATORS)
    policy = synthetic.write_scenario(tmp_path / "policy.h5", months=24, effect=0.02, indicators=INDICATORS)
    return base, policy


def test_output_onto_an_input_is_refused(pair, capsys):
    base, policy = pair
    before = policy.read_bytes()
    rc, out, err = run_cli(capsys, "compare", base, policy, "--csv", policy, "--force")
    assert (rc, out) == (2, "")
    assert err == (f"supplysim-analysis compare: error: {policy}: --csv would overwrite the input file {policy} "
                   "(the same file); choose another name\n")
    assert policy.read_bytes() == before


def test_same_inode_is_the_same_file(pair, tmp_path, capsys):
    base, policy = pair
    link = tmp_path / "results.md"
    os.link(base, link)                       # another name for the baseline file
    rc, _, err = run_cli(capsys, "compare", base, policy, "--markdown", link, "--force")
    assert rc == 2
    assert err == (f"supplysim-analysis compare: error: {link}: --markdown would overwrite the input file {base} "
                   "(the same file); choose another name\n")
    symlink = tmp_path / "fig.png"
    symlink.symlink_to(policy)
    rc, _, err = run_cli(capsys, "plot", base, policy, "--indicator", "employment", "-o", symlink, "--force")
    assert rc == 2 and f"-o would overwrite the input file {policy}" in err


def test_two_outputs_with_one_name(pair, tmp_path, capsys):
    base, policy = pair
    same = tmp_path / "table.txt"
    rc, _, err = run_cli(capsys, "compare", base, policy, "--csv", same, "--markdown", same)
    assert (rc, err) == (2, f"supplysim-analysis compare: error: {same}: named twice as an output (--csv and "
                            "--markdown)\n")
    assert not same.exists()


def test_existing_output_needs_force(pair, tmp_path, capsys):
    base, policy = pair
    csv = tmp_path / "effects.csv"
    csv.write_text("an earlier result\n")
    rc, _, err = run_cli(capsys, "compare", base, policy, "--csv", csv)
    assert (rc, err) == (2, f"supplysim-analysis compare: error: {csv}: --csv exists already; pass --force to "
                            "replace it\n")
    assert csv.read_text() == "an earlier result\n"
    rc, _, err = run_cli(capsys, "compare", base, policy, "--csv", csv, "--force")
    assert rc == 0, err
    assert csv.read_text().startswith("indicator,units,level,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.h5", "effects.csv", "policy.h5"]   # no .partial


def test_memo_refuses_to_replace_without_force(scenario_files, tmp_path, capsys):
    out = tmp_path / "memo"
    out.mkdir()
    (out / "memo.md").write_text("yesterday's memo\n")
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", out)
    assert (rc, err) == (2, f"supplysim-analysis memo: error: {out / 'memo.md'}: memo.md exists already; pass "
                            "--force to replace it\n")
    assert sorted(p.name for p in out.iterdir()) == ["memo.md"]    # refused before any work


def test_memo_output_onto_its_config(scenario_files, tmp_path, capsys):
    """The memo writes a copy of each scenario under scenarios/; one that is the config itself is refused."""
    target = tmp_path / "out"
    (target / "scenarios").mkdir(parents=True)
    os.link(scenario_files["memo"], target / "scenarios" / "baseline.yaml")
    rc, _, err = run_cli(capsys, "memo", scenario_files["memo"], "-o", target, "--force")
    assert rc == 2
    assert err == (f"supplysim-analysis memo: error: {target / 'scenarios' / 'baseline.yaml'}: the scenario of "
                   f"baseline would overwrite the input file {scenario_files['memo']} (the same file); choose "
                   "another name\n")


def test_failed_write_leaves_nothing_and_keeps_the_old_file(tmp_path):
    path = tmp_path / "out.csv"

    def fails(out):
        out.write(b"half a table")
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(AnalysisError) as exc:
        write_file(path, fails)
    assert str(exc.value) == f"{path}: cannot write (No space left on device); nothing was written"
    assert exc.value.exit_code == 1
    assert list(tmp_path.iterdir()) == []
    path.write_text("old\n")
    with pytest.raises(AnalysisError):
        write_file(path, fails, replace=True)
    assert path.read_text() == "old\n" and sorted(tmp_path.iterdir()) == [path]


def test_another_writer_and_a_stale_partial(tmp_path):
    path = tmp_path / "fig.png"
    partial = tmp_path / "fig.png.partial"
    with open(partial, "wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)         # what a running writer holds
        with pytest.raises(AnalysisError) as exc:
            write_file(path, b"png")
        assert str(exc.value) == f"{path}: another process is writing it (fig.png.partial is in use)"
        assert exc.value.exit_code == 1
    with pytest.raises(AnalysisError) as exc:   # its writer is gone: never deleted by someone else
        write_file(path, b"png")
    assert str(exc.value) == f"{path}: {partial} exists, left by an interrupted command; remove it and run again"
    assert partial.exists() and not path.exists()
    partial.unlink()
    write_file(path, b"png")
    assert path.read_bytes() == b"png" and not partial.exists()


def test_no_replacement_without_force_even_if_created_meanwhile(tmp_path):
    path = tmp_path / "late.txt"
    outputs = Outputs(force=False)
    outputs.claim(path, "--csv")
    path.write_text("written by someone else after the check\n")
    with pytest.raises(AnalysisError, match="exists already; pass --force"):
        outputs.write(path, "ours\n")
    assert path.read_text() == "written by someone else after the check\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.txt"]


def test_missing_folder_and_unwritable_folder(pair, tmp_path, capsys):
    base, policy = pair
    nested = tmp_path / "new" / "deeper" / "c.csv"
    rc, _, err = run_cli(capsys, "compare", base, policy, "--csv", nested)
    assert rc == 0, err
    assert nested.exists()                           # folders are created
    rc, _, err = run_cli(capsys, "compare", base, policy, "--csv", base / "c.csv")
    assert (rc, err) == (2, f"supplysim-analysis compare: error: {base / 'c.csv'}: cannot write --csv: folder "
                            f"{base} is not a writable directory\n")


def test_disk_full_through_the_command_line(pair, tmp_path):
    """A file-size limit (what a full disk looks like to a writer): exit 1, one line, nothing under the
    final name, the old file intact."""
    base, policy = pair
    csv = tmp_path / "big.csv"
    csv.write_text("old\n")
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)); from supplysim.cli import main; "
            f"sys.exit(main(['compare', '{base}', '{policy}', '--by', 'country,tier,gender', '--csv', '{csv}', "
            "'--force']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == (f"supplysim-analysis compare: error: {csv}: cannot write (File too large); nothing "
                           "was written\n")
    assert csv.read_text() == "old\n"
    assert not (tmp_path / "big.csv.partial").exists()
