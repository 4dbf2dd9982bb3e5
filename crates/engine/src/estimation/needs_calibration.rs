//! Whether isotonic calibration helps a reference's scores: NannyML
//! 0.13.1's `needs_calibration`, which CBPE runs at fit time to choose
//! between [`Calibration::Isotonic`] and [`Calibration::None`].
//!
//! The rules are NannyML's: a single class needs no calibration, nor do
//! scores with ROC AUC above 0.999. Otherwise ten stratified shuffle splits
//! hold out a tenth of the rows each, an isotonic calibrator is fitted on each
//! training part, and the held-out rows of all splits are pooled; calibration
//! is needed when the expected calibration error (ECE, equal-count bins over
//! the pooled rows sorted by score) of the raw scores exceeds that of the
//! calibrated ones.
//!
//! # Differences from NannyML
//!
//! NannyML splits with scikit-learn's `StratifiedShuffleSplit(random_state=42)`
//! (numpy's MT19937) and sorts with numpy's unstable argsort. Here the splits
//! come from a seeded SplitMix64 with the same per-class train and test counts
//! (scikit-learn's `_approximate_mode`), and the sort is stable. So the held-out
//! rows differ and rows with tied scores may fall into other bins: the ECE
//! values are close to NannyML's, not equal (on NannyML's car-loan reference
//! they differ by 1.4e-3 before and 9e-5 after calibration, within the
//! spread over split seeds), and a decision whose two ECEs are nearly equal
//! may differ. That is common: on 400 well-calibrated scores with
//! Bernoulli(score) labels, 17 of 30 split seeds call for calibration.

use std::num::NonZeroUsize;

use super::cbpe::Calibration;
use super::error::{check_finite, check_lengths, EstimationError};
use super::isotonic::IsotonicCalibrator;
use crate::math::splitmix64::SplitMix64;

/// ROC AUC above which scores count as already separating the classes.
const NEAR_PERFECT_AUC: f64 = 0.999;

/// The share of rows each split holds out (NannyML's `test_size=0.1`).
const TEST_FRACTION: f64 = 0.1;

/// Why the check decided as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalibrationReason {
    /// The labels hold one class only.
    SingleClass,
    /// ROC AUC above 0.999.
    NearPerfectAuc,
    /// The comparison of the ECE before and after calibration.
    Ece,
}

/// The outcome of [`needs_calibration`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationCheck {
    /// Whether isotonic calibration lowers the calibration error.
    pub needed: bool,
    /// ECE of the raw held-out scores (`None` unless the reason is `Ece`).
    pub ece_before: Option<f64>,
    /// ECE of the calibrated held-out scores (`None` unless the reason is
    /// `Ece`).
    pub ece_after: Option<f64>,
    /// Which rule decided.
    pub reason: CalibrationReason,
}

/// Settings of the check; the default is NannyML's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalibrationCheckOptions {
    /// Bins of the ECE (NannyML's `bin_count=10`).
    pub bin_count: NonZeroUsize,
    /// Stratified shuffle splits (NannyML's `split_count=10`).
    pub split_count: NonZeroUsize,
    /// Seed of the splits.
    pub seed: u64,
}

impl Default for CalibrationCheckOptions {
    fn default() -> Self {
        let ten = NonZeroUsize::MIN.saturating_add(9);
        Self { bin_count: ten, split_count: ten, seed: 42 }
    }
}

impl Calibration {
    /// The calibration NannyML's CBPE would choose for a labelled reference,
    /// with the check behind it.
    ///
    /// # Errors
    /// As [`needs_calibration`].
    pub fn decide(truth: &[bool], scores: &[f64]) -> Result<(Self, CalibrationCheck), EstimationError> {
        let check = needs_calibration(truth, scores)?;
        Ok((if check.needed { Self::Isotonic } else { Self::None }, check))
    }
}

/// NannyML's calibration check with its default settings.
///
/// # Errors
/// Lengths differ, no rows, a score that is not finite, or too few rows:
/// each class needs 2, each split 2 held-out and 2 training rows, and the
/// pooled held-out rows 4 (for 2 bins).
pub fn needs_calibration(truth: &[bool], scores: &[f64]) -> Result<CalibrationCheck, EstimationError> {
    needs_calibration_with_options(truth, scores, &CalibrationCheckOptions::default())
}

