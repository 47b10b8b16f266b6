"""What each scenario assumes, in words: its levers (where they are configured and where they act), and
every setting where its resolved scenario differs from the baseline's.

Where a lever acts is not always where it is configured. Buyer levers (`purchasing_practices`,
`due_diligence`, `joint_liability`) select buyers (named, or sourcing in the lever's sectors and
countries) and then act at all of those buyers' suppliers, in every country they source from; BUYER_LEVERS
and `buyers_in` follow the engine's `lever::buyers_in` (sim/interventions/intervention.cpp) until the
engine writes each lever's reach into the result file. Programmes limited to named buyers reach those
buyers' suppliers in the lever's countries.
"""
from __future__ import annotations

import yaml

from .periods import month_name, parse_date
from .readable import country_list, join_words, value_name

BUYER_LEVERS = {"purchasing_practices", "due_diligence", "joint_liability"}
LEVER_NAMES = {
    "ratification": "Ratification", "inspection": "Labour inspection", "better_work": "Better Work",
    "score": "SCORE", "symapro": "SYMAPRO", "sector_programme": "Sectoral programme",
    "ppp_funding": "Lead-firm (PPP) funding of supplier assistance", "ifa": "International framework agreement",
    "social_dialogue": "Social dialogue", "joint_liability": "Joint liability of lead firms",
    "due_diligence": "Due diligence by lead firms", "purchasing_practices": "Buyers' purchasing practices",
    "formalization": "Formalisation", "epz_action_plan": "EPZ action plan",
    "social_protection": "Employment-injury insurance", "grievance_mechanism": "Grievance mechanisms",
}
COMMON_KEYS = {"type", "name", "where", "start", "end", "ramp", "ramp_months"}
IGNORED_KEYS = {"name", "description", "seed"}
# Described lever by lever, or (uncertainty) in the method section from the files' /uncertainty, whichever
# way the ensemble was set (scenario block or `run --uncertainty`): not as key differences.
LISTED_SECTIONS = ("interventions", "assessments", "uncertainty")
DEFAULT = "(default)"   # a key absent from a resolved scenario takes the engine's default


def scenario_yaml(attrs: dict) -> dict:
    try:
        doc = yaml.safe_load(str(attrs.get("scenario_yaml", "")) or "{}")
    except yaml.YAMLError:
        return {}
    return doc if isinstance(doc, dict) else {}


def _names(items) -> list:
    return [str(i.get("name")) for i in items or [] if isinstance(i, dict) and i.get("name")]


def countries_of(doc: dict) -> list:
    return _names(doc.get("countries"))


def buyers_in(doc: dict, where: dict) -> list:
    """The buyers a buyer lever selects: named ones, or those in its sectors sourcing in its countries."""
    named, sectors, countries = (list(where.get(k) or []) for k in ("buyers", "sectors", "countries"))
    out = []
    for b in doc.get("buyers") or []:
        if not isinstance(b, dict):
            continue
        shares = b.get("country_share") or {}
        if named and b.get("name") not in named:
            continue
        if sectors and b.get("sector") not in sectors:
            continue
        if any((not countries or c in countries) and float(v or 0) > 0 for c, v in shares.items()):
            out.append(b)
    return out


def sourcing_countries(doc: dict, buyers: list) -> list:
    """Countries (in the scenario's order) where any of `buyers` sources."""
    used = {c for b in buyers for c, v in (b.get("country_share") or {}).items() if float(v or 0) > 0}
    return [c for c in countries_of(doc) if c in used]


def lever_reach(iv: dict, doc: dict) -> list:
    """Countries where a lever can change outcomes."""
    where = iv.get("where") or {}
    configured = list(where.get("countries") or []) or countries_of(doc)
    if iv.get("type") in BUYER_LEVERS:
        return sourcing_countries(doc, buyers_in(doc, where))
    if where.get("buyers"):
        named = [b for b in doc.get("buyers") or [] if isinstance(b, dict) and b.get("name") in where["buyers"]]
        return [c for c in sourcing_countries(doc, named) if c in configured]
    return [c for c in countries_of(doc) if c in configured]


