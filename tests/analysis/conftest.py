"""Shared fixtures: synthetic result files. The tests import the INSTALLED `supplysim` package (the build
installs it into <build>/python, a venv; see docs/python.md), never the source tree."""
from pathlib import Path

import pytest

import synthetic

try:
    import supplysim  # noqa: F401
except ImportError:
    pytest.exit("the supplysim package is not installed for this Python: run the tests with the build's "
                "<build>/python/bin/python -m pytest tests/analysis (docs/python.md)", returncode=2)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def scenario_files(tmp_path_factory):
    """A baseline and a Better Work scenario (same seed: common random numbers) plus a memo.yaml."""
    d = tmp_path_factory.mktemp("scenarios")
    base = synthetic.write_scenario(d / "baseline.h5", seed=1, scenario_yaml=synthetic.BASELINE_YAML)
    better = synthetic.write_scenario(d / "better_work.h5", effect=0.04, seed=1, own_noise=0.01, own_seed=2,
                                      scenario_yaml=synthetic.BETTER_WORK_YAML)
    memo = synthetic.write_memo_config(d / "memo.yaml")
    return dict(dir=d, baseline=base, better=better, memo=memo)


def run_cli(capsys, *args):
    """Run the command line in-process: (exit code, stdout, stderr)."""
    from supplysim.cli import main
    rc = main([str(a) for a in args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err
