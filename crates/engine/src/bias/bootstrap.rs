//! Seeded percentile-bootstrap confidence intervals for any metric that is a
//! function of counts.
//!
//! Every Clarify metric but the flip test, and every AIF360 and Fairlearn
//! metric Tideline computes, depends on the rows only through their cell
//! counts (group × observed label × predicted label, and the group-variable
//! stratum). Resampling the n rows with replacement is then exactly a
//! multinomial draw over those cells, which costs O(cells) per resample
//! whatever n is ([`super::multinomial`]). This is the same resampling as
//! Fairlearn's `MetricFrame(n_boot=…, ci_quantiles=…)`, which draws whole
//! rows with `DataFrame.sample(frac=1, replace=True)`; only the random
//! streams differ.
//!
//! The interval is the percentile interval: the `(1 − level)/2` and
//! `(1 + level)/2` quantiles of the resampled metric, interpolated linearly
//! as `numpy.quantile` does by default.
//!
//! Resamples where the metric errs or is not finite (a group drew no row,
//! a ratio divided by zero) are skipped and counted in
//! [`ConfidenceInterval::used`]; no interval is given when fewer than half of
//! them (or fewer than 2) succeed. Skipping conditions the interval on the
//! metric being defined, so a low `used` says the interval is optimistic.
//!
//! A percentile interval cannot hold a value at the edge of the metric's
//! range: a gap that is exactly 0 (an absolute difference, an inequality
//! index) has an interval above 0, as Fairlearn's has.

use serde::{Deserialize, Serialize};

use super::confusion::{Confusion, FacetCounts};
use super::error::BiasError;
use super::multinomial::multinomial;
use crate::math::splitmix64::SplitMix64;

/// Cells per [`Confusion`]: tp, fp, tn, fn.
const CELLS: usize = 4;

/// How to bootstrap.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BootstrapOptions {
    /// Number of resamples (Fairlearn's `n_boot`); 1000 by default.
    pub resamples: usize,
    /// Coverage of the interval, in (0, 1); 0.95 by default.
    pub level: f64,
    /// Seed of the random stream: the same seed gives the same interval,
    /// natively and in wasm.
    pub seed: u64,
}

impl Default for BootstrapOptions {
    fn default() -> Self {
        Self { resamples: 1000, level: 0.95, seed: 0 }
    }
}

/// A percentile-bootstrap confidence interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfidenceInterval {
    /// The `(1 − level)/2` quantile of the resampled metric.
    pub lower: f64,
    /// The `(1 + level)/2` quantile of the resampled metric.
    pub upper: f64,
    /// Coverage asked for.
    pub level: f64,
    /// Resamples drawn.
    pub resamples: usize,
    /// Resamples whose metric was defined and finite (the others are skipped).
    pub used: usize,
}

/// The bootstrap interval of `metric` over a facet's counts: the rows of
/// every cell (d/a × label × prediction, per stratum of the group variable)
/// are resampled with replacement.
///
/// Rows of d or a outside every stratum (when the strata do not cover the
/// facet) are resampled as cells of their own.
///
/// Returns `None` when `options` are invalid (no resample, level outside
/// (0, 1)), the counts are inconsistent (strata holding more rows than the
/// facet), or fewer than half of the resamples give a finite metric.
///
/// # Examples
/// ```
/// use tideline_engine::bias::{bootstrap_ci, BootstrapOptions, Confusion, FacetCounts};
/// let d = Confusion { tp: 40, fp: 10, tn: 30, fn_: 20 };
/// let a = Confusion { tp: 60, fp: 20, tn: 100, fn_: 20 };
/// let counts = FacetCounts { d, a, has_predictions: true, ..FacetCounts::default() };
/// let selection_gap = |c: &FacetCounts| {
///     let rate = |g: &Confusion| g.predicted_positives() as f64 / g.n() as f64;
///     Ok(rate(&c.d) - rate(&c.a))
/// };
/// let ci = bootstrap_ci(&counts, selection_gap, &BootstrapOptions::default()).unwrap();
/// assert!(ci.lower < 0.1 && 0.1 < ci.upper); // the point estimate is 0.5 − 0.4
/// assert_eq!(ci, bootstrap_ci(&counts, selection_gap, &BootstrapOptions::default()).unwrap());
/// ```
pub fn bootstrap_ci<F>(counts: &FacetCounts, metric: F, options: &BootstrapOptions) -> Option<ConfidenceInterval>
where
    F: Fn(&FacetCounts) -> Result<f64, BiasError>,
{
    let weights = facet_cells(counts)?;
    let mut drawn = vec![0; weights.len()];
    let mut resampled = counts.clone();
    resample_interval(&weights, &mut drawn, options, |cells| {
        fill_facet(cells, &mut resampled);
        metric(&resampled)
    })
}