def _where_text(where: dict) -> str:
    parts = []
    if where.get("countries"):
        parts.append(country_list(where["countries"]))
    if where.get("sectors"):
        parts.append(f"{join_words(where['sectors'])} sector{'s' if len(where['sectors']) > 1 else ''}")
    if where.get("tiers"):
        parts.append(join_words(value_name("tier", t) for t in where["tiers"]))
    if where.get("buyers"):
        parts.append(f"buyer{'s' if len(where['buyers']) > 1 else ''} {join_words(map(_buyer, where['buyers']))}")
    for key in ("firm_size", "epz", "formality"):
        if where.get(key) not in (None, "", "any"):
            parts.append(f"{key.replace('_', ' ')} {where[key]}")
    return "; ".join(parts) if parts else "all countries"


def _buyer(name) -> str:
    return str(name).replace("_", " ")


def _month(text) -> str:
    try:
        return month_name(parse_date(text))
    except Exception:          # a hand-written scenario may hold anything; show it as written
        return str(text)


def _pace(iv: dict) -> str:
    ramp, months = iv.get("ramp", "step"), iv.get("ramp_months")
    if ramp == "step" or not months:
        return "at full strength at once"
    return {"linear": f"phased in linearly over {months} months",
            "logistic": f"phased in along an S-curve over {months} months"}.get(ramp, f"{ramp} ramp over {months} months")


