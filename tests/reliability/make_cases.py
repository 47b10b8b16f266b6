#!/usr/bin/env python3
"""Writes the malformed-input table: tests/reliability/malformed/*.yaml and expectations.tsv.

Each case is a small valid scenario (BASE) with one defect. The line a message must point at is the
line marked `#<` in the case (or given explicitly). Run this after changing a case, then commit both
the files and expectations.tsv; run_malformed.py checks the engine against them.
Columns of expectations.tsv: case file, file the message must name (relative to malformed/), line
(0: no line), field ('-': none), a fragment of the problem text.
"""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "malformed"

BASE = """\
name: case
start: 2020-01
end: 2020-12
seed: 7
replicates: 1
tiers:
  - name: tier1
    worker_share: 0.7
    mean_firm_size: 50
  - name: tier2
    worker_share: 0.3
    homework: false
countries:
  - name: alpha
    workers: 1000
    informality: 0.5
    hours_limit: 48
    youth_share: 0.3
    older_share: 0.05
    law_strength: {osh: 0.5, wages: 0.5}
    ratified:
      - {convention: C87, date: 2000-01}
    inspectorate:
      targeting: random
      follow_up_delay_months: 3
      reach: {epz: 1.0, tiers: [1, 0.5]}
  - name: beta
    workers: 500
sectors:
  - name: garment
    country_share: {alpha: 1, beta: 1}
    female_share: {tier1: 0.8}
buyers:
  - name: buyer
    sector: garment
    country_share: {alpha: 0.5, beta: 0.5}
    price_pressure: 0.5
parameters:
  compliance: {review_rate: 0.08}
outputs:
  dimensions: [gender, tier]
"""

CASES = []  # (name, text, field, fragment, file, line)


def case(name, field, fragment, old=None, new=None, text=None, file=None, line=None):
    """A case from BASE with line `old` replaced by `new` (new may hold several lines; mark with #<)."""
    if text is None:
        assert old is not None and BASE.count(old + "\n") == 1, (name, old)
        text = BASE.replace(old + "\n", (new + "\n") if new else "", 1)
    if line is None:
        marked = [i + 1 for i, l in enumerate(text.splitlines()) if "#<" in l]
        line = marked[0] if marked else 0
    CASES.append((name, text, field, fragment, file, line))


# --- wrong types -------------------------------------------------------------------------------
case("type_workers_text", "countries[0].workers", "expected a whole number", "    workers: 1000", "    workers: many #<")
case("type_workers_fraction", "countries[0].workers", "expected a whole number", "    workers: 1000", "    workers: 1000.5 #<")
case("type_name_list", "name", "expected non-empty text, got a list", "name: case", "name: [a, b] #<")
case("type_start_not_month", "start", "expected a month as YYYY-MM", "start: 2020-01", "start: January 2020 #<")
case("type_homework_not_bool", "tiers[1].homework", "expected true or false", "    homework: false", "    homework: maybe #<")
case("type_tiers_map", "tiers", "expected a list", "tiers:", "tiers: {tier1: 1} #<\nunused_tiers:")
case("type_parameters_scalar", "parameters", "expected a map of settings", "parameters:", "parameters: 5 #<\nunused_parameters:")
case("type_law_strength_text", "countries[0].law_strength.osh", "expected a number", "    law_strength: {osh: 0.5, wages: 0.5}",
     "    law_strength: {osh: high, wages: 0.5} #<")
case("type_reach_tier_text", "countries[0].inspectorate.reach.tiers[1]", "expected a number",
     "      reach: {epz: 1.0, tiers: [1, 0.5]}", "      reach: {epz: 1.0, tiers: [1, half]} #<")
case("type_dimensions_scalar", "outputs.dimensions", "expected a list of names", "  dimensions: [gender, tier]", "  dimensions: gender #<")
case("type_seed_fraction", "seed", "expected a whole number", "seed: 7", "seed: 1.5 #<")
case("type_replicates_text", "replicates", "expected a whole number", "replicates: 1", "replicates: ten #<")
case("type_country_share_list", "sectors[0].country_share", "expected a map from names to numbers",
     "    country_share: {alpha: 1, beta: 1}", "    country_share: [1, 1] #<")
case("type_tier_entry_scalar", "tiers[0]", "expected a map of settings", "  - name: tier1\n    worker_share: 0.7\n    mean_firm_size: 50".split("\n")[0],
     "  - tier1 #<\n  - name: tier0", )
case("type_targeting_list", "countries[0].inspectorate.targeting", "expected one of", "      targeting: random", "      targeting: [random] #<")
case("type_number_nan", "countries[0].informality", "expected a number", "    informality: 0.5", "    informality: .nan #<")
case("type_number_inf", "countries[0].hours_limit", "expected a number", "    hours_limit: 48", "    hours_limit: .inf #<")

