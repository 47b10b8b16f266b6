"""Names for people: short labels of measures, dimensions and groups, as a memo writes them.

A measure's label is its `label` attribute in the result file. The engine's catalogue does not write one
yet, so LABELS holds the short labels of the engine's measures until it does (a file's own `label` always
wins); a measure in neither gets its name with the separators turned into words.
"""
from __future__ import annotations

import re

from .groups import CROSS

AREA_LABELS = {
    "osh": "safety and health", "wages": "wages", "working_time": "working time", "contracts": "contracts",
    "freedom_of_association": "freedom of association", "child_labour": "child labour",
    "forced_labour": "forced labour", "discrimination": "non-discrimination",
}
LABELS = {
    **{f"compliance.{a}": f"Compliance on {words}" for a, words in AREA_LABELS.items()},
    **{f"firms_noncompliant.{a}": f"Firms not complying on {words}" for a, words in AREA_LABELS.items()},
    "firms_noncompliant.any": "Firms not complying in any area",
    "wage_to_minimum": "Wage relative to the minimum wage",
    "below_minimum_wage": "Paid below the minimum wage",
    "excess_hours": "Excessive working hours",
    "injury_rate": "Occupational injuries",
    "harassment": "Harassment and violence at work",
    "union_density": "Union membership",
    "informal_share": "Informal employment",
    "subcontracted_share": "Subcontracted work",
    "quit_rate": "Quits",
    "inspection_coverage": "Inspection coverage",
    "child_labour": "Child labour",
    "forced_labour": "Forced labour",
    "better_work_coverage": "Covered by Better Work",
    "programme_coverage": "Covered by an enterprise programme",
    "ifa_coverage": "Covered by a framework agreement",
    "injuries_compensated": "Compensated injuries",
    "employment": "Employment",
}

DIMENSIONS = {
    "country": "country", "sector": "sector", "tier": "tier", "gender": "gender", "age_band": "age",
    "migrant": "migration status", "disability": "disability", "ethnicity": "ethnicity",
    "indigenous": "indigenous identity", "formality": "formality", "firm_size": "firm size", "epz": "EPZ",
}
VALUES = {
    "gender": {"female": "women", "male": "men"},
    "age_band": {"under_18": "under 18", "55_plus": "55 and over"},
    "migrant": {"migrant": "migrants", "non_migrant": "non-migrants"},
    "disability": {"disabled": "with a disability", "not_disabled": "without a disability"},
    "ethnicity": {"minority": "ethnic minority", "majority": "ethnic majority"},
    "indigenous": {"indigenous": "indigenous", "non_indigenous": "non-indigenous"},
}


def measure_label(name: str, attrs: dict | None = None) -> str:
    """The file's `label` attribute, else the engine catalogue's label kept here, else the name in words."""
    label = str((attrs or {}).get("label", "") or "").strip()
    if label:
        return label
    if name in LABELS:
        return LABELS[name]
    words = re.sub(r"[._]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def dimension_name(dimension: str) -> str:
    """'country', 'age', 'country and gender' (a crossing)."""
    return " and ".join(DIMENSIONS.get(d, d.replace("_", " ")) for d in dimension.split(CROSS))


def value_name(dimension: str, value: str) -> str:
    """One component's value in words: 'Viet Nam', 'women', 'tier 1', '18-24'."""
    known = VALUES.get(dimension, {})
    if value in known:
        return known[value]
    if dimension == "country":
        return " ".join(w[:1].upper() + w[1:] for w in value.split("_"))
    tier = re.fullmatch(r"tier_?(\d+)", value)
    if tier:
        return f"tier {tier.group(1)}"
    if re.fullmatch(r"\d+_\d+", value):
        return value.replace("_", "\u2013")
    return value.replace("_", " ")


def group_name(dimension: str, value: str, level: str = "worker") -> str:
    """'all workers', 'Viet Nam', 'Viet Nam, women' (a crossing)."""
    if dimension == "all":
        return f"all {level}s"
    return ", ".join(value_name(d, v) for d, v in zip(dimension.split(CROSS), value.split(CROSS)))


def preposition(dimension: str) -> str:
    """'in Viet Nam', 'in tier 2', but 'for women', 'for migrants'."""
    places = {"country", "sector", "tier", "firm_size", "epz"}
    return "in" if dimension == "all" or set(dimension.split(CROSS)) <= places else "for"


def country_list(names) -> str:
    """'Bangladesh, Viet Nam and Indonesia'."""
    return join_words([value_name("country", n) for n in names])


def join_words(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
