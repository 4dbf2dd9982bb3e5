//! `statistics.json`, exactly as Model Monitor writes it (spec §2.1), and the
//! conversion of a [`DatasetProfile`] into it.
//!
//! `item_count`, `num_present`, `num_missing` and categorical bucket counts
//! are integers, KLL bucket counts and `distinct_count` are floats, and
//! `version` is `0.0`, as in files written by the service. Unknown keys are
//! ignored when reading.
//!
//! Decisions where SageMaker's behaviour is unconfirmed:
//! - Deequ `Boolean` columns are written as `String` (SageMaker's schema has
//!   no Boolean), with `true`/`false` categorical buckets.
//! - `Unknown` (all-null) columns get `string_statistics` with their counts
//!   and `distinct_count` 0, so completeness survives a round trip.
//! - `distinct_count` is exact, where Deequ's HyperLogLog may be approximate.
//! - String columns get categorical buckets (most frequent first) only up to
//!   [`MAX_CATEGORICAL_BUCKETS`] distinct values, Deequ's low-cardinality
//!   limit for histograms; above it, only the counts (no categorical drift
//!   or domain is then possible for that column).
//! - A numeric column with no present value gets no `distribution`.

use serde::{Deserialize, Serialize};

use super::{json_count, kll_buckets, DataQualityError, DatasetProfile, FeatureProfile, KllBucket, KllSketch};
use crate::types::DeequType;

/// Distinct values up to which a String column's buckets are written.
pub const MAX_CATEGORICAL_BUCKETS: usize = 120;

/// A feature's type as `statistics.json` and `constraints.json` write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InferredType {
    /// Whole numbers.
    Integral,
    /// Numbers with a fraction or exponent.
    Fractional,
    /// Anything else (Deequ Boolean included).
    String,
    /// Every value is null.
    Unknown,
}

impl InferredType {
    /// SageMaker's type for a Deequ type (Boolean → String).
    #[must_use]
    pub fn from_deequ(deequ: DeequType) -> Self {
        match deequ {
            DeequType::Integral => Self::Integral,
            DeequType::Fractional => Self::Fractional,
            DeequType::Boolean | DeequType::String => Self::String,
            DeequType::Unknown => Self::Unknown,
        }
    }

    /// The name as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Integral => "Integral",
            Self::Fractional => "Fractional",
            Self::String => "String",
            Self::Unknown => "Unknown",
        }
    }

    /// True for Integral and Fractional.
    #[must_use]
    pub fn is_numeric(self) -> bool {
        matches!(self, Self::Integral | Self::Fractional)
    }
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// Always `0.0`.
    #[serde(default)]
    pub version: f64,
    /// Dataset-level counts.
    pub dataset: DatasetStatistics,
    /// One entry per column.
    #[serde(default)]
    pub features: Vec<FeatureStatistics>,
}

/// `dataset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetStatistics {
    /// Rows.
    #[serde(deserialize_with = "json_count::deserialize")]
    pub item_count: u64,
}

/// One feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureStatistics {
    /// Column name.
    pub name: String,
    /// Deequ's type, as SageMaker names it.
    pub inferred_type: InferredType,
    /// Present for Integral and Fractional features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerical_statistics: Option<NumericalStatistics>,
    /// Present for String (and Unknown) features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub string_statistics: Option<StringStatistics>,
}

/// `common`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommonStatistics {
    /// Non-null values.
    #[serde(deserialize_with = "json_count::deserialize")]
    pub num_present: u64,
    /// Null values.
    #[serde(deserialize_with = "json_count::deserialize")]
    pub num_missing: u64,
}

/// `numerical_statistics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericalStatistics {
    /// Counts.
    pub common: CommonStatistics,
    /// Mean of present values.
    pub mean: f64,
    /// Sum of present values.
    pub sum: f64,
    /// Population standard deviation.
    pub std_dev: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// The KLL distribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<NumericDistribution>,
}

/// `distribution` of a numeric feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericDistribution {
    /// The sketch and its buckets.
    pub kll: KllJson,
}

/// `kll`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KllJson {
    /// 10 equal-width buckets between min and max.
    #[serde(default)]
    pub buckets: Vec<KllBucket>,
    /// The sketch itself.
    pub sketch: KllSketchJson,
}

/// `sketch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KllSketchJson {
    /// `c` and `k`.
    pub parameters: KllParameters,
    /// Level i's items (weight 2^i each).
    pub data: Vec<Vec<f64>>,
}

/// `parameters`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KllParameters {
    /// Shrinking factor.
    pub c: f64,
    /// Sketch size, written as a float (`2048.0`).
    pub k: f64,
}

impl KllSketchJson {
    /// The sketch as written.
    #[must_use]
    pub fn from_sketch(sketch: &KllSketch) -> Self {
        let k = sketch.sketch_size() as f64;
        Self { parameters: KllParameters { c: sketch.shrinking_factor(), k }, data: sketch.levels() }
    }

    /// The sketch restored from its levels.
    ///
    /// # Errors
    /// Invalid parameters or items (see [`KllSketch::from_levels`]).
    pub fn to_sketch(&self) -> Result<KllSketch, DataQualityError> {
        KllSketch::from_levels(self.parameters.k, self.parameters.c, &self.data)
    }
}

