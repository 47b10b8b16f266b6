"""The memo's findings in words, generated from the comparison table so that text and numbers cannot
drift apart.

Each effect gets a state: better or worse (when the measure's `direction` attribute says which way is
better), up or down (when it does not), unclear (its interval includes zero, or its sign does not hold
in 90% of parameter draws), unchanged (zero in every replicate) or undefined (no interval: too few
replicates with workers in the group). Verdicts look at every group shown, not only at all workers: a
measure that improves overall while it worsens in two of three countries is called mixed, never an
improvement, and a loss is never called a gain.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .memo_numbers import MeasureFormat
from .periods import Period
from .readable import dimension_name, group_name, join_words, measure_label, preposition

BETTER, WORSE, UP, DOWN = "better", "worse", "up", "down"
UNCLEAR, UNCHANGED, UNDEFINED = "unclear", "unchanged", "undefined"
CLEAR = (BETTER, WORSE, UP, DOWN)
SUMMARY_MAX, SUMMARY_MIN = 5, 3
LIST_ALL_UP_TO = 4          # groups of one kind listed one by one; more are summarised by their range
PLURAL = {"country": "countries", "tier": "tiers", "sector": "sectors", "age_band": "age bands"}


@dataclass
class Measure:
    """A measure as the memo names and writes it."""
    name: str
    label: str
    description: str
    kind: str
    units: str
    better: str          # 'higher', 'lower' or '' (the file does not say, or neither way is better)
    level: str           # worker or firm
    fmt: MeasureFormat

    @classmethod
    def of(cls, info, rows: pd.DataFrame) -> "Measure":
        return cls(info.name, measure_label(info.name, info.attrs), info.description, info.kind, info.units,
                   info.better, info.level, MeasureFormat.for_rows(info.kind, info.units, rows))

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: lower-case first letter unless it starts with an acronym."""
        first = self.label.split(" ")[0]
        return self.label if first.isupper() or first[1:2].isupper() else self.label[:1].lower() + self.label[1:]

    @property
    def unit_suffix(self) -> str:
        """What follows a level in a sentence: ' of workers', ' injuries per 1,000 workers per month'."""
        if self.kind == "share":
            return " " + self.units[len("share "):] if self.units.startswith("share of ") else ""
        if self.kind == "ratio" or not self.units or self.units == "ratio":
            return ""
        return " " + self.units


def state(row, better: str) -> str:
    if row.difference == 0 and row.low == 0 and row.high == 0:
        return UNCHANGED
    if not (np.isfinite(row.low) and np.isfinite(row.high)):
        return UNDEFINED
    if row.flag:
        return UNCLEAR
    rises = row.difference > 0
    if not better:
        return UP if rises else DOWN
    return BETTER if rises == (better == "higher") else WORSE


def period_phrase(period_text: str) -> str:
    """'in December 2030', 'in 2030 (mean of its 12 months)', 'over January 2025 to ... (mean of N months)'."""
    p = Period.parse(period_text)
    return ("over " if p.kind == "window" else "in ") + p.describe()


def worlds(row) -> str:
    """'9 of 10 plausible worlds' from the share of parameter draws whose effect has the sign shown."""
    draws = int(row.draws) if np.isfinite(row.draws) else 0
    if not draws or not np.isfinite(row.p_sign):
        return ""
    return f"{int(round(row.p_sign * draws))} of {draws} plausible worlds"


