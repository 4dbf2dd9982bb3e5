//! The last result of every analysis, kept by the worker so the Overview's
//! lights and every export read the very numbers the views show. A result
//! belongs to the data it was computed on: each is stamped with the
//! datasets' version, and only those of the data loaded now count.

use tideline_engine::timeline::Timeline;
use tideline_report::{
    overview, AttributionSection, BiasSection, DataQualitySection, DriftSection, ModelQualitySection, Overview,
    ReportInputs,
};

use super::datasets::Datasets;
use crate::protocol::explain::ExplainResult;
use crate::protocol::{BiasResult, DataQualityResult, Reply, Side};

/// A result and the version of the data it was computed on.
struct Stamped<T> {
    version: u64,
    value: T,
}

/// Every analysis' last result.
#[derive(Default)]
pub(super) struct Latest {
    drift: Option<Stamped<DriftSection>>,
    model_quality: Option<Stamped<Option<ModelQualitySection>>>,
    data_quality: Option<Stamped<DataQualitySection>>,
    bias: Option<Stamped<BiasSection>>,
    attributions: Option<Stamped<AttributionSection>>,
    timeline: Option<Stamped<Timeline>>,
}

fn current<T: Clone>(slot: Option<&Stamped<T>>, version: u64) -> Option<T> {
    slot.filter(|s| s.version == version).map(|s| s.value.clone())
}

impl Latest {
    /// Keeps what `reply` carries, if it is an analysis' result, computed on
    /// `datasets` as they are now; true when it was one.
    pub(super) fn record(&mut self, reply: &Reply, datasets: &Datasets) -> bool {
        let version = datasets.version();
        match reply {
            Reply::Drift { report, sparklines, .. } => {
                let value = DriftSection { report: report.clone(), histograms: sparklines.clone() };
                self.drift = Some(Stamped { version, value });
            }
            Reply::ModelQuality(q) => self.model_quality = Some(Stamped { version, value: q.result.section.clone() }),
            Reply::DataQuality(q) => self.data_quality = Some(Stamped { version, value: data_quality(q) }),
            Reply::Bias(b) => self.bias = Some(Stamped { version, value: bias(b) }),
            Reply::Timeline(t) => self.timeline = Some(Stamped { version, value: t.timeline.clone() }),
            Reply::Explained(e) => self.attributions = Some(Stamped { version, value: attributions(e) }),
            // A failed run leaves no result for the data as it is now.
            Reply::BiasFailed { .. } => self.bias = None,
            Reply::TimelineFailed { .. } => self.timeline = None,
            _ => return false,
        }
        true
    }

    /// The results of the data loaded now, with its schemas and scans
    /// (`meta`, `files` and `settings` are the caller's to fill).
    pub(super) fn inputs(&self, datasets: &Datasets) -> ReportInputs {
        let version = datasets.version();
        let loaded = |side| {
            let s = datasets.summary(side);
            (s.rows > 0).then_some(s)
        };
        ReportInputs {
            baseline: loaded(Side::Baseline),
            current: loaded(Side::Current),
            drift: current(self.drift.as_ref(), version),
            data_quality: current(self.data_quality.as_ref(), version),
            model_quality: current(self.model_quality.as_ref(), version).flatten(),
            bias: current(self.bias.as_ref(), version),
            attributions: current(self.attributions.as_ref(), version),
            timeline: current(self.timeline.as_ref(), version),
            pii: datasets.any_rows().then(|| datasets.pii_section()),
            ..ReportInputs::default()
        }
    }

    /// The Overview's lights for the data loaded now.
    pub(super) fn overview(&self, datasets: &Datasets) -> Overview {
        overview(&self.inputs(datasets))
    }
}

fn data_quality(q: &DataQualityResult) -> DataQualitySection {
    q.section.clone()
}

fn bias(b: &BiasResult) -> BiasSection {
    let (baseline, current) = match b.side {
        Side::Baseline => (Some(b.run.clone()), None),
        Side::Current => (None, Some(b.run.clone())),
    };
    BiasSection {
        config: b.config.clone(),
        baseline,
        current,
        drift: b.drift.clone(),
        violations: b.violations.clone(),
    }
}

fn attributions(e: &ExplainResult) -> AttributionSection {
    AttributionSection {
        method: e.method.clone(),
        surrogate: e.surrogate,
        labels: e.labels.clone(),
        features: e.features.clone(),
        baseline_global: e.baseline.global.clone(),
        current_global: e.current.global.clone(),
        ndcg: e.ndcg.clone(),
        threshold: tideline_engine::explain::DEFAULT_NDCG_THRESHOLD,
        violation: e.violation,
        analysis_json: None,
    }
}
