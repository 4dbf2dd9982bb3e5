//! The Overview: one traffic light per area, so an analyst sees at a glance
//! which view to open. The rules are deliberately simple and stated in each
//! headline; the views hold the detail.
//!
//! - Data quality: red when Model Monitor reports any violation.
//! - Drift: red when the dataset drifts (drifted share of features at or
//!   above the preset's threshold), amber when some feature, the label or a
//!   model output drifts.
//! - Model quality: compares the current data's realised metrics with the
//!   baseline's; amber past a 0.02 drop (5 % relative for error metrics),
//!   red past 0.05 (10 %). Sampling noise alone rarely moves a metric of a
//!   few thousand labelled rows by 0.02; the Monitoring view judges each
//!   window against the reference's own variability instead.
//! - Bias: the Bias view's rule of thumb per metric (`Metric::is_concern`:
//!   disparate impact outside [0.8, 1.25], other metrics past their
//!   concern level). Red when bias drift beyond noise (the current bootstrap
//!   interval excludes the baseline value) leaves a metric past its
//!   threshold; amber when any metric is past its threshold, or drift beyond
//!   noise left them all within (Model Monitor flags any move away from no
//!   bias, so sampling noise alone trips its rule).
//! - Attributions: red when a label's NDCG is under Clarify's threshold.
//! - Timeline: red when a check is in alert at the last window, amber when
//!   one was in alert earlier.
//! - Personal data: amber while a flagged column is neither masked nor left out.

use serde::{Deserialize, Serialize};
use tideline_engine::bias::Metric;
pub use tideline_engine::model_quality::higher_is_better;
use tideline_engine::timeline::{AlertState, Timeline};

use crate::inputs::{
    AttributionSection, BiasSection, DataQualitySection, DriftSection, ModelQualitySection, PiiSection, ReportInputs,
};

/// A light's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    /// Did not run (the headline says what it needs).
    Grey,
    /// Nothing to report.
    Green,
    /// Worth a look.
    Amber,
    /// Fails its check.
    Red,
}

impl Light {
    /// The word shown beside the colour (never colour alone).
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Grey => "not run",
            Self::Green => "ok",
            Self::Amber => "look",
            Self::Red => "fails",
        }
    }
}

/// An area of the analysis, each with its own view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Model Monitor's data-quality checks.
    DataQuality,
    /// Drift tests.
    Drift,
    /// Realised model quality.
    ModelQuality,
    /// Clarify bias metrics and bias drift.
    Bias,
    /// SHAP attributions and attribution drift.
    Attributions,
    /// The monitoring timeline.
    Timeline,
    /// The personal-data scan.
    PersonalData,
}

impl Area {
    /// Every area, in the Overview's order.
    pub const ALL: [Self; 7] = [
        Self::DataQuality,
        Self::Drift,
        Self::ModelQuality,
        Self::Bias,
        Self::Attributions,
        Self::Timeline,
        Self::PersonalData,
    ];

    /// The area's name as shown.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::DataQuality => "Data quality",
            Self::Drift => "Drift",
            Self::ModelQuality => "Model quality",
            Self::Bias => "Bias",
            Self::Attributions => "Attributions",
            Self::Timeline => "Timeline",
            Self::PersonalData => "Personal data",
        }
    }

    /// A stable key (`data-testid`s, anchors).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::DataQuality => "data-quality",
            Self::Drift => "drift",
            Self::ModelQuality => "model-quality",
            Self::Bias => "bias",
            Self::Attributions => "attributions",
            Self::Timeline => "timeline",
            Self::PersonalData => "personal-data",
        }
    }
}

/// One area's light and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaStatus {
    /// The area.
    pub area: Area,
    /// Its light.
    pub light: Light,
    /// One sentence: the finding, or what the area needs to run.
    pub headline: String,
}

/// Every area's light.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Overview {
    /// In [`Area::ALL`] order.
    pub areas: Vec<AreaStatus>,
}

impl Overview {
    /// The worst light of the areas that ran (`Grey` when none did).
    #[must_use]
    pub fn worst(&self) -> Light {
        self.areas.iter().map(|a| a.light).max().unwrap_or(Light::Grey)
    }

    /// The status of `area`.
    #[must_use]
    pub fn get(&self, area: Area) -> Option<&AreaStatus> {
        self.areas.iter().find(|a| a.area == area)
    }
}