/// [`needs_calibration`] with other bin and split counts or seed.
///
/// # Errors
/// As [`needs_calibration`].
pub fn needs_calibration_with_options(
    truth: &[bool],
    scores: &[f64],
    options: &CalibrationCheckOptions,
) -> Result<CalibrationCheck, EstimationError> {
    check_lengths("labels and scores", truth.len(), scores.len())?;
    check_finite("score", scores)?;
    if truth.is_empty() {
        return Err(EstimationError::Empty { what: "reference" });
    }
    let decided_by = |reason| CalibrationCheck { needed: false, ece_before: None, ece_after: None, reason };
    let positives = truth.iter().filter(|&&t| t).count();
    if positives == 0 || positives == truth.len() {
        return Ok(decided_by(CalibrationReason::SingleClass));
    }
    // Both classes are present and every score is finite, so this is a number.
    let auc = crate::model_quality::roc_auc(truth, scores).unwrap_or(f64::NAN);
    if auc > NEAR_PERFECT_AUC {
        return Ok(decided_by(CalibrationReason::NearPerfectAuc));
    }

    let splits = StratifiedSplits::new(truth)?;
    let mut rng = SplitMix64::new(options.seed);
    let (mut held_truth, mut held_scores, mut calibrated) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..options.split_count.get() {
        let (train, test) = splits.draw(&mut rng);
        let train_scores: Vec<f64> = train.iter().map(|&i| scores[i]).collect();
        let train_truth: Vec<bool> = train.iter().map(|&i| truth[i]).collect();
        let calibrator = IsotonicCalibrator::fit(&train_scores, &train_truth)?;
        for &i in &test {
            held_truth.push(truth[i]);
            held_scores.push(scores[i]);
            calibrated.push(calibrator.calibrate_one(scores[i]));
        }
    }
    let edges = bin_index_edges(held_scores.len(), options.bin_count.get())?;
    let before = expected_calibration_error(&held_truth, &held_scores, &edges);
    let after = expected_calibration_error(&held_truth, &calibrated, &edges);
    Ok(CalibrationCheck {
        needed: before > after,
        ece_before: Some(before),
        ece_after: Some(after),
        reason: CalibrationReason::Ece,
    })
}

/// Row indices by class (negatives, then positives, each ascending) and the
/// train and test sizes of every split, as scikit-learn's
/// `StratifiedShuffleSplit` sets them up.
struct StratifiedSplits {
    classes: [Vec<usize>; 2],
    train_rows: usize,
    test_rows: usize,
}

impl StratifiedSplits {
    fn new(truth: &[bool]) -> Result<Self, EstimationError> {
        let classes = [false, true].map(|c| (0..truth.len()).filter(|&i| truth[i] == c).collect::<Vec<_>>());
        let smaller = classes[0].len().min(classes[1].len());
        if smaller < 2 {
            return Err(EstimationError::TooFewRows { what: "rows of the smaller class", rows: smaller, needed: 2 });
        }
        // scikit-learn's _validate_shuffle_split: ceil(test_size * n) held out.
        let test_rows = (TEST_FRACTION * truth.len() as f64).ceil() as usize;
        let train_rows = truth.len() - test_rows;
        if test_rows < 2 {
            return Err(EstimationError::TooFewRows { what: "held-out rows per split", rows: test_rows, needed: 2 });
        }
        if train_rows < 2 {
            return Err(EstimationError::TooFewRows { what: "training rows per split", rows: train_rows, needed: 2 });
        }
        Ok(Self { classes, train_rows, test_rows })
    }

    /// One split: training rows and held-out rows (in random order).
    fn draw(&self, rng: &mut SplitMix64) -> (Vec<usize>, Vec<usize>) {
        let counts = [self.classes[0].len(), self.classes[1].len()];
        let train_counts = approximate_mode(counts, self.train_rows, rng);
        let remaining = [counts[0] - train_counts[0], counts[1] - train_counts[1]];
        let test_counts = approximate_mode(remaining, self.test_rows, rng);
        let (mut train, mut test) = (Vec::with_capacity(self.train_rows), Vec::with_capacity(self.test_rows));
        for (class, (&n_train, &n_test)) in self.classes.iter().zip(train_counts.iter().zip(&test_counts)) {
            let mut rows = class.clone();
            rng.shuffle(&mut rows);
            train.extend_from_slice(&rows[..n_train]);
            test.extend_from_slice(&rows[n_train..n_train + n_test]);
        }
        rng.shuffle(&mut test);
        (train, test)
    }
}

