"""The tests run against the installed package, and its command line works from anywhere."""
import os
import subprocess
import sys
from pathlib import Path

import supplysim
from conftest import REPO


def test_the_installed_package_is_under_test():
    here = Path(supplysim.__file__).resolve()
    assert not here.is_relative_to(REPO / "analysis"), f"tests import the source tree ({here}), not the install"
    assert "site-packages" in here.parts or "dist-packages" in here.parts
    assert (here.parent / "templates" / "memo.md.j2").is_file()       # package data installed too


def test_module_and_console_script_from_outside_the_source_tree(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    mod = subprocess.run([sys.executable, "-m", "supplysim", "--help"], cwd=tmp_path, capture_output=True,
                         text=True, env=env)
    assert mod.returncode == 0, mod.stderr
    for command in ("compare", "plot", "plot-sweep", "sensitivity", "table", "memo", "validation"):
        assert command in mod.stdout
    script = Path(sys.executable).parent / "supplysim-analysis"
    version = subprocess.run([str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"supplysim-analysis {supplysim.__version__}"


def test_errors_from_a_subprocess_are_one_line(tmp_path, scenario_files):
    proc = subprocess.run([sys.executable, "-m", "supplysim", "compare", str(scenario_files["baseline"]),
                           str(tmp_path / "missing.h5")], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == f"supplysim-analysis compare: error: {tmp_path / 'missing.h5'}: no such file\n"


def test_no_sys_path_edits_in_the_package():
    sources = sorted(Path(supplysim.__file__).parent.glob("*.py"))
    assert sources and not [p.name for p in sources if "sys.path" in p.read_text()]