@dataclass
class Effects:
    """One scenario's effects on one measure: every group and period of the comparison."""
    measure: Measure
    scenario: str
    rows: pd.DataFrame
    headline_period: str
    dims: list                       # the requested dimensions, in the order the memo.yaml gives them
    states: dict = field(default_factory=dict)

    def __post_init__(self):
        self.states = {i: state(r, self.measure.better) for i, r in zip(self.rows.index, self.rows.itertuples())}

    # ---- selections -----------------------------------------------------------------------------
    @property
    def headline(self):
        rows = self.rows[(self.rows["dimension"] == "all") & (self.rows["period"] == self.headline_period)]
        return next(rows.itertuples())

    @property
    def headline_state(self) -> str:
        return self.state_of(self.headline)

    def state_of(self, row) -> str:
        return self.states[row.Index]

    def over_time(self) -> list:
        return list(self.rows[self.rows["dimension"] == "all"].itertuples())

    def groups(self, dim: str) -> list:
        at = self.rows[(self.rows["dimension"] == dim) & (self.rows["period"] == self.headline_period)]
        return list(at.itertuples())

    def all_groups(self) -> list:
        return [r for d in self.dims for r in self.groups(d)]

    @property
    def zero_everywhere(self) -> bool:
        return all(s == UNCHANGED for s in self.states.values())

    def groups_in(self, wanted: str) -> dict:
        """{dimension: [rows]} of groups whose headline effect is in state `wanted`."""
        out = {}
        for d in self.dims:
            rows = [r for r in self.groups(d) if self.state_of(r) == wanted]
            if rows:
                out[d] = rows
        return out

    @property
    def opposite(self) -> str:
        """The clear state opposite to the overall one (worse for better, down for up)."""
        return {BETTER: WORSE, WORSE: BETTER, UP: DOWN, DOWN: UP}.get(self.headline_state, "")

    @property
    def verdict_class(self) -> str:
        """improved, worsened, mixed, rises, falls, unclear, unchanged or undefined: for the verdict."""
        s = self.headline_state
        if s in (BETTER, WORSE):
            if self.groups_in(self.opposite):
                return "mixed"
            return "improved" if s == BETTER else "worsened"
        if s in (UP, DOWN):
            return "mixed_no_direction" if self.groups_in(self.opposite) else ("rises" if s == UP else "falls")
        if s == UNCLEAR and (self.groups_in(BETTER) or self.groups_in(WORSE)) and self.measure.better:
            return "mixed"
        return s

    # ---- numbers in words -------------------------------------------------------------------------
    def change(self, row) -> str:
        return self.measure.fmt.change(row.difference)

    def interval_words(self, row, short: bool = False) -> str:
        """'95% CI +1.2 to +3.4 pp' (plain files) or the ensemble's interval and robustness."""
        fmt = self.measure.fmt
        ci = fmt.interval(row.low, row.high, unit=True)
        if row.method == "ensemble":
            where = worlds(row)
            way = "higher" if row.difference > 0 else "lower"
            if short:
                return f"{way} than in the baseline in {where}" if where else f"95% interval {ci}"
            return f"95% interval over parameter draws and replicates {ci}" + (
                f"; {way} than in the baseline in {where}" if where else "")
        return f"95% CI {ci}"


# ---- sentences ----------------------------------------------------------------------------------------

SUBJECT = {"share": "the share", "rate": "the rate", "count": "the number", "ratio": "the ratio"}
VERDICT = {BETTER: "an improvement", WORSE: "a deterioration"}


def verdict_words(e: Effects) -> str:
    """', an improvement', ', a deterioration for workers as a whole' ... or '' when there is no direction."""
    s = e.headline_state
    if s not in VERDICT:
        return ""
    return f", {VERDICT[s]} for {e.measure.level}s as a whole" if e.groups_in(e.opposite) else f", {VERDICT[s]}"


