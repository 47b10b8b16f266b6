"""Fan charts are written in the format the extension asks for, one panel per group."""
from conftest import run_cli
from supplysim import plot
from supplysim.outputs import Outputs
from supplysim.result_file import open_result


def test_png_fan_chart_by_country(scenario_files, tmp_path, capsys):
    out = tmp_path / "fig.png"
    rc, _, err = run_cli(capsys, "plot", scenario_files["baseline"], scenario_files["better"], "--indicator",
                         "compliance.osh", "--by", "country", "-o", out)
    assert rc == 0, err
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_svg_panels_styles_and_labels(scenario_files, tmp_path):
    files = [open_result(scenario_files["baseline"]), open_result(scenario_files["better"])]
    fig = plot.fan_chart(files, "injury_rate", dims=["gender", "tier"])
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in axes] == ["all workers", "tier=tier1", "tier=tier2", "gender=female",
                                               "gender=male"]
    styles = {line.get_linestyle() for line in axes[0].get_lines()}
    assert len(styles) == 2                                  # scenarios differ without colour
    assert axes[0].get_ylabel() == "injuries per 1,000 workers per month"
    outputs = Outputs()
    out = plot.save(fig, outputs.claim(tmp_path / "fig.svg"), outputs)
    assert "<svg" in out.read_text()


def test_unknown_extension_is_an_error(scenario_files, tmp_path, capsys):
    rc, _, err = run_cli(capsys, "plot", scenario_files["baseline"], "--indicator", "compliance.osh", "-o",
                         tmp_path / "fig.gif")
    assert (rc, err) == (2, f"supplysim-analysis plot: error: {tmp_path / 'fig.gif'}: cannot tell the figure format "
                            "from 'fig.gif': use .png, .svg or .pdf\n")