/// scikit-learn's `_approximate_mode`: per-class draws proportional to the
/// class counts, floored, with the rows left over going to the largest
/// remainders (ties broken at random).
fn approximate_mode(counts: [usize; 2], draws: usize, rng: &mut SplitMix64) -> [usize; 2] {
    let total = (counts[0] + counts[1]) as f64;
    let continuous = counts.map(|c| c as f64 / total * draws as f64);
    let mut floored = continuous.map(f64::floor);
    let mut missing = draws.saturating_sub((floored[0] + floored[1]) as usize);
    let remainder = [continuous[0] - floored[0], continuous[1] - floored[1]];
    if missing > 0 {
        let mut order = [0, 1];
        // Equal remainders: a random class first.
        if remainder[0] == remainder[1] && rng.below(2) == 1 {
            order = [1, 0];
        }
        order.sort_by(|&a, &b| remainder[b].total_cmp(&remainder[a]));
        for i in order {
            if missing == 0 {
                break;
            }
            floored[i] += 1.0;
            missing -= 1;
        }
    }
    floored.map(|f| f as usize)
}

/// NannyML's `_get_bin_index_edges`: `bin_count` bins of `rows / bin_count`
/// rows each (fewer bins when there are at most two rows per bin), the last
/// one also taking the rows left over, which can make more bins than asked.
fn bin_index_edges(rows: usize, bin_count: usize) -> Result<Vec<(usize, usize)>, EstimationError> {
    let mut bins = bin_count;
    if rows <= 2 * bin_count {
        bins = rows / 2;
        if bins < 2 {
            return Err(EstimationError::TooFewRows { what: "held-out rows for 2 calibration bins", rows, needed: 4 });
        }
    }
    let width = rows / bins;
    let mut edges: Vec<usize> = (0..=rows).step_by(width).collect();
    if let Some(last) = edges.last_mut() {
        *last = rows;
    }
    Ok(edges.windows(2).map(|w| (w[0], w[1])).collect())
}

