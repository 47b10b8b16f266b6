#!/usr/bin/python3
"""Generates the parameter tables of docs/model/parameters.md from the evidence registry.

The tables are written between the markers
    <!-- BEGIN GENERATED: parameters (docs/tools/gen_parameters.py) -->
    <!-- END GENERATED: parameters -->
and everything outside them is left as written. Inputs:
  - sim/input/evidence/evidence.yaml            status, sources and reasoning of each key (the registry the program embeds)
  - `supplysim reference scenarios/reference_example.yaml`   every key's type, default, allowed range and meaning
                                          (from the loader; the example holds one intervention of each type)
  - scenarios/baseline.yaml               the baseline's values

usage:
  docs/tools/gen_parameters.py --supplysim build-rel/sim/supplysim          # rewrite the generated part
  docs/tools/gen_parameters.py --supplysim build-rel/sim/supplysim --check  # exit 1 if the file is out of date
"""
import argparse
import os
import re
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BEGIN = "<!-- BEGIN GENERATED: parameters (docs/tools/gen_parameters.py) -->"
END = "<!-- END GENERATED: parameters -->"
SECTIONS = [
    ("tiers[].", "Tiers"),
    ("countries[].inspectorate.", "Countries: labour inspectorate"),
    ("countries[].", "Countries"),
    ("sectors[].", "Sectors"),
    ("buyers[].", "Buyers"),
    ("parameters.compliance.", "Behaviour: the compliance decision"),
    ("parameters.production.", "Behaviour: orders, overtime and subcontracting"),
    ("parameters.workers.", "Behaviour: workers' outcomes"),
    ("parameters.", "Firms: definitions"),
    ("interventions[type=", "Interventions: the levers' keys (docs/model/interventions.md)"),
]
NUMERIC = {"number", "integer", "list of numbers", "map of name to number", "boolean", "choice"}


def parse_reference(markdown):
    """Rows of `supplysim reference`: key -> (type, default, allowed, meaning)."""
    rows = {}
    for line in markdown.splitlines():
        m = re.match(r"^\| `([^`]+)` \| ([^|]*) \| ([^|]*) \| ([^|]*) \| (.*) \|$", line)
        if m:
            default = m.group(3).strip().strip("`")
            rows[m.group(1)] = (m.group(2).strip(), default, m.group(4).strip(), m.group(5).strip())
    return rows


def matches(pattern, key):
    p, k = pattern.split("."), key.split(".")
    return len(p) == len(k) and all(a == "*" or a == b for a, b in zip(p, k))