def headline_sentence(e: Effects) -> str:
    """'In December 2030, the share falls from 28.7% to 20.5% of workers (−8.2 pp; 95% CI ...), an improvement.'"""
    m, r, s = e.measure, e.headline, e.headline_state
    when = period_phrase(e.headline_period)
    lead = f"{when[:1].upper()}{when[1:]}, {SUBJECT.get(m.kind, 'the value')}"
    base, value = m.fmt.level(r.baseline), m.fmt.level(r.value)
    if s == UNDEFINED:
        return f"{when[:1].upper()}{when[1:]}, no effect can be estimated: fewer than two replicates have workers."
    if s == UNCHANGED:
        return f"{lead} is {value}{m.unit_suffix} in both scenarios, in every replicate."
    if s == UNCLEAR:
        if r.method == "ensemble":
            robust = (f"it moves this way in only {worlds(r)}, so the direction is not robust" if worlds(r)
                      else "the direction is not robust")
        else:
            robust = "the runs do not establish whether it rises or falls"
        return (f"{lead} is {value}{m.unit_suffix} against {base} in the baseline "
                f"({e.change(r)}; {e.interval_words(r)}): {robust}.")
    verb = "rises" if r.difference > 0 else "falls"
    return (f"{lead} {verb} from {base} to {value}{m.unit_suffix} ({e.change(r)}; "
            f"{e.interval_words(r)}){verdict_words(e)}.")


def over_time_sentence(e: Effects) -> str:
    rows = e.over_time()
    if len(rows) < 2:
        return ""
    parts = []
    for r in rows:
        s = e.state_of(r)
        note = {UNCLEAR: " (not established)" if r.method != "ensemble" else " (not robust)",
                UNDEFINED: " (no estimate)", UNCHANGED: " (no change in any replicate)"}.get(s, "")
        parts.append(f"{e.change(r)} {period_phrase(r.period)}{note}")
    return f"Change from the baseline over time: {join_words(parts)}."


def _named(e: Effects, rows: list) -> str:
    """'Bangladesh (+57.3 pp) and Indonesia (+20.1 pp)', largest first, or a range when there are many."""
    rows = sorted(rows, key=lambda r: -abs(r.difference))
    names = [f"{group_name(r.dimension, r.group, e.measure.level)} ({e.change(r)})" for r in rows]
    if len(rows) <= LIST_ALL_UP_TO:
        return join_words(names)
    return f"{len(rows)} groups, from {names[-1]} to {names[0]}"


KIND_WORDS = {BETTER: "better", WORSE: "worse", UP: "up", DOWN: "down", UNCLEAR: "no clear change",
              UNCHANGED: "unchanged", UNDEFINED: "no estimate"}


def dimension_sentence(e: Effects, dim: str) -> str:
    """'By country: better in Bangladesh (+57.3 pp) and Indonesia (+20.1 pp); worse in Viet Nam (−7.1 pp).'"""
    rows = e.groups(dim)
    if not rows or all(e.state_of(r) == UNCHANGED for r in rows):
        return ""
    by_state = {}
    for r in rows:
        by_state.setdefault(e.state_of(r), []).append(r)
    parts = []
    for s in (BETTER, UP, WORSE, DOWN, UNCLEAR, UNCHANGED, UNDEFINED):
        if s not in by_state:
            continue
        group_rows = by_state[s]
        if s in (UNCHANGED, UNDEFINED):
            names = join_words(group_name(r.dimension, r.group, e.measure.level) for r in group_rows)
        else:
            names = _named(e, group_rows)
        word = preposition(dim)
        if len(group_rows) == len(rows) > 1 and s in CLEAR:
            scope = f"{word} both: " if len(rows) == 2 else f"{word} all {len(rows)}: "
        else:
            scope = f"{word} "
        parts.append(f"{KIND_WORDS[s]} {scope}{names}")
    return f"By {dimension_name(dim)}: {'; '.join(parts)}."


def _groups_phrase(e: Effects, found: dict, values: bool = False) -> str:
    """'2 of 3 countries: Viet Nam and Indonesia' for the groups in `found` {dimension: rows}, with
    their effects when `values`; dimensions without a plural word are named by their groups alone."""
    out = []
    for d, rows in found.items():
        if values:
            text = _named(e, rows)
        else:
            text = join_words(group_name(r.dimension, r.group, e.measure.level) for r in rows)
        total = len(e.groups(d))
        if d in PLURAL and total > 1:
            text = f"{preposition(d)} {len(rows)} of {total} {PLURAL[d]}: {text}"
        else:
            text = f"{preposition(d)} {text}"
        out.append(text)
    return "; ".join(out)


