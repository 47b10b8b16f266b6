"""The evidence a scenario relies on, from the engine's registry: `supplysim sources FILE.h5 --notes`
(sim/cli/sources_command.cpp prints it; the registry is sim/evidence/evidence.yaml).

The memo names the published sources, says how many parameter keys are backed by evidence, calibrated
or assumed (the calibration state), and lists the assumptions. When the engine cannot be found or cannot
read a file the memo says so in its sources section instead of leaving the section silently empty.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .engine_binary import find_engine

COUNTS = re.compile(r"relies on (\d+) parameter keys: (\d+) backed by published evidence, (\d+) calibrated, "
                    r"(\d+) assumptions")
SECONDARY = " [secondary: check the original]"


@dataclass
class Citation:
    text: str
    secondary: bool = False
    reports: str = ""
    evidence_for: list = field(default_factory=list)
    informs: list = field(default_factory=list)


@dataclass
class Evidence:
    counts: dict = field(default_factory=dict)     # keys, evidence, calibrated, assumptions
    citations: list = field(default_factory=list)
    assumptions: list = field(default_factory=list)   # (key, note)
    calibrated: list = field(default_factory=list)    # (key, note)
    unregistered: list = field(default_factory=list)
    error: str = ""                                   # why the registry could not be read

    @property
    def read(self) -> bool:
        return not self.error


def parse(text: str) -> Evidence:
    """The output of `supplysim sources --notes` as an Evidence record."""
    ev = Evidence()
    section, current, key_list = "head", None, None
    for line in text.splitlines():
        if not line.strip() or line.startswith("("):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            m = COUNTS.search(body)
            if m:
                ev.counts = dict(zip(("keys", "evidence", "calibrated", "assumptions"), map(int, m.groups())))
            elif body == "sources:":
                section = "sources"
            elif body.startswith("assumptions"):
                section, key_list = "keys", ev.assumptions
            elif body.startswith("calibrated"):
                section, key_list = "keys", ev.calibrated
            elif body.startswith("keys without an entry"):
                section = "unregistered"
            elif section == "sources":
                current = Citation(body.replace(SECONDARY, ""), secondary=body.endswith(SECONDARY))
                ev.citations.append(current)
            continue
        if section == "sources" and current is not None:
            label, _, value = body.partition(": ")
            if label == "reports":
                current.reports = value
            elif label == "evidence for":
                current.evidence_for.append(value)
            elif label == "informs assumption":
                current.informs.append(value)
        elif section == "keys":
            if indent <= 4:
                key_list.append([body, ""])
            elif key_list:
                key_list[-1][1] = (key_list[-1][1] + " " + body).strip()
        elif section == "unregistered":
            ev.unregistered.append(body)
    ev.assumptions = [tuple(a) for a in ev.assumptions]
    ev.calibrated = [tuple(c) for c in ev.calibrated]
    return ev


def read_evidence(path: Path, engine: Path | None = None) -> Evidence:
    engine = engine or find_engine()
    if engine is None:
        return Evidence(error="the supplysim engine was not found (set SUPPLYSIM_BIN or put supplysim on PATH)")
    try:
        proc = subprocess.run([str(engine), "sources", str(path), "--notes"], capture_output=True, text=True,
                              timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Evidence(error=f"{engine} sources failed ({exc})")
    if proc.returncode != 0:
        message = " ".join(proc.stderr.split()) or f"exit code {proc.returncode}"
        return Evidence(error=f"`supplysim sources` could not read {path.name}: {message}")
    ev = parse(proc.stdout)
    if not ev.counts:
        ev.error = f"`supplysim sources` printed no summary for {path.name}"
    return ev


def merged_citations(evidences: list) -> list:
    """Every citation once, with the keys it supports in any of the scenarios."""
    out = {}
    for ev in evidences:
        for c in ev.citations:
            have = out.setdefault(c.text, Citation(c.text, c.secondary, c.reports))
            have.evidence_for += [k for k in c.evidence_for if k not in have.evidence_for]
            have.informs += [k for k in c.informs if k not in have.informs]
    return list(out.values())


def merged_keys(evidences: list, attribute: str) -> list:
    seen, out = set(), []
    for ev in evidences:
        for key, note in getattr(ev, attribute):
            if key not in seen:
                seen.add(key)
                out.append((key, note))
    return out