/// The bootstrap interval of `metric` over per-group counts (Fairlearn's
/// groups of a sensitive feature): every group × label × prediction cell is
/// resampled with replacement. A group may draw no row, as it may in
/// Fairlearn's bootstrap.
///
/// Returns `None` on the same conditions as [`bootstrap_ci`].
///
/// # Examples
/// ```
/// use tideline_engine::bias::{bootstrap_groups_ci, BootstrapOptions, Confusion};
/// use tideline_engine::bias::fairness::demographic_parity_difference;
/// let groups = [
///     Confusion { tp: 40, fp: 10, tn: 30, fn_: 20 },
///     Confusion { tp: 60, fp: 20, tn: 100, fn_: 20 },
/// ];
/// let ci = bootstrap_groups_ci(&groups, |g| Ok(demographic_parity_difference(g)), &BootstrapOptions::default());
/// assert!(ci.is_some_and(|ci| ci.lower < 0.1 && 0.1 < ci.upper));
/// ```
pub fn bootstrap_groups_ci<F>(groups: &[Confusion], metric: F, options: &BootstrapOptions) -> Option<ConfidenceInterval>
where
    F: Fn(&[Confusion]) -> Result<f64, BiasError>,
{
    let weights: Vec<u64> = groups.iter().flat_map(Confusion::cells).collect();
    let mut drawn = vec![0; weights.len()];
    let mut resampled = groups.to_vec();
    resample_interval(&weights, &mut drawn, options, |cells| {
        for (group, cell) in resampled.iter_mut().zip(cells.chunks_exact(CELLS)) {
            *group = confusion(cell);
        }
        metric(&resampled)
    })
}

