//! Clarify's flip test (FT), equal to smclarify 0.5's `FT`.
//!
//! A k-nearest-neighbour classifier (k = 5, or 1 when group a has 9 rows or
//! fewer) is trained on group a's features and a's *predicted* labels, then
//! asked for a label for every row of group d: "what would the model have
//! said had this row been in group a". FT = (FS⁺ − FS⁻) / n_d, where FS⁺ counts
//! d rows predicted positive that the neighbours call negative and FS⁻ the
//! reverse. Neighbours are chosen exactly as scikit-learn 1.9 chooses them,
//! ties at equal distances included (see [`super::knn_classifier`]).

use super::divide::divide;
use super::error::BiasError;
use super::knn_classifier::KnnClassifier;

/// The error smclarify raises when a feature column is neither numeric nor
/// boolean; [`flip_test`] takes numbers only, so callers report it.
pub const NON_NUMERIC_FEATURES: &str = "FlipTest does not support non-numeric columns";

/// smclarify's `FT_SAMPLES_COUNT_THRESHOLD`: with this many a rows or fewer,
/// a single neighbour decides.
const FEW_ROWS: usize = 9;

/// The flip test of group d (`sensitive[i]` true) against group a (the rest).
///
/// `features` holds one slice per feature column (every column but the
/// facet, the label and the predicted label), each with one value per row:
/// numbers as they are, booleans as 0.0 / 1.0, NaN for a missing value.
/// `predicted` is the positive-predicted-label indicator.
///
/// # Errors
///
/// In smclarify's order: "Facet set is empty" when no row is in d, "Negated
/// Facet set is empty" when every row is; then scikit-learn's refusals: no
/// feature column, a missing (NaN) or infinite feature value (group a's rows
/// are checked before d's, as scikit-learn checks the training rows first).
/// Columns of unequal length are an error too.
///
/// # Examples
/// ```
/// use tideline_engine::bias::flip_test;
/// let x = [0.0, 10.0, 1.0, 9.0];
/// let d = [false, false, true, true];
/// let ft = flip_test(&[&x], &d, &[false, true, true, false]).unwrap();
/// assert!((-1.0..=1.0).contains(&ft));
/// assert_eq!(flip_test(&[&x], &[false; 4], &[true; 4]).unwrap_err().to_string(), "Facet set is empty");
/// ```
pub fn flip_test(features: &[&[f64]], sensitive: &[bool], predicted: &[bool]) -> Result<f64, BiasError> {
    flip_counts(features, sensitive, predicted).map(|c| c.value())
}

/// Group d's rows by what the flip test found: predicted positive but
/// negative as a's neighbours would have it (up), the reverse (down), or
/// the same either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FlipCounts {
    /// FS⁺: the model favours the row over its group-a neighbours.
    pub up: u64,
    /// FS⁻: the model disfavours the row.
    pub down: u64,
    /// Rows in group d.
    pub n_d: u64,
}

impl FlipCounts {
    /// FT = (FS⁺ − FS⁻) / n_d.
    #[must_use]
    pub fn value(&self) -> f64 {
        // Counts below 2^53 convert exactly.
        divide(self.up as f64 - self.down as f64, self.n_d as f64)
    }
}

/// The flip test's counts (FT is [`FlipCounts::value`]); the same errors as
/// [`flip_test`].
///
/// # Errors
/// As [`flip_test`].
pub fn flip_counts(features: &[&[f64]], sensitive: &[bool], predicted: &[bool]) -> Result<FlipCounts, BiasError> {
    let n = sensitive.len();
    if predicted.len() != n || features.iter().any(|column| column.len() != n) {
        return Err(BiasError::FlipTestLengths {
            rows: n,
            predicted: predicted.len(),
            features: features.iter().map(|c| c.len()).collect(),
        });
    }
    let n_d = sensitive.iter().filter(|&&s| s).count();
    if n_d == 0 {
        return Err(BiasError::EmptyGroup("Facet set is empty"));
    }
    if n_d == n {
        return Err(BiasError::EmptyGroup("Negated Facet set is empty"));
    }
    if features.is_empty() {
        return Err(BiasError::NoFeatures { rows: n - n_d });
    }
    let (a_rows, a_labels) = group_rows(features, sensitive, predicted, false);
    let (d_rows, d_labels) = group_rows(features, sensitive, predicted, true);
    check_finite(&a_rows)?;
    check_finite(&d_rows)?;
    let k = if a_labels.len() > FEW_ROWS { 5 } else { 1 };
    let model = KnnClassifier::fit(a_rows, features.len(), a_labels, k);
    let as_if_a = model.predict(&d_rows);
    let (mut flipped_up, mut flipped_down) = (0u64, 0u64);
    for (&model_says, &neighbours_say) in d_labels.iter().zip(&as_if_a) {
        match (model_says, neighbours_say) {
            (true, false) => flipped_up += 1,
            (false, true) => flipped_down += 1,
            _ => {}
        }
    }
    Ok(FlipCounts { up: flipped_up, down: flipped_down, n_d: n_d as u64 })
}

/// The rows of one group, row-major, and their predicted labels.
fn group_rows(features: &[&[f64]], sensitive: &[bool], predicted: &[bool], group_d: bool) -> (Vec<f64>, Vec<bool>) {
    let mut rows = Vec::new();
    let mut labels = Vec::new();
    for (i, (&s, &p)) in sensitive.iter().zip(predicted).enumerate() {
        if s == group_d {
            rows.extend(features.iter().map(|column| column[i]));
            labels.push(p);
        }
    }
    (rows, labels)
}

/// scikit-learn's input check: NaN first, then infinities.
fn check_finite(rows: &[f64]) -> Result<(), BiasError> {
    if rows.iter().any(|v| v.is_nan()) {
        return Err(BiasError::FeatureNan);
    }
    if rows.iter().any(|v| v.is_infinite()) {
        return Err(BiasError::FeatureInfinite);
    }
    Ok(())
}
