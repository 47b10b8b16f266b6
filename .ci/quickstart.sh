#!/usr/bin/env bash
# Quick start on a fresh Debian 12 machine: installs packages, builds, runs the baseline and a
# policy scenario as parameter ensembles over the calibration posterior (10 draws of 2 replicates each,
# the same draws in both: docs/uncertainty.md), and compares them: a table on screen, a figure and a
# memo in out/ (replaced when the quick start runs again). The analysis is the Python package
# the build installs into build-rel/python (docs/python.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
bash .ci/build.sh
mkdir -p out
analysis=build-rel/python/bin/supplysim-analysis
policy=${SUPPLYSIM_POLICY_SCENARIO:-scenarios/programme_2017_21.yaml}
# --force: a second quick start replaces the results of the first.
uncertainty=scenarios/calibrated_uncertainty.yaml
./build-rel/sim/supplysim run scenarios/baseline.yaml -o out/baseline.h5 --uncertainty "$uncertainty" --threads 2 --force
./build-rel/sim/supplysim run "$policy" -o out/policy.h5 --uncertainty "$uncertainty" --threads 2 --force
"$analysis" compare out/baseline.h5 out/policy.h5 --at 2020-12 --at 2022-12 --at 2030-12 --force \
  --indicator compliance.osh,compliance.wages,below_minimum_wage,excess_hours,injury_rate,child_labour \
  --by country --csv out/comparison.csv --markdown out/comparison.md
"$analysis" plot out/baseline.h5 out/policy.h5 --indicator compliance.osh --by country --force \
  -o out/compliance_osh.png
cat > out/memo.yaml <<MEMO
title: The ILO programme of action in garment and electronics supply chains
question: >-
  What would the programme of action on decent work in global supply chains (ratification campaigns,
  strategic labour inspection, formalisation, social dialogue and an international framework agreement,
  Better Work, SCORE, SYMAPRO and sectoral programmes, due diligence, social protection, grievance
  mechanisms and an EPZ action plan, 2017-2021) change for working conditions, and for whom?
baseline: baseline
scenarios:
  - {label: baseline, file: baseline.h5}
  - {label: programme of action, file: policy.h5}
dates: [2020-12, 2022-12, 2030-12]
indicators: [compliance.osh, compliance.wages, below_minimum_wage, excess_hours, injury_rate, union_density, informal_share]
groups: [country*gender, tier]
MEMO
"$analysis" memo out/memo.yaml -o out/memo --force
echo
echo "Results in out/: baseline.h5, policy.h5, comparison.csv/.md, compliance_osh.png, memo/memo.pdf (.html, .docx)"
