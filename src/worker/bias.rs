//! Clarify's bias metrics in the worker: the analysis of one side, its
//! bootstrap intervals and, for the current data, bias drift against the
//! same analysis of the baseline.

use tideline_engine::bias::fairness::FairnessOptions;
use tideline_engine::bias::{
    bias_drift, bias_violations, fairness_for_config, judge_beyond_noise, metric_intervals, run_bias, AnalysisConfig,
    BootstrapOptions,
};

use super::datasets::Datasets;
use crate::protocol::{BiasResult, Reply, Side};

/// Runs the analysis; a config that cannot run gives `BiasFailed`.
pub(super) fn bias_reply(datasets: &Datasets, side: Side, config: AnalysisConfig) -> Reply {
    let started = js_sys::Date::now();
    let run = match run_bias(datasets.analysed(side), &config) {
        Ok(run) => run,
        Err(e) => return Reply::BiasFailed { message: e.to_string() },
    };
    let metrics_millis = js_sys::Date::now() - started;
    let intervals = metric_intervals(&run, &BootstrapOptions::default());
    let (drift, violations) = if side == Side::Current && datasets.table(Side::Baseline).n_rows > 0 {
        match run_bias(datasets.table(Side::Baseline), &config) {
            Ok(baseline) => {
                let mut checks = bias_drift(&baseline.analysis, &run.analysis);
                judge_beyond_noise(&mut checks, &intervals);
                let violations = bias_violations(&checks).to_json();
                (checks, Some(violations))
            }
            Err(_) => (Vec::new(), None),
        }
    } else {
        (Vec::new(), None)
    };
    let options = FairnessOptions { bootstrap: Some(BootstrapOptions::default()), ..FairnessOptions::default() };
    let fairness = match fairness_for_config(datasets.analysed(side), &config, &options) {
        Ok(report) => report.to_json(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    Reply::Bias(Box::new(BiasResult {
        side,
        config,
        run,
        intervals,
        fairness,
        drift,
        violations,
        metrics_millis,
        millis: js_sys::Date::now() - started,
    }))
}
