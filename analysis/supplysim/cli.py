"""Command line: `supplysim-analysis <command>` (or `python3 -m supplysim <command>`).

Input problems (bad files, dates, names) exit with code 2 and a one-line message naming the file and,
inside it, the dataset or attribute; a write that fails (disk full, another writer) exits with 1 and
leaves nothing under the output's name. Anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from .errors import AnalysisError
from .outputs import Outputs

PROG = "supplysim-analysis"
COMMANDS = "{compare,plot,plot-sweep,sensitivity,table,memo,validation}"


def _list(text: str) -> list:
    return [s.strip() for s in text.split(",") if s.strip()]


def _run_list(text: str) -> list:
    try:
        runs = [int(s) for s in _list(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected run indices such as 8 or 0,8") from None
    if not runs or min(runs) < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected run indices such as 8 or 0,8")
    return runs


def _at(text: str):
    return ("--at", text)


def _between(text: str):
    return ("--between", text)


def periods_of(args, single: bool = False) -> list:
    """The periods named by --at (a month or a year) and --between (a window), in the order given."""
    from .periods import Period
    out = []
    for flag, text in args.periods or []:
        if flag == "--between" and ":" not in text:
            raise AnalysisError(f"--between {text!r}: expected a window YYYY-MM:YYYY-MM (use --at for a month "
                                "or a year)")
        if flag == "--at" and ":" in text:
            raise AnalysisError(f"--at {text!r}: a window is written --between {text}")
        out.append(Period.parse(text))
    if single and len(out) > 1:
        raise AnalysisError("give one period (--at or --between), not several")
    return out


def _default_periods(files) -> list:
    """The assessment points any of the files names (root attribute `assessments`), then the last month."""
    from .periods import Period
    dates = set()
    for f in files:
        for item in str(f.attrs.get("assessments", "") or "").split(";"):
            if "=" in item:
                dates.add(Period.parse(item.split("=", 1)[1]).first)
    dates.add(int(files[0].time[-1]))
    return [Period.month(d) for d in sorted(dates)]


def _open_all(paths) -> list:
    from .result_file import open_result
    return [open_result(p) for p in paths]


def cmd_compare(args) -> int:
    from . import compare
    files = _open_all(args.files)
    if len(files) < 2:
        raise AnalysisError("compare needs a baseline file and at least one scenario file")
    outputs = Outputs(inputs=args.files, force=args.force)
    csv = outputs.claim(args.csv, "--csv") if args.csv else None
    markdown = outputs.claim(args.markdown, "--markdown") if args.markdown else None
    df = compare.compare(files, periods_of(args) or _default_periods(files), dims=args.by,
                         indicators=args.indicator, runs=args.run)
    print(compare.to_terminal(df))
    if csv:
        outputs.write(csv, df.to_csv(index=False))
        print(f"wrote {csv}", file=sys.stderr)
    if markdown:
        outputs.write(markdown, compare.to_markdown(df))
        print(f"wrote {markdown}", file=sys.stderr)
    return 0


def cmd_plot(args) -> int:
    from . import plot
    plot.check_format(args.output)
    files = _open_all(args.files)
    outputs = Outputs(inputs=args.files, force=args.force)
    output = outputs.claim(args.output, "-o")
    fig = plot.fan_chart(files, args.indicator, dims=args.by, runs=args.run)
    plot.save(fig, output, outputs)
    print(f"wrote {output}", file=sys.stderr)
    return 0


def cmd_plot_sweep(args) -> int:
    from . import plot, plot_sweep
    plot.check_format(args.output)
    (f,) = _open_all([args.file])
    outputs = Outputs(inputs=[args.file], force=args.force)
    output = outputs.claim(args.output, "-o")
    csv = outputs.claim(args.csv, "--csv") if args.csv else None
    periods = periods_of(args, single=True)
    fig, table = plot_sweep.dose_response(f, args.indicator, args.x, args.y, period=periods[0] if periods else None,
                                          group=args.group, mode=args.mode)
    plot.save(fig, output, outputs)
    print(f"wrote {output}", file=sys.stderr)
    if csv:
        outputs.write(csv, table.to_csv(index=False))
        print(f"wrote {csv}", file=sys.stderr)
    return 0


def cmd_sensitivity(args) -> int:
    from . import plot, sensitivity
    from .periods import Period
    if args.output:
        plot.check_format(args.output)
    files = _open_all([args.file] + ([args.baseline] if args.baseline else []))
    f, baseline = files[0], (files[1] if args.baseline else None)
    outputs = Outputs(inputs=[args.file] + ([args.baseline] if args.baseline else []), force=args.force)
    chart = outputs.claim(args.output, "-o") if args.output else None
    csv = outputs.claim(args.csv, "--csv") if args.csv else None
    periods = periods_of(args, single=True)
    res = sensitivity.sensitivity(f, args.indicator, periods[0] if periods else Period.month(int(f.time[-1])),
                                  group=args.group, n_boot=args.bootstrap, seed=args.seed, baseline=baseline,
                                  bins=args.bins)
    print(sensitivity.to_terminal(res))
    if chart:
        sensitivity.tornado(res, chart, outputs)
        print(f"wrote {chart}", file=sys.stderr)
    if csv:
        outputs.write(csv, res.table.to_csv(index=False))
        print(f"wrote {csv}", file=sys.stderr)
    return 0


def cmd_table(args) -> int:
    from .dataset import sweep_table
    outputs = Outputs(inputs=[args.file], force=args.force)
    csv = outputs.claim(args.csv, "--csv")
    periods = periods_of(args, single=True)
    table = sweep_table(args.file, indicators=args.indicator, level=args.level,
                        period=periods[0] if periods else None, groups=args.group)
    outputs.write(csv, table.to_csv(index=False))
    print(f"wrote {csv} ({len(table)} rows)", file=sys.stderr)
    return 0


def cmd_memo(args) -> int:
    from . import memo
    written = memo.build_memo(args.config, args.output, command_line=shlex.join([PROG, *args.argv]),
                              force=args.force, periods=periods_of(args), css=args.css,
                              reference_doc=args.reference_doc)
    for p in written:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def cmd_validation(args) -> int:
    from . import validation
    written = validation.build(Path(args.calibration), Path(args.scenario), Path(args.output), Path(args.figures),
                               replicates=args.replicates, end=args.end, force=args.force,
                               command_line=shlex.join(["python3", "-m", "supplysim", *args.argv]))
    for p in written:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def _periods(p, what: str, repeat: bool = True) -> None:
    more = " (repeatable)" if repeat else ""
    p.add_argument("--at", dest="periods", action="append", type=_at, metavar="YYYY-MM|YYYY",
                   help=f"a month, or a year (the mean of its 12 months){more}; default: {what}")
    p.add_argument("--between", dest="periods", action="append", type=_between, metavar="YYYY-MM:YYYY-MM",
                   help=f"a window: the mean of its months{more}")


def _force(p) -> None:
    p.add_argument("--force", action="store_true", help="replace output files that exist already")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Analyse supplysim result files (HDF5, docs/output-schema.md). "
                                "The same commands run as `python3 -m supplysim`.")
    from . import __version__
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = p.add_subparsers(dest="command", required=True, metavar=COMMANDS)

    def command(name: str, summary: str):
        """A subcommand whose --help starts with the line the list of commands shows."""
        return subparsers.add_parser(name, help=summary, description=summary.replace("%%", "%"))
    by_help = ("disaggregate by these dimensions or crossings of /groups, e.g. gender,country*gender "
               "(group 'all' is always shown)")
    run_help = "run index in sweep files: one for every file (8) or one per file in order (0,8); default 0"

    c = command("compare", "scenario effects against a baseline, with 95%% intervals")
    c.add_argument("files", nargs="+", help="baseline.h5 first, then one or more scenario files")
    _periods(c, "the scenarios' assessment dates and the last month")
    c.add_argument("--by", type=_list, default=[], metavar="DIM[,DIM]", help=by_help)
    c.add_argument("--indicator", type=_list, metavar="NAME[,NAME]", help="restrict to these indicators")
    c.add_argument("--run", type=_run_list, metavar="RUN[,RUN...]", help=run_help)
    c.add_argument("--csv", metavar="PATH", help="also write the full table as CSV")
    c.add_argument("--markdown", metavar="PATH", help="also write the table as Markdown")
    _force(c)
    c.set_defaults(func=cmd_compare)

    pl = command("plot", "fan charts (median, 50%%/90%% bands) per scenario and group")
    pl.add_argument("files", nargs="+", help="baseline.h5 first, then scenario files")
    pl.add_argument("--indicator", required=True)
    pl.add_argument("--by", type=_list, default=[], metavar="DIM[,DIM]", help="one panel per group of these")
    pl.add_argument("--run", type=_run_list, metavar="RUN[,RUN...]", help=run_help)
    pl.add_argument("-o", "--output", required=True, help="figure file, .png, .svg or .pdf")
    _force(pl)
    pl.set_defaults(func=cmd_plot)

    ps = command("plot-sweep", "dose-response of an indicator against one or two swept parameters")
    ps.add_argument("file", help="a sweep file")
    ps.add_argument("--indicator", required=True)
    ps.add_argument("--x", required=True, metavar="PARAMETER", help="swept key path (or its unique last part)")
    ps.add_argument("--y", metavar="PARAMETER", help="a second swept parameter: panels or heatmap")
    _periods(ps, "the last month", repeat=False)
    ps.add_argument("--group", default="all", metavar="GROUP", help="e.g. gender=female (default all)")
    ps.add_argument("--mode", choices=["panels", "heatmap"], help="two parameters: small multiples or heatmap "
                    "(default: panels up to 6 values of --y, else heatmap)")
    ps.add_argument("-o", "--output", required=True, help="figure file, .png, .svg or .pdf")
    ps.add_argument("--csv", metavar="PATH", help="also write the plotted means and intervals as CSV")
    _force(ps)
    ps.set_defaults(func=cmd_plot_sweep)

    s = command("sensitivity", "Sobol indices (Saltelli sweeps), SRCs (grid/LHS sweeps) or first-order shares "
                               "(parameter ensembles)")
    s.add_argument("file", help="a sweep file or a parameter ensemble (`run` with `uncertainty:`)")
    s.add_argument("--baseline", metavar="FILE", help="ensembles: rank by the effect against this baseline "
                                                      "(the same ensemble)")
    s.add_argument("--bins", type=int, metavar="B", help="ensembles: equal-count bins per parameter "
                                                         "(default sqrt(draws), 2 to 20)")
    s.add_argument("--indicator", required=True)
    _periods(s, "the last month", repeat=False)
    s.add_argument("--group", default="all", metavar="GROUP", help="e.g. gender=female (default all)")
    s.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (default 1000)")
    s.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    s.add_argument("-o", "--output", help="tornado chart, .png, .svg or .pdf")
    s.add_argument("--csv", metavar="PATH", help="also write the indices as CSV")
    _force(s)
    s.set_defaults(func=cmd_sensitivity)

    t = command("table", "a result or sweep file as one tidy CSV table (swept parameters as columns)")
    t.add_argument("file")
    t.add_argument("--indicator", type=_list, metavar="NAME[,NAME]", help="only these measures")
    t.add_argument("--level", choices=["worker", "firm"], default="worker", help="worker (default) or firm measures")
    _periods(t, "every month", repeat=False)
    t.add_argument("--group", action="append", metavar="GROUP", help="keep this group (repeatable), e.g. all")
    t.add_argument("--csv", required=True, metavar="PATH", help="the CSV file to write")
    _force(t)
    t.set_defaults(func=cmd_table)

    m = command("memo", "policy memo (PDF, HTML, DOCX, Markdown, figures) from a memo.yaml")
    m.add_argument("config", help="memo.yaml")
    m.add_argument("-o", "--output", default="memo", help="output directory (default memo/)")
    _periods(m, "the memo.yaml's dates")
    m.add_argument("--css", action="append", metavar="FILE.css",
                   help="the organisation's style for HTML and PDF, applied after the default (repeatable; "
                        "replaces memo.yaml's css)")
    m.add_argument("--reference-doc", metavar="FILE.docx",
                   help="the organisation's Word template (pandoc --reference-doc; replaces memo.yaml's)")
    _force(m)
    m.set_defaults(func=cmd_memo)

    v = command("validation", "docs/validation.md: calibration targets and out-of-sample patterns, "
                       "from real runs")
    v.add_argument("--calibration", required=True, help="output of `supplysim calibrate` (.h5)")
    v.add_argument("--scenario", default="scenarios/calibration/baseline_calibrated.yaml", help="calibrated scenario to run")
    v.add_argument("-o", "--output", default="docs/validation.md", help="Markdown file to write")
    v.add_argument("--figures", default="docs/figures/validation", help="folder for the figures")
    v.add_argument("--replicates", type=int, default=3, help="replicates per run (default 3)")
    v.add_argument("--end", default="2021-12", metavar="YYYY-MM", help="last simulated month (default 2021-12)")
    _force(v)
    v.set_defaults(func=cmd_validation)
    return p


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    args = build_parser().parse_args(argv)
    args.argv = argv          # the command line as given, for the reproducibility notes of memo and validation
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(f"{PROG} {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG} {args.command}: interrupted; no output was left half-written", file=sys.stderr)
        return 130
