"""Fan charts are written in the format the extension asks for, one panel per group."""

from analysis import plot
from analysis.cli import main
from analysis.io import open_result


def test_png_fan_chart_by_country(scenario_files, tmp_path):
    out = tmp_path / "fig.png"
    assert main(["plot", str(scenario_files["baseline"]), str(scenario_files["better"]), "--indicator",
                 "compliance.osh", "--by", "country", "-o", str(out)]) == 0
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
    out = plot.save(fig, tmp_path / "fig.svg")
    assert "<svg" in out.read_text()


def test_unknown_extension_is_an_error(scenario_files, tmp_path, capsys):
    assert main(["plot", str(scenario_files["baseline"]), "--indicator", "compliance.osh", "-o",
                 str(tmp_path / "fig.gif")]) == 2
    assert "fig.gif" in capsys.readouterr().err