# --- out of range --------------------------------------------------------------------------------
case("range_workers_zero", "countries[0].workers", "out of range", "    workers: 1000", "    workers: 0 #<")
case("range_workers_negative", "countries[1].workers", "out of range", "    workers: 500", "    workers: -5 #<")
case("range_informality", "countries[0].informality", "out of range", "    informality: 0.5", "    informality: 1.5 #<")
case("range_hours_limit", "countries[0].hours_limit", "out of range", "    hours_limit: 48", "    hours_limit: 200 #<")
case("range_compression", "outputs.compression", "out of range", "  dimensions: [gender, tier]",
     "  dimensions: [gender, tier]\n  compression: 12 #<")
case("range_replicates_zero", "replicates", "out of range", "replicates: 1", "replicates: 0 #<")
case("range_review_rate", "parameters.compliance.review_rate", "out of range", "  compliance: {review_rate: 0.08}",
     "  compliance: {review_rate: 0} #<")
case("range_price_pressure", "buyers[0].price_pressure", "out of range", "    price_pressure: 0.5", "    price_pressure: 2 #<")
case("range_seed_negative", "seed", "out of range", "seed: 7", "seed: -1 #<")
case("range_follow_up_delay", "countries[0].inspectorate.follow_up_delay_months", "out of range",
     "      follow_up_delay_months: 3", "      follow_up_delay_months: 40 #<")
case("range_age_shares", "countries[0].older_share", "must not exceed 1", "    older_share: 0.05", "    older_share: 0.8 #<")
case("range_firm_size", "tiers[0].mean_firm_size", "out of range", "    mean_firm_size: 50", "    mean_firm_size: 0.5 #<")
case("range_reach_count", "countries[0].inspectorate.reach.tiers", "expected 2 numbers",
     "      reach: {epz: 1.0, tiers: [1, 0.5]}", "      reach: {epz: 1.0, tiers: [1, 0.5, 0.2]} #<")

# --- huge numbers --------------------------------------------------------------------------------
case("huge_workers", "countries[0].workers", "out of range", "    workers: 1000", "    workers: 99999999999999999999999999 #<")
case("huge_seed", "seed", "out of range", "seed: 7", "seed: 18446744073709551616 #<")
case("huge_float", "countries[0].informality", "expected a number", "    informality: 0.5", "    informality: 1e999 #<")
case("huge_total_workers", "countries", "more than 2,000,000,000 workers", "    workers: 500",
     "    workers: 2000000000", line=14,
     text=BASE.replace("    workers: 1000\n", "    workers: 2000000000\n").replace("    workers: 500\n", "    workers: 2000000000\n"))
case("huge_replicates", "replicates", "out of range", "replicates: 1", "replicates: 1000000000 #<")

# --- unknown keys ----------------------------------------------------------------------------------
case("unknown_top_level", "workerz", "unknown key", "seed: 7", "seed: 7\nworkerz: 5 #<")
case("unknown_country_key", "countries[0].minimum_wag", 'did you mean "minimum_wage"', "    workers: 1000",
     "    workers: 1000\n    minimum_wag: 100 #<")
case("unknown_parameter", "parameters.compliance.reviewrate", 'did you mean "review_rate"',
     "  compliance: {review_rate: 0.08}", "  compliance: {reviewrate: 0.08} #<")
case("unknown_inspectorate_key", "countries[0].inspectorate.targetting", 'did you mean "targeting"',
     "      targeting: random", "      targetting: random #<")
case("unknown_outputs_key", "outputs.dimension", 'did you mean "dimensions"', "  dimensions: [gender, tier]", "  dimension: [gender] #<")
case("unknown_choice_value", "countries[0].inspectorate.targeting", 'did you mean "risk_based"',
     "      targeting: random", "      targeting: risk_base #<")
case("unknown_dimension", "outputs.dimensions[0]", 'did you mean "gender"', "  dimensions: [gender, tier]", "  dimensions: [gendr, tier] #<")
case("unknown_area", "countries[0].law_strength.safety", "unknown key", "    law_strength: {osh: 0.5, wages: 0.5}",
     "    law_strength: {safety: 0.5, wages: 0.5} #<")
case("duplicate_key", "workers", "duplicate key", "    workers: 1000", "    workers: 1000\n    workers: 2000 #<")