/// Draws `options.resamples` multinomial resamples of `weights` into
/// `drawn`, evaluates each, and returns the percentile interval.
fn resample_interval(
    weights: &[u64],
    drawn: &mut [u64],
    options: &BootstrapOptions,
    mut evaluate: impl FnMut(&[u64]) -> Result<f64, BiasError>,
) -> Option<ConfidenceInterval> {
    if options.resamples == 0 || !(options.level > 0.0 && options.level < 1.0) {
        return None;
    }
    let total: u64 = weights.iter().sum();
    let mut rng = SplitMix64::new(options.seed);
    let mut values = Vec::with_capacity(options.resamples);
    for _ in 0..options.resamples {
        multinomial(&mut rng, total, weights, drawn);
        if let Ok(value) = evaluate(drawn) {
            if value.is_finite() {
                values.push(value);
            }
        }
    }
    if values.len() < 2 || 2 * values.len() < options.resamples {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let tail = (1.0 - options.level) / 2.0;
    Some(ConfidenceInterval {
        lower: quantile(&values, tail),
        upper: quantile(&values, 1.0 - tail),
        level: options.level,
        resamples: options.resamples,
        used: values.len(),
    })
}

/// `numpy.quantile(sorted, q)` with the default linear interpolation
/// (`sorted` non-empty and ascending).
pub(crate) fn quantile(sorted: &[f64], q: f64) -> f64 {
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let fraction = position - below as f64;
    match (sorted.get(below), sorted.get(below + 1)) {
        (Some(&lo), Some(&hi)) => lo + fraction * (hi - lo),
        (Some(&lo), None) => lo,
        _ => f64::NAN,
    }
}

/// A facet's cells: 8 per stratum (d then a, each tp, fp, tn, fn), then the
/// rows of d and a in no stratum. `None` when a stratum holds more than its
/// facet group.
fn facet_cells(counts: &FacetCounts) -> Option<Vec<u64>> {
    let mut outside_d = counts.d.cells();
    let mut outside_a = counts.a.cells();
    let mut cells = Vec::with_capacity(2 * CELLS * (counts.strata.len() + 1));
    for (d, a) in &counts.strata {
        for (rest, taken) in outside_d.iter_mut().zip(d.cells()) {
            *rest = rest.checked_sub(taken)?;
        }
        for (rest, taken) in outside_a.iter_mut().zip(a.cells()) {
            *rest = rest.checked_sub(taken)?;
        }
        cells.extend(d.cells());
        cells.extend(a.cells());
    }
    cells.extend(outside_d);
    cells.extend(outside_a);
    Some(cells)
}

/// Writes resampled cells (laid out as [`facet_cells`]) into `out`: strata,
/// and d and a as their sums.
fn fill_facet(cells: &[u64], out: &mut FacetCounts) {
    let (mut d, mut a) = (Confusion::default(), Confusion::default());
    let mut pairs = cells.chunks_exact(2 * CELLS);
    for (stratum, pair) in out.strata.iter_mut().zip(pairs.by_ref()) {
        let (sd, sa) = pair.split_at(CELLS);
        *stratum = (confusion(sd), confusion(sa));
        d.merge(&stratum.0);
        a.merge(&stratum.1);
    }
    if let Some(pair) = pairs.next() {
        let (rd, ra) = pair.split_at(CELLS);
        d.merge(&confusion(rd));
        a.merge(&confusion(ra));
    }
    out.d = d;
    out.a = a;
}

/// A [`Confusion`] from 4 cells (tp, fp, tn, fn); zeros for a short slice.
fn confusion(cells: &[u64]) -> Confusion {
    match *cells {
        [tp, fp, tn, fn_, ..] => Confusion { tp, fp, tn, fn_ },
        _ => Confusion::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facet(d: [u64; 4], a: [u64; 4]) -> FacetCounts {
        FacetCounts {
            d: Confusion::from_cells(d),
            a: Confusion::from_cells(a),
            has_predictions: true,
            ..FacetCounts::default()
        }
    }

    #[test]
    fn numpy_linear_quantiles() {
        // np.quantile([1, 2, 4, 8], [0, 0.25, 0.5, 1]) = 1, 1.75, 3, 8
        let xs = [1.0, 2.0, 4.0, 8.0];
        assert_eq!(quantile(&xs, 0.0), 1.0);
        assert_eq!(quantile(&xs, 0.25), 1.75);
        assert_eq!(quantile(&xs, 0.5), 3.0);
        assert_eq!(quantile(&xs, 1.0), 8.0);
        assert_eq!(quantile(&[2.5], 0.975), 2.5);
    }

    #[test]
    fn strata_and_rows_outside_them_keep_their_totals() {
        let mut counts = facet([10, 20, 30, 40], [5, 6, 7, 8]);
        counts.strata = vec![
            (Confusion::from_cells([4, 5, 6, 7]), Confusion::from_cells([1, 1, 1, 1])),
            (Confusion::from_cells([6, 15, 20, 30]), Confusion::from_cells([4, 5, 6, 6])),
        ];
        let n = counts.overall().n();
        let ci = bootstrap_ci(
            &counts,
            |c| {
                let strata: u64 = c.strata.iter().map(|(d, a)| d.n() + a.n()).sum();
                assert_eq!(c.overall().n(), n);
                assert!(strata <= n);
                Ok(c.d.n() as f64)
            },
            &BootstrapOptions { resamples: 200, ..BootstrapOptions::default() },
        );
        assert!(ci.is_some());
        // A stratum larger than its facet group is inconsistent.
        counts.strata[0].0.tp = 11;
        assert_eq!(bootstrap_ci(&counts, |_| Ok(0.0), &BootstrapOptions::default()), None);
    }

    #[test]
    fn failing_or_infinite_resamples_are_skipped_or_refused() {
        let counts = facet([1, 0, 0, 0], [50, 50, 50, 50]);
        // d (one row) draws no row in about e⁻¹ of the resamples.
        let ratio = |c: &FacetCounts| {
            if c.d.n() == 0 {
                Err(BiasError::EmptyGroup("empty group"))
            } else {
                Ok(c.d.tp as f64 / c.d.n() as f64)
            }
        };
        let ci = bootstrap_ci(&counts, ratio, &BootstrapOptions::default()).unwrap();
        assert!(ci.used < ci.resamples && 2 * ci.used >= ci.resamples);
        let never = |_: &FacetCounts| Ok(f64::INFINITY);
        assert_eq!(bootstrap_ci(&counts, never, &BootstrapOptions::default()), None);
        let bad_level = BootstrapOptions { level: 1.0, ..BootstrapOptions::default() };
        assert_eq!(bootstrap_ci(&counts, ratio, &bad_level), None);
        let none = BootstrapOptions { resamples: 0, ..BootstrapOptions::default() };
        assert_eq!(bootstrap_ci(&counts, ratio, &none), None);
    }
}