/// `string_statistics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StringStatistics {
    /// Counts.
    pub common: CommonStatistics,
    /// Distinct present values.
    pub distinct_count: f64,
    /// Categorical buckets, when the feature has few distinct values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<CategoricalDistribution>,
}

/// `distribution` of a string feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoricalDistribution {
    /// The buckets.
    pub categorical: CategoricalBuckets,
}

/// `categorical`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoricalBuckets {
    /// One bucket per value.
    #[serde(default)]
    pub buckets: Vec<CategoricalBucket>,
}

/// One categorical bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoricalBucket {
    /// The value (numbers in canonical form).
    pub value: String,
    /// Rows holding it.
    #[serde(deserialize_with = "json_count::deserialize")]
    pub count: u64,
}

impl FeatureStatistics {
    /// The feature's counts, whichever statistics it carries.
    #[must_use]
    pub fn common(&self) -> Option<CommonStatistics> {
        self.numerical_statistics
            .as_ref()
            .map(|n| n.common)
            .or_else(|| self.string_statistics.as_ref().map(|s| s.common))
    }

    /// The feature's KLL sketch, when written.
    ///
    /// # Errors
    /// A sketch with invalid parameters or items.
    pub fn sketch(&self) -> Result<Option<KllSketch>, DataQualityError> {
        let Some(kll) = self.numerical_statistics.as_ref().and_then(|n| n.distribution.as_ref()) else {
            return Ok(None);
        };
        kll.kll.sketch.to_sketch().map(Some).map_err(|e| match e {
            DataQualityError::KllItem { .. } => DataQualityError::KllItem { feature: self.name.clone() },
            other => other,
        })
    }

    /// The feature's categorical buckets, when written.
    #[must_use]
    pub fn categorical_buckets(&self) -> Option<&[CategoricalBucket]> {
        self.string_statistics.as_ref()?.distribution.as_ref().map(|d| d.categorical.buckets.as_slice())
    }
}

impl Statistics {
    /// The feature named `name`.
    #[must_use]
    pub fn feature(&self, name: &str) -> Option<&FeatureStatistics> {
        self.features.iter().find(|f| f.name == name)
    }

    /// Parses a `statistics.json`.
    ///
    /// # Errors
    /// Malformed JSON or a file that does not follow the schema.
    pub fn from_json(text: &str) -> Result<Self, DataQualityError> {
        serde_json::from_str(text)
            .map_err(|e| DataQualityError::Json { file_kind: "statistics.json", message: e.to_string() })
    }

    /// The file's text (pretty-printed).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl DatasetProfile {
    /// The profile as `statistics.json`.
    #[must_use]
    pub fn to_statistics(&self) -> Statistics {
        Statistics {
            version: 0.0,
            dataset: DatasetStatistics { item_count: self.item_count },
            features: self.features.iter().map(FeatureProfile::to_statistics).collect(),
        }
    }
}

impl FeatureProfile {
    /// SageMaker's type of the column.
    #[must_use]
    pub fn inferred_type(&self) -> InferredType {
        InferredType::from_deequ(self.deequ_type())
    }

    /// The feature's entry in `statistics.json`.
    #[must_use]
    pub fn to_statistics(&self) -> FeatureStatistics {
        let inferred_type = self.inferred_type();
        let common = CommonStatistics { num_present: self.num_present(), num_missing: self.num_missing() };
        let mut out = FeatureStatistics {
            name: self.name.clone(),
            inferred_type,
            numerical_statistics: None,
            string_statistics: None,
        };
        if inferred_type.is_numeric() {
            let n = &self.numeric;
            let present = n.count > 0;
            let distribution = present.then(|| NumericDistribution {
                kll: KllJson {
                    buckets: kll_buckets(&n.sketch, n.min, n.max),
                    sketch: KllSketchJson::from_sketch(&n.sketch),
                },
            });
            out.numerical_statistics = Some(NumericalStatistics {
                common,
                mean: n.mean(),
                sum: n.sum.value(),
                std_dev: n.std_dev(),
                min: if present { n.min } else { 0.0 },
                max: if present { n.max } else { 0.0 },
                distribution,
            });
        } else {
            let values = self.values.sorted();
            let complete = self.values.is_complete();
            let distribution = (complete && values.len() <= MAX_CATEGORICAL_BUCKETS && !values.is_empty()).then(|| {
                CategoricalDistribution {
                    categorical: CategoricalBuckets {
                        buckets: values
                            .iter()
                            .map(|(value, count)| CategoricalBucket { value: value.clone(), count: *count })
                            .collect(),
                    },
                }
            });
            // Beyond the exact counts (sketch mode), the distinct-count sketch's estimate.
            let estimate = self.distinct.as_ref().filter(|_| !complete).map(crate::sketch::HyperLogLog::estimate);
            let distinct_count = estimate.unwrap_or(values.len() as f64).round();
            out.string_statistics = Some(StringStatistics { common, distinct_count, distribution });
        }
        out
    }
}
