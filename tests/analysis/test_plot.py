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
    assert [ax.get_title() for ax in axes] == ["all workers", "tier 1", "tier 2", "women", "men"]
    styles = {line.get_linestyle() for line in axes[0].get_lines()}
    assert len(styles) == 2                                  # scenarios differ without colour
    # the units are in the title, not in axis labels that overlap between rows
    assert fig._suptitle.get_text().startswith("Occupational injuries (injuries per 1,000 workers per month)")
    assert [ax.get_ylabel() for ax in axes] == [""] * 5
    assert {round(ax.get_position().y0, 3) for ax in axes[:3]} == {round(axes[0].get_position().y0, 3)}
    outputs = Outputs()
    out = plot.save(fig, outputs.claim(tmp_path / "fig.svg"), outputs)
    assert "<svg" in out.read_text()


def test_grid_at_most_four_columns():
    assert [plot.grid(n) for n in (1, 3, 4, 5, 8, 9, 10, 13)] == [(1, 1), (1, 3), (1, 4), (2, 3), (2, 4), (3, 3),
                                                                  (3, 4), (4, 4)]


def test_tornado_names_parameters_by_their_shortest_unique_ending():
    from supplysim.sensitivity import short_names
    assert short_names(["countries.bangladesh.inspectorate.inspectors_per_10k_workers",
                        "countries.viet_nam.inspectorate.inspectors_per_10k_workers", "interventions.x.law_gain"]) == [
        "bangladesh.inspectorate.inspectors_per_10k_workers", "viet_nam.inspectorate.inspectors_per_10k_workers",
        "law_gain"]


def test_unknown_extension_is_an_error(scenario_files, tmp_path, capsys):
    rc, _, err = run_cli(capsys, "plot", scenario_files["baseline"], "--indicator", "compliance.osh", "-o",
                         tmp_path / "fig.gif")
    assert (rc, err) == (2, f"supplysim-analysis plot: error: {tmp_path / 'fig.gif'}: cannot tell the figure format "
                            "from 'fig.gif': use .png, .svg or .pdf\n")


def test_every_horizon_gets_date_ticks_without_a_warning(tmp_path):
    import warnings
    import synthetic
    for months in (2, 24, 36, 168):
        path = synthetic.write_scenario(tmp_path / f"h{months}.h5", months=months, indicators=["compliance.osh"],
                                        replicates=2)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = plot.fan_chart([open_result(path)], "compliance.osh", dims=["country"])
            fig.canvas.draw()           # tick locators run at drawing time
        plot.plt.close(fig)
