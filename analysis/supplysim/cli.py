"""Command line: `supplysim-analysis {compare,plot,sensitivity,memo,validation}`.

Input problems (bad files, dates, names) exit with code 2 and a one-line message naming the file;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import AnalysisError


def _list(text: str) -> list:
    return [s.strip() for s in text.split(",") if s.strip()]


def _default_dates(files) -> list:
    """The assessment points any of the files names (root attribute `assessments`), then the last month."""
    dates = []
    for f in files:
        for item in str(f.attrs.get("assessments", "") or "").split(";"):
            if "=" in item and item.split("=", 1)[1] not in dates:
                dates.append(item.split("=", 1)[1])
    last = _last_date(files[0])
    return sorted(dates) + ([last] if last not in dates else [])


def cmd_compare(args) -> int:
    from . import compare
    from .io import open_result
    files = [open_result(p) for p in args.files]
    if len(files) < 2:
        raise AnalysisError("compare needs a baseline file and at least one scenario file")
    df = compare.compare(files, args.at or _default_dates(files), dims=args.by, indicators=args.indicator,
                         run=args.run)
    print(compare.to_terminal(df))
    if args.csv:
        df.to_csv(args.csv, index=False)
        print(f"wrote {args.csv}", file=sys.stderr)
    if args.markdown:
        Path(args.markdown).write_text(compare.to_markdown(df))
        print(f"wrote {args.markdown}", file=sys.stderr)
    return 0


def cmd_plot(args) -> int:
    from . import plot
    from .io import open_result
    files = [open_result(p) for p in args.files]
    plot.fan_chart(files, args.indicator, dims=args.by, output=args.output, run=args.run)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_sensitivity(args) -> int:
    from . import sensitivity
    from .io import open_result
    f = open_result(args.file)
    res = sensitivity.sensitivity(f, args.indicator, args.at or _last_date(f), group=args.group,
                                  n_boot=args.bootstrap, seed=args.seed)
    print(sensitivity.to_terminal(res))
    if args.output:
        sensitivity.tornado(res, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
    if args.csv:
        res.table.to_csv(args.csv, index=False)
    return 0


def cmd_memo(args) -> int:
    from . import memo
    written = memo.build_memo(args.config, args.output, command_line=" ".join(["supplysim-analysis", *sys.argv[1:]]))
    for p in written:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def cmd_validation(args) -> int:
    from . import validation
    written = validation.build(Path(args.calibration), Path(args.scenario), Path(args.output), Path(args.figures),
                               replicates=args.replicates, end=args.end,
                               command_line=" ".join(["python3 -m analysis", *sys.argv[1:]]))
    for p in written:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def _last_date(f):
    from .io import format_date
    return format_date(f.time[-1])


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="supplysim-analysis",
                                description="Analyse supplysim result files (HDF5, docs/output-schema.md).")
    sub = p.add_subparsers(dest="command", required=True, metavar="{compare,plot,sensitivity,memo,validation}")

    c = sub.add_parser("compare", help="scenario effects against a baseline with 95%% intervals")
    c.add_argument("files", nargs="+", help="baseline.h5 first, then one or more scenario files")
    c.add_argument("--at", action="append", metavar="YYYY-MM", help="date to compare (repeatable; default: the scenarios' assessment dates and the last month)")
    c.add_argument("--by", type=_list, default=[], metavar="DIM[,DIM]",
                   help="disaggregate by these /groups dimensions (group 'all' is always shown)")
    c.add_argument("--indicator", type=_list, metavar="NAME[,NAME]", help="restrict to these indicators")
    c.add_argument("--run", type=int, default=0, help="run index for sweep files (default 0)")
    c.add_argument("--csv", metavar="PATH", help="also write the full table as CSV")
    c.add_argument("--markdown", metavar="PATH", help="also write the table as Markdown")
    c.set_defaults(func=cmd_compare)

    pl = sub.add_parser("plot", help="fan charts (median, 50%%/90%% bands) per scenario and group")
    pl.add_argument("files", nargs="+", help="baseline.h5 first, then scenario files")
    pl.add_argument("--indicator", required=True)
    pl.add_argument("--by", type=_list, default=[], metavar="DIM[,DIM]", help="one panel per group of these dimensions")
    pl.add_argument("--run", type=int, default=0, help="run index for sweep files (default 0)")
    pl.add_argument("-o", "--output", required=True, help="figure file, .png or .svg")
    pl.set_defaults(func=cmd_plot)

    s = sub.add_parser("sensitivity", help="Sobol indices (Saltelli sweeps) or SRCs (grid/LHS sweeps)")
    s.add_argument("file", help="a sweep file")
    s.add_argument("--indicator", required=True)
    s.add_argument("--at", metavar="YYYY-MM", help="date (default: last month)")
    s.add_argument("--group", default="all", metavar="DIM=VALUE", help="group, e.g. gender=female (default all)")
    s.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (default 1000)")
    s.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    s.add_argument("-o", "--output", help="tornado chart, .png or .svg")
    s.add_argument("--csv", metavar="PATH", help="also write the indices as CSV")
    s.set_defaults(func=cmd_sensitivity)

    m = sub.add_parser("memo", help="policy memo (HTML, DOCX, Markdown, figures) from a memo.yaml")
    m.add_argument("config", help="memo.yaml")
    m.add_argument("-o", "--output", default="memo", help="output directory (default memo/)")
    m.set_defaults(func=cmd_memo)

    v = sub.add_parser("validation", help="docs/validation.md: calibration targets and out-of-sample patterns, from real runs")
    v.add_argument("--calibration", required=True, help="output of `supplysim calibrate` (.h5)")
    v.add_argument("--scenario", default="scenarios/calibration/baseline_calibrated.yaml", help="calibrated scenario to run")
    v.add_argument("-o", "--output", default="docs/validation.md", help="Markdown file to write")
    v.add_argument("--figures", default="docs/figures/validation", help="folder for the figures")
    v.add_argument("--replicates", type=int, default=3, help="replicates per run (default 3)")
    v.add_argument("--end", default="2021-12", metavar="YYYY-MM", help="last simulated month (default 2021-12)")
    v.set_defaults(func=cmd_validation)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(f"supplysim-analysis {args.command}: error: {exc}", file=sys.stderr)
        return 2
