"""The memo's words and numbers piece by piece: number formats, the evidence registry's output, where
levers act."""
import pandas as pd

from supplysim.memo_evidence import parse
from supplysim.memo_numbers import MINUS, NBSP, MeasureFormat
from supplysim.memo_scenarios import describe_lever, reach_sentences
from supplysim.readable import group_name, measure_label


def rows(baseline, value, low, high):
    return pd.DataFrame({"baseline": baseline, "value": value, "difference": [v - b for b, v in zip(baseline, value)],
                         "low": low, "high": high})


def test_share_formats_to_the_precision_of_the_intervals():
    fmt = MeasureFormat.for_rows("share", "share of workers", rows([0.509, 0.4], [0.835, 0.97], [0.305, 0.5],
                                                                   [0.348, 0.6]))
    assert (fmt.level(0.509), fmt.change(0.326), fmt.change(-0.0821)) == ("50.9%", f"+32.6{NBSP}pp", f"{MINUS}8.2{NBSP}pp")
    assert fmt.interval(-0.0893, -0.0744) == f"{MINUS}8.9{NBSP}to{NBSP}{MINUS}7.4"
    assert fmt.change(0.0) == f"0.0{NBSP}pp" and fmt.level_unit == "% of workers"
    narrow = MeasureFormat.for_rows("share", "share of workers", rows([0.074], [0.108], [0.0331], [0.0353]))
    assert narrow.change(0.0342) == f"+3.42{NBSP}pp"          # a half-width of 0.11 pp: two more digits


def test_rates_counts_and_missing_values():
    rate = MeasureFormat.for_rows("rate", "injuries per 1,000 workers per month",
                                  rows([1.602], [1.058], [-0.607], [-0.481]))
    assert (rate.level(1.602), rate.change(-0.544), rate.change_unit) == ("1.60", f"{MINUS}0.544",
                                                                          "injuries per 1,000 workers per month")
    count = MeasureFormat.for_rows("count", "workers", rows([12500.0], [11000.0], [-1800.0], [-1200.0]))
    assert (count.level(12500.0), count.change(-1500.0)) == ("12,500", f"{MINUS}1,500{NBSP}workers")
    assert rate.interval(float("nan"), 1.0) == "n/a" and rate.level(float("nan")) == "n/a"


def test_labels_and_group_names():
    assert measure_label("compliance.osh") == "Compliance on safety and health"
    assert measure_label("compliance.osh", {"label": "OSH compliance"}) == "OSH compliance"
    assert measure_label("new_measure.thing") == "New measure thing"
    assert [group_name(d, v) for d, v in [("all", "all"), ("country", "viet_nam"), ("tier", "tier1"),
                                          ("gender", "female"), ("age_band", "18_24"),
                                          ("country*gender", "viet_nam*male")]] == [
        "all workers", "Viet Nam", "tier 1", "women", "18\u201324", "Viet Nam, men"]


WORLD = {"countries": [{"name": "bangladesh"}, {"name": "viet_nam"}, {"name": "indonesia"}],
         "buyers": [{"name": "fast_fashion", "sector": "garment", "country_share": {"bangladesh": 0.6, "viet_nam": 0.4}},
                    {"name": "devices", "sector": "electronics",
                     "country_share": {"bangladesh": 0.0, "viet_nam": 0.5, "indonesia": 0.5}}]}


def test_a_buyer_lever_limited_to_a_country_acts_wherever_its_buyers_source():
    lever = describe_lever({"type": "due_diligence", "where": {"countries": ["bangladesh"]}, "start": "2019-01",
                            "ramp": "linear", "ramp_months": 24, "subcontract_factor": 0.8}, WORLD)
    assert lever["configured"] == "buyers sourcing in Bangladesh (fast fashion)"
    assert lever["acts"] == "acting at all their suppliers, in Bangladesh and Viet Nam"
    assert lever["reach"] == ["bangladesh", "viet_nam"] and lever["settings"] == "subcontract_factor 0.8"
    text = reach_sentences([lever], WORLD, ["bangladesh", "viet_nam"])
    assert text == ("The levers are configured for Bangladesh. Due diligence by lead firms is limited to Bangladesh in "
                    "the scenario, but it selects buyers sourcing in Bangladesh (fast fashion), which act at all their "
                    "suppliers: it also reaches workers in Viet Nam. Effects appear in Bangladesh and Viet Nam: at "
                    "least one of the measures below changes clearly there. Viet Nam is named by no lever: the effects "
                    "there come from levers that act through buyers or along the chain.")
    # a country lever stays where it is configured
    inspection = describe_lever({"type": "inspection", "where": {"countries": ["indonesia"]}, "start": "2019-01"},
                                WORLD)
    assert (inspection["reach"], inspection["acts"]) == (["indonesia"], "")


SOURCES = """scenario "baseline" (b.h5) relies on 12 parameter keys: 2 backed by published evidence, 1 calibrated, 9 assumptions.
(a results file holds the resolved scenario, so defaults cannot be told apart)

sources:

ILO (2018). Women and men in the informal economy.
    reports: Informal employment 61.2% of global employment.
    evidence for: countries[].informality
    informs assumption: tiers[].informality_exposure

ILO Governing Body (2006). Strategies and practice for labour inspection. [secondary: check the original]
    evidence for: countries[].inspectorate.inspectors_per_10k_workers

calibrated:
    parameters.compliance.law_weight
        Posterior mean of the 2024 calibration.

assumptions (no measured source; awaiting calibration):
    tiers[].worker_share
        Stylised chain: half the workers in tier 1,
        a quarter in tier 2.
    countries[].law_strength.* (8 keys)

keys without an entry in the evidence registry:
    parameters.new_key
"""


def test_the_evidence_registry_output_is_read():
    ev = parse(SOURCES)
    assert ev.counts == {"keys": 12, "evidence": 2, "calibrated": 1, "assumptions": 9}
    assert [c.text for c in ev.citations] == ["ILO (2018). Women and men in the informal economy.",
                                              "ILO Governing Body (2006). Strategies and practice for labour inspection."]
    assert ev.citations[0].evidence_for == ["countries[].informality"]
    assert ev.citations[0].informs == ["tiers[].informality_exposure"] and ev.citations[1].secondary
    assert ev.calibrated == [("parameters.compliance.law_weight", "Posterior mean of the 2024 calibration.")]
    assert ev.assumptions == [("tiers[].worker_share", "Stylised chain: half the workers in tier 1, a quarter in tier 2."),
                              ("countries[].law_strength.* (8 keys)", "")]
    assert ev.unregistered == ["parameters.new_key"] and ev.read