def summary_bullet(e: Effects) -> str:
    """One line of the executive summary: '**Label**: down from 28.7% to 20.5% of workers (−8.2 pp; 95% CI
    ...), an improvement; most in ..., least in ...' (a label is a name, not always a grammatical subject)."""
    m, r, s = e.measure, e.headline, e.headline_state
    if s == UNCLEAR and r.method == "ensemble" and worlds(r):
        way = "up" if r.difference > 0 else "down"
        text = (f"**{m.label}**: {way} in only {worlds(r)}, so the direction is not robust "
                f"({m.fmt.level(r.baseline)} to {m.fmt.level(r.value)}{m.unit_suffix}; {e.change(r)}, 95% interval "
                f"{m.fmt.interval(r.low, r.high, unit=True)})")
    elif s == UNCLEAR:
        text = (f"**{m.label}**: no clear change, {m.fmt.level(r.value)} against {m.fmt.level(r.baseline)}"
                f"{m.unit_suffix} in the baseline ({e.change(r)}; {e.interval_words(r, short=True)})")
    else:
        way = "up" if r.difference > 0 else "down"
        text = (f"**{m.label}**: {way} from {m.fmt.level(r.baseline)} to {m.fmt.level(r.value)}{m.unit_suffix} "
                f"({e.change(r)}; {e.interval_words(r, short=True)}){verdict_words(e)}")
    opposite = e.groups_in(e.opposite) if e.opposite else {}
    if opposite:
        text += f"; but {KIND_WORDS[e.opposite]} {_groups_phrase(e, opposite, values=True)}"
    elif s in CLEAR:
        spread = _spread(e)
        if spread:
            text += f"; {spread}"
    return text + "."


def _spread(e: Effects) -> str:
    """For the first dimension shown: 'most in Bangladesh (+57.3 pp), least in Viet Nam (+10.2 pp)' when
    every group moves the same clear way, else its groups by state ('by country: up in North (+20.3 pp);
    no clear change in South (+3.3 pp)')."""
    for d in e.dims:
        groups = e.groups(d)
        rows = [r for r in groups if e.state_of(r) == e.headline_state]
        if len(groups) < 2:
            continue
        if len(rows) == len(groups):
            rows = sorted(rows, key=lambda r: -abs(r.difference))
            most, least = rows[0], rows[-1]
            word = preposition(d)
            return (f"most {word} {group_name(most.dimension, most.group, e.measure.level)} ({e.change(most)}), "
                    f"least {word} {group_name(least.dimension, least.group, e.measure.level)} ({e.change(least)})")
        sentence = dimension_sentence(e, d)
        return (sentence[:1].lower() + sentence[1:-1]).replace("; ", ", ") if sentence else ""
    return ""


def summary_effects(effects: list) -> list:
    """The three to five effects the summary names: every loss first (never hidden), then the largest
    clear changes by relative size."""
    shown = [e for e in effects if not e.zero_everywhere and e.headline_state != UNDEFINED]
    losses = [e for e in shown if e.verdict_class in ("worsened", "mixed")]
    rest = [e for e in shown if e not in losses and e.headline_state in CLEAR]
    rest.sort(key=lambda e: -abs(e.headline.relative) if np.isfinite(e.headline.relative) else 0)
    chosen = losses + rest
    if len(chosen) < SUMMARY_MIN:
        chosen += [e for e in shown if e not in chosen][:SUMMARY_MIN - len(chosen)]
    return chosen[:max(SUMMARY_MAX, len(losses))]