/// Every area's light from the results at hand.
#[must_use]
pub fn overview(inputs: &ReportInputs) -> Overview {
    let areas = Area::ALL
        .into_iter()
        .map(|area| {
            let (light, headline) = match area {
                Area::DataQuality => inputs
                    .data_quality
                    .as_ref()
                    .map_or_else(|| (Light::Grey, "Needs a baseline and current data.".to_owned()), data_quality),
                Area::Drift => inputs
                    .drift
                    .as_ref()
                    .map_or_else(|| (Light::Grey, "Needs a baseline and current data.".to_owned()), drift),
                Area::ModelQuality => inputs.model_quality.as_ref().map_or_else(
                    || (Light::Grey, "Needs a label and a prediction or score column on both sides.".to_owned()),
                    model_quality_light,
                ),
                Area::Bias => inputs.bias.as_ref().map_or_else(
                    || (Light::Grey, "Needs a label column and a facet (e.g. sex, age).".to_owned()),
                    bias,
                ),
                Area::Attributions => inputs.attributions.as_ref().map_or_else(
                    || (Light::Grey, "Needs a model, a surrogate or Clarify attributions.".to_owned()),
                    attributions,
                ),
                Area::Timeline => inputs
                    .timeline
                    .as_ref()
                    .map_or_else(|| (Light::Grey, "Needs a timestamp column or a window size.".to_owned()), timeline),
                Area::PersonalData => inputs
                    .pii
                    .as_ref()
                    .map_or_else(|| (Light::Grey, "Scanned when files are loaded.".to_owned()), personal_data),
            };
            AreaStatus { area, light, headline }
        })
        .collect();
    Overview { areas }
}

fn data_quality(section: &DataQualitySection) -> (Light, String) {
    let failed = section.checks.iter().filter(|c| !c.passed).count();
    let total = section.checks.len();
    if failed == 0 {
        (Light::Green, format!("All {total} Model Monitor checks pass."))
    } else {
        (Light::Red, format!("{failed} of {total} Model Monitor checks are violated."))
    }
}

fn drift(section: &DriftSection) -> (Light, String) {
    let r = &section.report;
    let outputs = r.output_drift_text();
    let light = if r.dataset_drift {
        Light::Red
    } else if r.n_drifted > 0 || outputs.is_some() {
        Light::Amber
    } else {
        Light::Green
    };
    let outputs = outputs.map(|o| format!(" Also {o}.")).unwrap_or_default();
    (light, format!("{}.{outputs}", r.share_text()))
}

/// How much worse `current` is than `baseline`, as a share of the red
/// tolerance (1.0 = at the red line, 0.4 = at the amber line).
fn worsening(metric: &str, baseline: f64, current: f64) -> f64 {
    if higher_is_better(metric) {
        (baseline - current) / 0.05
    } else if baseline > 0.0 {
        (current - baseline) / baseline / 0.10
    } else {
        0.0
    }
}

fn worsening_light(w: f64) -> Light {
    if w >= 1.0 {
        Light::Red
    } else if w >= 0.4 {
        Light::Amber
    } else {
        Light::Green
    }
}

/// One metric's light, by the rule the Model quality light applies to the
/// worst of them: red when a higher-is-better metric lost 0.05 or an error
/// grew by 10 %, amber at 40 % of that; grey when either value is undefined.
#[must_use]
pub fn metric_light(metric: &str, baseline: f64, current: f64) -> Light {
    if !baseline.is_finite() || !current.is_finite() {
        return Light::Grey;
    }
    worsening_light(worsening(metric, baseline, current))
}

/// The rule of [`metric_light`] in words, for a table's caption.
pub const METRIC_RULE: &str =
    "red when a score (accuracy, F1, AUC, R²…) falls by 0.05 or more, or an error (MAE, RMSE, MSE) grows by 10 % or more; amber from 40 % of that";

/// The Model quality light and its sentence: the worst change of a
/// followed metric against its tolerance.
#[must_use]
pub fn model_quality_light(section: &ModelQualitySection) -> (Light, String) {
    let mut worst: Option<(&str, f64, f64, f64)> = None;
    for (metric, current) in &section.current {
        let Some((_, baseline)) = section.baseline.iter().find(|(m, _)| m == metric) else { continue };
        if !baseline.is_finite() || !current.is_finite() {
            continue;
        }
        let w = worsening(metric, *baseline, *current);
        if worst.is_none_or(|(_, _, _, x)| w > x) {
            worst = Some((metric, *baseline, *current, w));
        }
    }
    let Some((metric, baseline, current, w)) = worst else {
        return (Light::Grey, "No metric could be computed on both sides.".to_owned());
    };
    let light = worsening_light(w);
    let verb = if light == Light::Green { "Largest change" } else { "Worst change" };
    (light, format!("{verb}: {metric} {baseline:.4} on the baseline, {current:.4} now."))
}

/// True when a metric's value is past its rule-of-thumb threshold, the
/// Bias view's rule ([`Metric::is_concern`]).
fn concern(metric: &str, value: f64) -> bool {
    Metric::parse(metric).is_some_and(|m| m.is_concern(value))
}