def setting_text(value) -> str:
    """A setting as the scenario file writes it (YAML booleans, not Python's)."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def describe_lever(iv: dict, doc: dict) -> dict:
    """title, configured, acts (or ''), when, pace, settings of one intervention."""
    kind = str(iv.get("type", "?"))
    where = iv.get("where") or {}
    title = LEVER_NAMES.get(kind, kind.replace("_", " ").capitalize())
    if kind == "ratification" and iv.get("convention"):
        title = f"Ratification of {iv['convention']}"
    if iv.get("name"):
        title += f" ({iv['name']})"
    when = f"from {_month(iv.get('start', '?'))}" + (f" to {_month(iv['end'])}" if iv.get("end") else "")
    if kind == "ratification" and iv.get("lag_months"):
        when += f", taking effect after {iv['lag_months']} months"
    acts = ""
    reach = lever_reach(iv, doc)
    where_text = _where_text(where)
    if kind in BUYER_LEVERS and not buyers_in(doc, where):
        where_text += " (no buyer of the scenario is selected: the lever has no effect)"
    elif kind in BUYER_LEVERS:
        buyers = join_words(_buyer(b.get("name")) for b in buyers_in(doc, where))
        if where.get("countries") and not where.get("buyers"):
            where_text = f"buyers sourcing in {country_list(where['countries'])} ({buyers})"
        elif not where.get("buyers"):
            where_text = f"all buyers ({buyers})" if not where.get("sectors") else \
                f"buyers in the {join_words(where['sectors'])} sector ({buyers})"
        acts = f"acting at all their suppliers, in {country_list(reach) or 'no country'}"
    elif where.get("buyers") and reach:
        acts = f"reaching their suppliers in {country_list(reach)}"
    settings = [f"{k} {setting_text(v)}" for k, v in iv.items() if k not in COMMON_KEYS
                and k != "convention" and not isinstance(v, (dict, list))]
    return dict(type=kind, title=title, configured=where_text, acts=acts, when=when, pace=_pace(iv),
                settings=", ".join(settings), reach=reach, countries=list(where.get("countries") or []))


def lever_line(lever: dict) -> str:
    """One line for the scenario section: what, where, when."""
    where = lever["configured"] + (f", {lever['acts']}" if lever["acts"] else "")
    return f"{lever['title']}: {where}; {lever['when']}, {lever['pace']}."


def reach_sentences(levers: list, doc: dict, affected) -> str:
    """Where the levers are configured, where buyer levers act beyond that, and where effects appear
    (`affected`: countries with a clear effect, None when the files are not disaggregated by country)."""
    if not levers:
        return ""
    countries = countries_of(doc)
    named = [c for c in countries if any(c in lv["countries"] for lv in levers)]
    everywhere = [lv for lv in levers if not lv["countries"] and set(lv["reach"]) >= set(countries)]
    text = []
    if named:
        more = f"; {len(everywhere)} of the {len(levers)} apply in every country" if everywhere else ""
        text.append(f"The levers are configured for {country_list(named)}{more}.")
    elif everywhere:
        text.append("The levers apply in every country.")
    for lv in levers:
        beyond = [c for c in lv["reach"] if c not in lv["countries"]]
        if lv["type"] in BUYER_LEVERS and lv["countries"] and beyond:
            text.append(f"{lv['title']} is limited to {country_list(lv['countries'])} in the scenario, but it selects "
                        f"{lv['configured']}, which act at all their suppliers: it also reaches workers in "
                        f"{country_list(beyond)}.")
    if affected is not None:
        if affected:
            unnamed = [c for c in affected if c not in named] if not everywhere else []
            text.append(f"Effects appear in {country_list(affected)}: at least one of the measures below changes "
                        "clearly there.")
            if unnamed:
                text.append(f"{country_list(unnamed)} {'is' if len(unnamed) == 1 else 'are'} named by no lever: "
                            "the effects there come from levers that act through buyers or along the chain.")
        else:
            text.append("No country shows a clear change in the measures below.")
    return " ".join(text)


def flatten(obj, prefix="") -> dict:
    """Nested scenario YAML -> {'countries.bangladesh.minimum_wage': 100, ...}; named list items by name."""
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(obj, list) and obj and all(isinstance(v, dict) for v in obj):
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{prefix}{v.get('name', i)}."))
    else:
        out[prefix.rstrip(".")] = obj
    return out


def differences(base: dict, other: dict) -> list:
    """Every key (outside the levers) where `other`'s resolved scenario differs from `base`'s."""
    base = {k: v for k, v in base.items() if k not in LISTED_SECTIONS}
    other = {k: v for k, v in other.items() if k not in LISTED_SECTIONS}
    a, b = flatten(base), flatten(other)
    keys = [k for k in list(b) + [k for k in a if k not in b] if k.split(".")[-1] not in IGNORED_KEYS
            and not k.endswith("source")]
    return [dict(key=k, before=_show(a.get(k, DEFAULT)), after=_show(b.get(k, DEFAULT)))
            for k in keys if a.get(k) != b.get(k)]


def _show(v) -> str:
    return DEFAULT if v == DEFAULT else f"`{setting_text(v)}`"


def find_sources(doc, path="") -> list:
    """(key path, text) for every `source`/`sources` string in a scenario YAML."""
    found = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            here = f"{path}.{k}" if path else str(k)
            if k in ("source", "sources") and isinstance(v, (str, list)):
                for text in (v if isinstance(v, list) else [v]):
                    found.append((path or "(scenario)", str(text)))
            else:
                found += find_sources(v, here)
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            name = v.get("name", i) if isinstance(v, dict) else i
            found += find_sources(v, f"{path}.{name}" if path else str(name))
    return found


def world_text(doc: dict) -> str:
    """'120,000 workers in 3 countries (Bangladesh 50,000, ...), 2 sectors, 4 tiers, 4 buyers'."""
    countries = [c for c in doc.get("countries") or [] if isinstance(c, dict)]
    if not countries:
        return ""
    sizes = [(c.get("name"), c.get("workers")) for c in countries]
    total = sum(int(w) for _, w in sizes if isinstance(w, (int, float)))
    each = ", ".join(f"{value_name('country', n)} {int(w):,}" for n, w in sizes if isinstance(w, (int, float)))
    parts = [f"{total:,} workers in {len(countries)} "
             f"{'countries' if len(countries) > 1 else 'country'} ({each})"]
    for key, word in (("sectors", "sector"), ("tiers", "supplier tier"), ("buyers", "lead-firm buyer")):
        names = _names(doc.get(key))
        if names:
            shown = [value_name("tier", n) if key == "tiers" else _buyer(n) for n in names]
            parts.append(f"{len(names)} {word}{'s' if len(names) > 1 else ''} ({join_words(shown)})")
    return join_words(parts)