def fmt(v):
    if isinstance(v, dict):
        return ", ".join(f"{k} {fmt(x)}" for k, x in v.items())
    if isinstance(v, list):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def baseline_values(scenario, key):
    """The baseline's values for a reference key, e.g. 'bangladesh 0.85; viet_nam 0.55'."""
    if key.startswith("interventions["):
        return "—"  # the baseline has no interventions
    parts = key.split(".")
    head = parts[0]
    if head.endswith("[]"):
        items = scenario.get(head[:-2], []) or []
        out = []
        for item in items:
            node = item
            for p in parts[1:]:
                node = node.get(p) if isinstance(node, dict) else None
                if node is None:
                    break
            out.append(f"{item.get('name', '?')} {fmt(node)}" if node is not None else f"{item.get('name', '?')} (default)")
        return "; ".join(out) if any(not o.endswith("(default)") for o in out) else "default"
    node = scenario
    for p in parts:
        node = node.get(p) if isinstance(node, dict) else None
        if node is None:
            return "default"
    return fmt(node)


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def generate(registry, reference, scenario):
    sources = {s["id"]: s for s in registry["sources"]}
    entries = registry["parameters"]
    out = []
    counts = {"evidence": 0, "assumption": 0, "calibrated": 0}
    lever_counts = dict(counts)
    done = set()
    for prefix, title in SECTIONS:
        rows = []
        for e in entries:
            if not e["key"].startswith(prefix) or e["key"] in done:
                continue
            done.add(e["key"])
            keys = [k for k in reference if matches(e["key"], k) and reference[k][0] in NUMERIC] or [e["key"]]
            cited = ", ".join(f"[{sid}](#{sid.replace('_', '-')})" for sid in e.get("sources", []) or [])
            basis = e.get("note", "")
            if e.get("measures"):
                basis = f"Measures: {e['measures']} {basis}"
            status = e["status"]
            (lever_counts if prefix.startswith("interventions") else counts)[status] += len(keys)
            for i, k in enumerate(keys):
                typ, default, allowed, meaning = reference.get(k, ("", "", "", ""))
                first = i == 0
                rows.append("| `{}` | {} | {} | {} | {} | {} | {} | {} |".format(
                    k, cell(default or "—"), cell(baseline_values(scenario, k)), cell(allowed), cell(meaning),
                    f"**{status}**" if first else "″", cited if first else "″",
                    cell(basis) if first else "″ (see above)"))
        if rows:
            out.append(f"\n### {title}\n")
            out.append("| key | default | baseline | allowed | meaning | status | sources | basis |")
            out.append("|---|---|---|---|---|---|---|---|")
            out.extend(rows)
    total, levers = sum(counts.values()), sum(lever_counts.values())
    summary = (f"\n{total} parameter keys: {counts['evidence']} read off published evidence, "
               f"{counts['calibrated']} calibrated, {counts['assumption']} assumptions. "
               f"{levers} lever keys: {lever_counts['evidence']} read off published evidence, "
               f"{lever_counts['calibrated']} calibrated, {lever_counts['assumption']} assumptions.\n")
    src = ["\n### Sources\n"]
    for s in registry["sources"]:
        anchor = s["id"]
        flag = " **Secondary: seen in a summary, check the original.**" if s.get("secondary") else ""
        src.append(f'<a id="{anchor.replace("_", "-")}"></a>**{anchor}** ({s.get("year", "")}). {s["citation"]} '
                   f'Reports: {s.get("figures", "")}{flag}\n')
    return "\n".join([summary] + out + src)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--supplysim", help="the supplysim program (runs `reference` on the scenario)")
    ap.add_argument("--reference", help="saved output of `supplysim reference` instead of running the program")
    ap.add_argument("--scenario", default=os.path.join(ROOT, "scenarios", "baseline.yaml"))
    ap.add_argument("--reference-scenario", default=os.path.join(ROOT, "scenarios", "reference_example.yaml"),
                    help="scenario whose `supplysim reference` describes the keys (every section and lever present)")
    ap.add_argument("--evidence", default=os.path.join(ROOT, "sim", "input", "evidence", "evidence.yaml"))
    ap.add_argument("--output", default=os.path.join(ROOT, "docs", "model", "parameters.md"))
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the output is out of date")
    args = ap.parse_args()
    if args.reference:
        reference_md = open(args.reference, encoding="utf-8").read()
    elif args.supplysim:
        reference_md = subprocess.run([args.supplysim, "reference", args.reference_scenario], check=True,
                                      capture_output=True, text=True).stdout
    else:
        ap.error("give --supplysim or --reference")
    registry = yaml.safe_load(open(args.evidence, encoding="utf-8"))
    scenario = yaml.safe_load(open(args.scenario, encoding="utf-8"))
    generated = generate(registry, parse_reference(reference_md), scenario)
    text = open(args.output, encoding="utf-8").read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{args.output}: missing the markers {BEGIN} ... {END}")
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    new = before + BEGIN + "\n" + generated + "\n" + END + after
    if args.check:
        if new != text:
            print(f"{args.output} is out of date: run docs/tools/gen_parameters.py --supplysim <bin>", file=sys.stderr)
            return 1
        return 0
    if new != text:
        open(args.output, "w", encoding="utf-8").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
