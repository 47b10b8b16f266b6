#!/usr/bin/env python3
"""Builds the libFuzzer seed corpus and dictionaries.

corpus/scenario/: every scenario in scenarios/, each top-level section of them as its own small file
(the fuzz target merges inputs over the baseline, so a lone section reaches deep checks), and the
malformed-input table of tests/reliability/malformed/.
corpus/sweep/: sweep files from sweeps/ and tests/reliability/malformed/sweep_*.yaml, if any.
scenario.dict / sweep.dict: every quoted key name in the loaders, plus YAML punctuation.
"""
import argparse
import hashlib
import pathlib
import re


def put(folder: pathlib.Path, text: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(text).hexdigest()).write_bytes(text)


def sections(text: str):
    """Top-level blocks of a YAML file (a key line and its indented continuation)."""
    block = []
    for line in text.splitlines(keepends=True):
        if line and not line[0].isspace() and not line.startswith("#") and block:
            yield "".join(block)
            block = []
        block.append(line)
    if block:
        yield "".join(block)


def dictionary(sources, path: pathlib.Path) -> None:
    words = set()
    for src in sources:
        if src.exists():
            words.update(re.findall(r'"([a-z][a-z0-9_]{1,40})"', src.read_text(errors="replace")))
    tokens = sorted(words | {"extends", "name"})
    extra = [": ", "\n  - ", "{", "}", "[", "]", "&a", "*a", "---", "1e308", "-1", "0.5", "2017-01", "2031-13",
             "true", "null", "~", "!!binary", "<<", "|", ">-"]
    with path.open("w") as out:
        for i, w in enumerate(tokens):
            out.write(f'k{i}="{w}"\n')
        for i, w in enumerate(extra):
            esc = "".join(c if c.isalnum() or c in " .:-_{}[]&*!<>|~" else "\\x%02X" % ord(c) for c in w)
            out.write(f'p{i}="{esc}"\n')


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    src, out = pathlib.Path(a.source), pathlib.Path(a.out)
    malformed = src / "tests/reliability/malformed"
    for f in sorted((src / "scenarios").glob("**/*.yaml")):
        data = f.read_bytes()
        put(out / "scenario", data)
        for s in sections(data.decode("utf-8", "replace")):
            put(out / "scenario", s.encode())
    for f in sorted(malformed.glob("*.yaml")) if malformed.exists() else []:
        put(out / ("sweep" if f.name.startswith("sweep_") else "scenario"), f.read_bytes())
    # Sweep seeds: the shipped sweeps pointed at the fuzz target's base.yaml (countries a and b,
    # tiers tier1 and tier2, sector garment), plus a few small ones of each design.
    for f in sorted((src / "scenarios/sweeps").glob("*.yaml")) if (src / "scenarios/sweeps").exists() else []:
        t = f.read_text(errors="replace")
        put(out / "sweep", t.encode())
        t = re.sub(r"(?m)^base:.*$", "base: base.yaml", t)
        for old, new in (("bangladesh", "a"), ("viet_nam", "b"), ("indonesia", "b")):
            t = t.replace(old, new)
        put(out / "sweep", t.encode())
    for seed in (
        "base: base.yaml\nparameters:\n  - {path: countries.a.informality, values: [0.1, 0.9]}\n",
        "base: base.yaml\ndesign: lhs\nsamples: 4\nparameters:\n  - {path: seed, min: 1, max: 9, integer: true}\n",
        "base: base.yaml\ndesign: sobol\nsamples: 2\nparameters:\n  - {path: buyers.buyer.price_pressure, min: 0, max: 1}\n"
        "  - {path: countries.b.inspectorate.targeting, values: [random, risk_based]}\n",
        "base: base.yaml\nparameters:\n  - {path: start, values: [2020-01, 2020-06]}\n  - {path: tiers.0.capability, min: 0.1, max: 0.9, steps: 3}\n",
    ):
        put(out / "sweep", seed.encode())
    for folder in ("sweeps", "tests/data"):
        for f in sorted((src / folder).glob("*.yaml")) if (src / folder).exists() else []:
            if "sweep" in f.read_text(errors="replace")[:2000] or folder.startswith("sweeps"):
                put(out / "sweep", f.read_bytes())
    out.mkdir(parents=True, exist_ok=True)
    dictionary([src / "sim/io/scenario_loader.cpp", src / "sim/io/field_reader.cpp"], out / "scenario.dict")
    dictionary([src / "sim/sweep/sweep_file.cpp", src / "sim/io/scenario_loader.cpp"], out / "sweep.dict")
    n = {d.name: len(list(d.iterdir())) for d in out.iterdir() if d.is_dir()}
    print("seed corpus:", ", ".join(f"{k}: {v} files" for k, v in sorted(n.items())))


if __name__ == "__main__":
    main()