/// NannyML's `_calculate_expected_calibration_error`: rows sorted by
/// probability (stably here), then the row-weighted mean gap between
/// probability and label over the bins.
fn expected_calibration_error(truth: &[bool], probabilities: &[f64], edges: &[(usize, usize)]) -> f64 {
    let mut order: Vec<usize> = (0..probabilities.len()).collect();
    order.sort_by(|&a, &b| probabilities[a].total_cmp(&probabilities[b]));
    let rows = probabilities.len() as f64;
    edges
        .iter()
        .map(|&(left, right)| {
            let bin = &order[left..right];
            let n = bin.len() as f64;
            let mean_probability = bin.iter().map(|&i| probabilities[i]).sum::<f64>() / n;
            let mean_truth = bin.iter().filter(|&&i| truth[i]).count() as f64 / n;
            n / rows * (mean_probability - mean_truth).abs()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bin_edges_follow_nannyml() {
        // nannyml.calibration._get_bin_index_edges(20, 4) (its docstring).
        assert_eq!(bin_index_edges(20, 4).unwrap(), vec![(0, 5), (5, 10), (10, 15), (15, 20)]);
        // 25 rows, 10 bins: width 2, so 12 bins, the last of 3 rows.
        let edges = bin_index_edges(25, 10).unwrap();
        assert_eq!(edges.len(), 12);
        assert_eq!(edges.last(), Some(&(22, 25)));
        // At most two rows per bin: rows / 2 bins.
        assert_eq!(bin_index_edges(7, 10).unwrap(), vec![(0, 2), (2, 4), (4, 7)]);
    }

    #[test]
    fn too_few_rows_for_two_bins() {
        assert_eq!(
            bin_index_edges(3, 10),
            Err(EstimationError::TooFewRows { what: "held-out rows for 2 calibration bins", rows: 3, needed: 4 })
        );
        // 20 rows hold out 2 per split; one split pools 2 rows: one bin.
        let truth: Vec<bool> = (0..20).map(|i| i % 2 == 0).collect();
        let scores: Vec<f64> = (0..20).map(|i| ((i * 7) % 20) as f64 / 20.0).collect();
        let one_split = CalibrationCheckOptions { split_count: NonZeroUsize::MIN, ..Default::default() };
        assert!(matches!(
            needs_calibration_with_options(&truth, &scores, &one_split),
            Err(EstimationError::TooFewRows { rows: 2, needed: 4, .. })
        ));
    }

    #[test]
    fn rejects_bad_input() {
        let truth = [true, false, true, false];
        assert_eq!(
            needs_calibration(&truth, &[0.1, f64::NAN, 0.3, 0.4]),
            Err(EstimationError::NonFinite { what: "score", row: 1 })
        );
        assert!(matches!(needs_calibration(&truth, &[0.1, 0.2]), Err(EstimationError::LengthMismatch { .. })));
        assert!(matches!(needs_calibration(&[], &[]), Err(EstimationError::Empty { .. })));
        // A class of one row cannot be stratified.
        let truth = [true, false, false, false, false];
        assert!(matches!(
            needs_calibration(&truth, &[0.9, 0.1, 0.2, 0.95, 0.4]),
            Err(EstimationError::TooFewRows { rows: 1, needed: 2, .. })
        ));
        // 10 rows hold out 1 per split, fewer than the two classes.
        let truth: Vec<bool> = (0..10).map(|i| i % 2 == 0).collect();
        let scores: Vec<f64> = (0..10).map(|i| ((i * 3) % 10) as f64 / 10.0).collect();
        assert!(matches!(needs_calibration(&truth, &scores), Err(EstimationError::TooFewRows { rows: 1, .. })));
    }

    #[test]
    fn short_cuts_skip_the_splits() {
        // Too few rows for splits, but the rules before them decide.
        let check = needs_calibration(&[true, true], &[0.2, 0.3]).unwrap();
        assert_eq!((check.needed, check.reason, check.ece_before), (false, CalibrationReason::SingleClass, None));
        let check = needs_calibration(&[false, true, false, true], &[0.1, 0.8, 0.3, 0.9]).unwrap();
        assert_eq!((check.needed, check.reason), (false, CalibrationReason::NearPerfectAuc));
        let (calibration, _) = Calibration::decide(&[false, true, false, true], &[0.1, 0.8, 0.3, 0.9]).unwrap();
        assert_eq!(calibration, Calibration::None);
    }

    #[test]
    fn splits_are_stratified_disjoint_and_sized() {
        let truth: Vec<bool> = (0..103).map(|i| i % 3 == 0).collect();
        let splits = StratifiedSplits::new(&truth).unwrap();
        let mut rng = SplitMix64::new(42);
        let (train, test) = splits.draw(&mut rng);
        // ceil(0.1 * 103) = 11 held out; 35 positives -> 3.7 -> 4 of them.
        assert_eq!((train.len(), test.len()), (92, 11));
        assert_eq!(test.iter().filter(|&&i| truth[i]).count(), 4);
        let mut all: Vec<usize> = train.iter().chain(&test).copied().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 103);
        let (_, other) = splits.draw(&mut rng);
        assert_ne!(test, other, "each split draws anew");
    }

    #[test]
    fn approximate_mode_breaks_ties_at_random_but_keeps_the_total() {
        let mut rng = SplitMix64::new(1);
        // 5 of (3, 3): 2.5 each, one extra to either class.
        let draws: Vec<[usize; 2]> = (0..20).map(|_| approximate_mode([3, 3], 5, &mut rng)).collect();
        assert!(draws.iter().all(|d| d[0] + d[1] == 5));
        assert!(draws.contains(&[3, 2]) && draws.contains(&[2, 3]));
        // 92 of (68, 35): 60.7 and 31.3, the larger remainder wins.
        assert_eq!(approximate_mode([68, 35], 92, &mut rng), [61, 31]);
    }
}