# --- missing required keys ---------------------------------------------------------------------------
case("missing_name", "name", "missing required key", "name: case", "", line=1)
case("missing_worker_share", "tiers[1].worker_share", "missing required key", "    worker_share: 0.3", "", line=10)
case("missing_buyer_sector", "buyers[0].sector", "missing required key", "    sector: garment", "", line=34)
case("missing_convention", "countries[0].ratified[0].convention", "missing required key",
     "      - {convention: C87, date: 2000-01}", "      - {date: 2000-01} #<")
case("missing_country_name", "countries[1].name", "missing required key", "  - name: beta", "  - nam: beta #<")
case("missing_countries", "countries", "missing required key", None, None, line=1,
     text="name: case\ntiers:\n  - {name: t, worker_share: 1}\n")
case("missing_all_sections", "tiers", "missing required key", None, None, line=1, text="name: case\n")

# --- dates outside the horizon or calendar --------------------------------------------------------
case("date_end_before_start", "end", "is before the start month", "end: 2020-12", "end: 2019-12 #<")
case("date_horizon_too_long", "end", "longer than 100 years", "end: 2020-12", "end: 2199-12 #<")
case("date_start_before_calendar", "start", "out of range", "start: 2020-01", "start: 1850-01 #<")
case("date_end_after_calendar", "end", "out of range", "end: 2020-12", "end: 2201-01 #<")
case("date_month_13", "start", "out of range", "start: 2020-01", "start: 2020-13 #<")
case("date_ratification_outside", "countries[0].ratified[0].date", "out of range",
     "      - {convention: C87, date: 2000-01}", "      - {convention: C87, date: 1850-01} #<")

# --- shares that do not sum ----------------------------------------------------------------------------
case("shares_tiers", "tiers", "must sum to 1", "    worker_share: 0.3", "    worker_share: 0.2", line=7)
case("shares_sector_country", "sectors", 'country_share for "beta" must sum to 1', "    country_share: {alpha: 1, beta: 1}",
     "    country_share: {alpha: 1, beta: 0.6}", line=30)
case("shares_buyer", "buyers[0].country_share", "shares must sum to 1", "    country_share: {alpha: 0.5, beta: 0.5}",
     "    country_share: {alpha: 0.5, beta: 0.4} #<")
case("shares_no_buyer", "buyers", 'no buyer sources there', "    country_share: {alpha: 0.5, beta: 0.5}",
     "    country_share: {alpha: 1}", line=34)

# --- references to things that do not exist -----------------------------------------------------------
case("ref_country", "sectors[0].country_share.gamma", '"gamma" is not defined', "    country_share: {alpha: 1, beta: 1}",
     "    country_share: {alpha: 1, beta: 1, gamma: 0} #<")
case("ref_country_typo", "buyers[0].country_share.alfa", 'did you mean "alpha"', "    country_share: {alpha: 0.5, beta: 0.5}",
     "    country_share: {alfa: 0.5, beta: 0.5} #<")
case("ref_tier", "sectors[0].female_share.tier3", '"tier3" is not defined', "    female_share: {tier1: 0.8}",
     "    female_share: {tier3: 0.8} #<")
case("ref_sector", "buyers[0].sector", 'unknown value "electronics"', "    sector: garment", "    sector: electronics #<")
case("ref_duplicate_country", "countries[1].name", 'duplicate name "alpha"', "  - name: beta", "  - name: alpha #<",
     )

# --- extends ----------------------------------------------------------------------------------------------
case("extends_missing_file", "extends", "file not found", None, None, line=1, text="extends: no_such_file.yaml #<\nname: x\n")
case("extends_cycle_self", "extends", "cycle of extends", None, None, line=1, text="extends: extends_cycle_self.yaml #<\nname: x\n")
case("extends_cycle_a", "extends", "cycle of extends", None, None, file="extends_cycle_b.yaml", line=1,
     text="extends: extends_cycle_b.yaml\nname: a\n")
# A name longer than the system allows (ENAMETOOLONG): found by fuzzing the sweep loader, where it aborted.
case("extends_name_too_long", "extends", "File name too long", None, None, line=1,
     text="extends: " + "x" * 300 + ".yaml #<\nname: x\n")
case("extends_not_text", "extends", "expected the path of a scenario file", None, None, line=1, text="extends: [a.yaml] #<\nname: x\n")
case("extends_defect_in_base", "countries[0].workers", "out of range", None, None, file="extends_base_bad.yaml", line=14,
     text="extends: extends_base_bad.yaml\nname: child\n")
case("extends_defect_in_child", "countries[0].workers", "out of range", None, None, line=3,
     text="extends: extends_base_ok.yaml\ncountries:\n  - {name: alpha, workers: -1} #<\n")