fn bias(section: &BiasSection) -> (Light, String) {
    let moved: Vec<_> = section.drift.iter().filter(|c| c.beyond_noise).collect();
    let material_drift: Vec<_> =
        moved.iter().filter(|c| c.current.is_some_and(|v| concern(&c.metric_name, v))).collect();
    if let Some(first) = material_drift.first() {
        return (
            Light::Red,
            format!(
                "Bias drift: {} of {} metrics moved away from no bias beyond their bootstrap interval; {} of {}={} is now {:.3}, past its rule-of-thumb threshold.",
                moved.len(),
                section.drift.len(),
                first.metric_name,
                first.facet,
                first.facet_value,
                first.current.unwrap_or(f64::NAN)
            ),
        );
    }
    let Some((run, side)) =
        section.current.as_ref().map(|r| (r, "current")).or_else(|| section.baseline.as_ref().map(|r| (r, "baseline")))
    else {
        return (Light::Grey, "The bias analysis has no result.".to_owned());
    };
    let concerns = run.analysis.concerns();
    if let Some(first) = concerns.first() {
        return (
            Light::Amber,
            format!(
                "{} metrics beyond their rule-of-thumb thresholds on the {side} data (first: {} of {}={} is {:.3}).",
                concerns.len(),
                first.metric,
                first.facet,
                first.facet_value,
                first.value
            ),
        );
    }
    if let Some(first) = moved.first() {
        return (
            Light::Amber,
            format!(
                "{} of {} metrics moved away from no bias beyond their bootstrap interval (first: {} of {}={}), none past its rule-of-thumb threshold.",
                moved.len(),
                section.drift.len(),
                first.metric_name,
                first.facet,
                first.facet_value
            ),
        );
    }
    if section.drift.is_empty() {
        let why = if section.baseline.is_none() && section.current.is_some() {
            " No bias drift: the baseline's metrics could not be computed."
        } else {
            ""
        };
        (Light::Green, format!("No metric beyond its rule-of-thumb threshold.{why}"))
    } else {
        (
            Light::Green,
            format!(
                "No metric beyond its rule-of-thumb threshold; no bias drift beyond noise in {} metrics.",
                section.drift.len()
            ),
        )
    }
}

fn attributions(section: &AttributionSection) -> (Light, String) {
    let worst = section.ndcg.iter().copied().fold(f64::INFINITY, f64::min);
    if !worst.is_finite() {
        return (Light::Grey, "No NDCG could be computed.".to_owned());
    }
    let threshold = section.threshold;
    if section.violation {
        (Light::Red, format!("Attribution drift: NDCG {worst:.4} is under {threshold:.2}."))
    } else {
        (Light::Green, format!("Feature rankings hold: NDCG {worst:.4} (threshold {threshold:.2})."))
    }
}

fn timeline(timeline: &Timeline) -> (Light, String) {
    let Some(last) = timeline.windows.len().checked_sub(1) else {
        return (Light::Grey, "The timeline has no window.".to_owned());
    };
    let in_alert =
        |c: &&tideline_engine::timeline::CheckTimeline, w: usize| c.alert_states.get(w) == Some(&AlertState::InAlert);
    let now: Vec<_> = timeline.checks.iter().filter(|c| in_alert(c, last)).collect();
    let ever = timeline.checks.iter().filter(|c| (0..=last).any(|w| in_alert(c, w))).count();
    let total = timeline.checks.len();
    let windows = timeline.windows.len();
    if let Some(first) = now.first() {
        (
            Light::Red,
            format!(
                "{} of {total} checks are in alert at the last of {windows} windows (first: {}).",
                now.len(),
                first.name
            ),
        )
    } else if ever > 0 {
        (
            Light::Amber,
            format!("{ever} of {total} checks were in alert earlier; none is at the last of {windows} windows."),
        )
    } else {
        (Light::Green, format!("No alert in {total} checks over {windows} windows."))
    }
}

fn personal_data(section: &PiiSection) -> (Light, String) {
    let mut flagged: Vec<&str> =
        section.baseline.flagged().chain(section.current.flagged()).map(|c| c.column.as_str()).collect();
    flagged.sort_unstable();
    flagged.dedup();
    let open: Vec<&str> = flagged.iter().copied().filter(|c| !section.actions.iter().any(|(a, _)| a == c)).collect();
    if flagged.is_empty() {
        (Light::Green, "No personal data found in the text columns.".to_owned())
    } else if open.is_empty() {
        (Light::Green, format!("{} column(s) with personal data are masked or left out.", flagged.len()))
    } else {
        (Light::Amber, format!("Personal data in {}: mask or leave out before exporting.", open.join(", ")))
    }
}
