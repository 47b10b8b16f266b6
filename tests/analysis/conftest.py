"""Shared fixtures: the repository root on sys.path (for `import analysis`) and synthetic result files."""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
for p in (str(REPO), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import synthetic  # noqa: E402


@pytest.fixture(scope="session")
def scenario_files(tmp_path_factory):
    """A baseline and a Better Work scenario (same seed: common random numbers) plus a memo.yaml."""
    d = tmp_path_factory.mktemp("scenarios")
    base = synthetic.write_scenario(d / "baseline.h5", seed=1, scenario_yaml=synthetic.BASELINE_YAML)
    better = synthetic.write_scenario(d / "better_work.h5", effect=0.04, seed=1, own_noise=0.01, own_seed=2,
                                      scenario_yaml=synthetic.BETTER_WORK_YAML)
    memo = synthetic.write_memo_config(d / "memo.yaml")
    return dict(dir=d, baseline=base, better=better, memo=memo)


def run_cli(*args):
    """Run the CLI in-process; returns (exit code, stdout, stderr) via capsys in the caller."""
    from analysis.cli import main
    return main([str(a) for a in args])