# --- inputs that are not files, values left empty, several documents, names that cannot be stored --------
case("extends_device", "extends", "file is a character device, not a regular file: /dev/zero", None, None, line=1,
     text="extends: /dev/zero #<\nname: x\n")
case("extends_folder", "extends", "file is a folder, not a regular file", None, None, line=1, text="extends: . #<\nname: x\n")
case("null_required", "tiers[0].worker_share", "no value given (null)", "    worker_share: 0.7", "    worker_share: #<")
case("null_tilde", "countries[0].informality", "no value given (null)", "    informality: 0.5", "    informality: ~ #<")
case("null_in_child", "seed", "no value given (null)", None, None, line=2, text="extends: extends_base_ok.yaml\nseed: #<\n")
case("multi_document", "-", "a second YAML document (after `---`)", None, None, text=BASE + "---\nseed: 8 #<\n")
case("name_control_character", "tiers[1].name", "contains the control character 0x09", "  - name: tier2",
     '  - name: "tier\\t2" #<')
case("assessment_name_separator", "assessments[0].name", 'contains ";"', None, None,
     text=BASE + 'assessments:\n  - {name: "mid;term", date: 2020-06} #<\n')

# --- YAML syntax, empty files, encoding -------------------------------------------------------------------
case("yaml_tab_indent", "-", "YAML syntax error", "    workers: 1000", "\tworkers: 1000 #<")
case("yaml_unclosed_flow", "-", "YAML syntax error", None, None, line=3, text="name: case\ntiers: [ {name: t, worker_share: 1}\n")
case("yaml_bad_indent", "-", "YAML syntax error", "    informality: 0.5", "      informality: 0.5 #<")
case("yaml_unclosed_quote", "-", "quoted text not closed", None, None, line=1, text='name: "case\nstart: 2020-01\n')
case("yaml_top_level_list", "-", "expected a YAML map of settings at the top level", None, None, line=1, text="- name: case\n")
case("yaml_top_level_scalar", "-", "expected a YAML map of settings at the top level", None, None, line=1, text="just some words\n")
case("yaml_complex_key", "-", "map keys must be plain names", None, None, line=1, text="? [a, b]\n: 1\nname: x\n")
case("yaml_alias_bomb", "-", "document too large", None, None, line=0,
     text="a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
          "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n")
case("yaml_too_deep", "-", "nested too deeply", None, None, line=1, text="name: " + "[" * 100 + "]" * 100 + "\n")
case("empty_file", "-", "the file is empty", None, None, line=1, text="")
case("empty_comments_only", "-", "the file is empty", None, None, line=1, text="# nothing here\n\n")
case("empty_null_document", "-", "the file is empty", None, None, line=1, text="---\n...\n")
case("non_utf8_latin1", "-", "not valid UTF-8", None, None, line=14, text=BASE.replace("  - name: alpha", "  - name: S\xe3o Tom\xe9"))
case("non_utf8_utf16", "-", "not valid UTF-8", None, None, line=1, text="")  # written as UTF-16 below
case("non_utf8_binary", "-", "not valid UTF-8", None, None, line=1, text="\x00\x01\x02\xff\xfe")

EXTRA_FILES = {
    # helpers referenced by the extends cases (valid or with one defect); not cases themselves
    "extends_cycle_b.yaml": "extends: extends_cycle_a.yaml\nname: b\n",
    "extends_base_ok.yaml": BASE,
    "extends_base_bad.yaml": BASE.replace("name: case\n", "").replace("countries:\n  - name: alpha\n    workers: 1000\n",
                                                                    "countries:\n  - name: alpha\n    workers: -3\n"),
}


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.yaml"):
        if not old.name.startswith("sweep_"):
            old.unlink()
    rows = []
    for name, text, field, fragment, file, line in CASES:
        path = OUT / f"{name}.yaml"
        if name == "non_utf8_utf16":
            path.write_bytes("name: case\n".encode("utf-16"))
        else:
            path.write_bytes(text.encode("latin-1") if name.startswith("non_utf8") else text.encode("utf-8"))
        rows.append("\t".join([path.name, file or path.name, str(line), field, fragment]))
    for name, text in EXTRA_FILES.items():
        (OUT / name).write_text(text)
    header = "# case\tfile named\tline\tfield\tmessage fragment  (generated by make_cases.py; sweep rows by hand)\n"
    tsv = HERE / "expectations.tsv"
    sweep_rows = [l for l in tsv.read_text().splitlines() if l.startswith("sweep_")] if tsv.exists() else []
    tsv.write_text(header + "\n".join(rows + sweep_rows) + "\n")
    print(f"{len(rows)} scenario cases, {len(sweep_rows)} sweep cases")


if __name__ == "__main__":
    main()