def scenario_verdict(effects: list, groups_shown: bool) -> str:
    """The summary's opening: one word for the whole only when every measure and group earns it; else
    labelled lists (Better: ... Worse: ...), so that no loss hides behind an average."""
    live = [e for e in effects if not e.zero_everywhere]
    by_class = {}
    for e in live:
        by_class.setdefault(e.verdict_class, []).append(e)

    def names(key: str) -> str:
        return join_words(e.measure.in_sentence for e in by_class.get(key, []))

    def mixed_list(key: str) -> str:
        """'compliance on wages, worse in 1 of 2 countries: Viet Nam' for each measure of class `key`."""
        out = []
        for e in by_class.get(key, []):
            if e.opposite:
                found, word = e.groups_in(e.opposite), KIND_WORDS[e.opposite]
                overall = KIND_WORDS[e.headline_state]
            else:                   # no clear overall change, but clear changes in some groups
                found = {**e.groups_in(BETTER), **e.groups_in(WORSE)} or {**e.groups_in(UP), **e.groups_in(DOWN)}
                word, overall = "clear changes", "no clear change"
            out.append(f"{e.measure.in_sentence} ({overall} overall, {word} {_groups_phrase(e, found)})")
        return "; ".join(out)

    directed = [e for e in live if e.measure.better]
    parts = []
    if directed:
        improved, worsened, mixed = (by_class.get(k, []) for k in ("improved", "worsened", "mixed"))
        if improved and not worsened and not mixed:
            count = {1: "the measure", 2: "both measures"}.get(len(improved), f"all {len(improved)} measures")
            shown = " and for every group shown" if groups_shown else ""
            parts.append(f"{count[:1].upper() + count[1:]} with a clear effect "
                         f"{'improve' if len(improved) > 1 else 'improves'}, for {directed[0].measure.level}s as "
                         f"a whole{shown}.")
        elif worsened and not improved and not mixed:
            parts.append(f"Every measure with a clear effect worsens: {names('worsened')}.")
        elif improved or worsened or mixed:
            parts.append("The results are mixed.")
            if improved:
                parts.append(f"Better: {names('improved')}.")
            if mixed:
                parts.append(f"Different for different groups: {mixed_list('mixed')}.")
            if worsened:
                parts.append(f"Worse: {names('worsened')}.")
    undirected = [e for e in live if not e.measure.better]
    if undirected:
        if not directed:
            parts.append("The result files do not say which direction of change is better for these measures, "
                         "so this memo reports rises and falls without judging them.")
        for key, word in (("rises", "Up"), ("falls", "Down")):
            if by_class.get(key):
                parts.append(f"{word}{' (no better direction)' if directed else ''}: {names(key)}.")
        if by_class.get("mixed_no_direction"):
            parts.append(f"Different for different groups: {mixed_list('mixed_no_direction')}.")
    if by_class.get(UNCLEAR):
        parts.append(f"No clear change: {names(UNCLEAR)}.")
    text = " ".join(p for p in parts if p)
    return text or "No measure shows a clear change."


def unchanged_sentence(effects: list) -> str:
    zero = [e.measure.in_sentence for e in effects if e.zero_everywhere]
    if not zero:
        return ""
    verb = "is" if len(zero) == 1 else "are"
    return (f"{join_words(zero)[:1].upper() + join_words(zero)[1:]} {verb} the same in both scenarios in every "
            "replicate, group and period; the findings leave "
            f"{'it' if len(zero) == 1 else 'them'} out.")


def group_sentences(e: Effects) -> list:
    return [s for s in (dimension_sentence(e, d) for d in e.dims) if s]


def effects_for(df: pd.DataFrame, measures: dict, scenarios: list, headline: str, dims: list) -> dict:
    """{scenario: [Effects per measure, in the memo's order]}."""
    out = {}
    for scen in scenarios:
        out[scen] = [Effects(m, scen, df[(df["indicator"] == name) & (df["scenario"] == scen)], headline, dims)
                     for name, m in measures.items()]
    return out

