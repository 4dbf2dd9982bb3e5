//! Gradient histograms and split finding: per feature and bin, the sums of
//! gradients and hessians of a node's rows; the best split is the bin
//! boundary (and side for missing values) with the largest second-order gain
//! `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`.

use std::ops::{AddAssign, Sub};

use super::binning::{Binned, NAN_BIN};

/// Slots per feature: every present bin plus the NaN bin.
const SLOTS: usize = NAN_BIN as usize + 1;

/// A gradient and hessian sum.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct GradPair {
    pub g: f64,
    pub h: f64,
}

impl AddAssign for GradPair {
    fn add_assign(&mut self, o: Self) {
        self.g += o.g;
        self.h += o.h;
    }
}

impl Sub for GradPair {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self { g: self.g - o.g, h: self.h - o.h }
    }
}

/// What a split must clear.
#[derive(Debug, Clone, Copy)]
pub(super) struct SplitRules {
    pub lambda: f64,
    pub min_child_weight: f64,
    pub min_split_gain: f64,
}

impl SplitRules {
    /// The regularised score `G²/(H+λ)` of a node.
    fn score(&self, s: GradPair) -> f64 {
        s.g * s.g / (s.h + self.lambda)
    }

    /// The optimal leaf weight `−G/(H+λ)`.
    pub(super) fn weight(&self, s: GradPair) -> f64 {
        -s.g / (s.h + self.lambda)
    }
}

/// The best split of a node.
#[derive(Debug, Clone, Copy)]
pub(super) struct Split {
    pub feature: usize,
    /// Present values in bins `0..=bin` go left.
    pub bin: u8,
    /// Missing values go left.
    pub nan_left: bool,
    pub gain: f64,
    pub left: GradPair,
    pub right: GradPair,
}

/// Sums per feature and bin of one node's rows.
#[derive(Debug, Clone)]
pub(super) struct Histogram {
    slots: Vec<GradPair>,
}

impl Histogram {
    /// Sums `grads` (one per row of `rows`, in that order) into bins.
    pub(super) fn build(binned: &Binned, rows: &[u32], grads: &[GradPair]) -> Self {
        let m = binned.edges.len();
        let mut slots = vec![GradPair::default(); m * SLOTS];
        for (f, hist) in slots.chunks_exact_mut(SLOTS).enumerate() {
            let column = binned.column(f);
            for (&r, &gp) in rows.iter().zip(grads) {
                hist[usize::from(column[r as usize])] += gp;
            }
        }
        Self { slots }
    }

    /// Turns this parent histogram into the sibling of `child`.
    pub(super) fn subtract(&mut self, child: &Self) {
        for (s, c) in self.slots.iter_mut().zip(&child.slots) {
            *s = *s - *c;
        }
    }

    /// The best split over every feature, if one clears `rules`.
    pub(super) fn best_split(&self, binned: &Binned, total: GradPair, rules: &SplitRules) -> Option<Split> {
        let parent = rules.score(total);
        let mut best: Option<Split> = None;
        for (f, hist) in self.slots.chunks_exact(SLOTS).enumerate() {
            let n_bins = binned.n_bins(f);
            let nan = hist[usize::from(NAN_BIN)];
            let mut left = GradPair::default();
            for (bin, &slot) in hist[..n_bins - 1].iter().enumerate() {
                left += slot;
                // Missing values try both sides; with none, the default is
                // the heavier child, where most unseen rows would go.
                for nan_left in [true, false] {
                    let l = if nan_left { GradPair { g: left.g + nan.g, h: left.h + nan.h } } else { left };
                    let r = total - l;
                    if l.h < rules.min_child_weight || r.h < rules.min_child_weight {
                        continue;
                    }
                    let gain = rules.score(l) + rules.score(r) - parent;
                    let nan_side_ok = nan.h > 0.0 || nan_left == (left.h >= r.h);
                    if nan_side_ok && gain > rules.min_split_gain && best.is_none_or(|b| gain > b.gain) {
                        // bin < n_bins - 1 < NAN_BIN
                        let bin = bin as u8;
                        best = Some(Split { feature: f, bin, nan_left, gain, left: l, right: r });
                    }
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::super::binning::Binned;
    use super::*;
    use crate::explain::FeatureMatrix;

    fn matrix(columns: &[&[f64]]) -> FeatureMatrix {
        let n = columns[0].len();
        let values = (0..n).flat_map(|r| columns.iter().map(move |c| c[r])).collect();
        FeatureMatrix { features: (0..columns.len()).map(|i| format!("x{i}")).collect(), n_rows: n, values }
    }

    const RULES: SplitRules = SplitRules { lambda: 0.0, min_child_weight: 1.0, min_split_gain: 0.0 };

    fn grads(g: &[f64]) -> Vec<GradPair> {
        g.iter().map(|&g| GradPair { g, h: 1.0 }).collect()
    }

    fn total(g: &[GradPair]) -> GradPair {
        let mut t = GradPair::default();
        g.iter().for_each(|&p| t += p);
        t
    }

    #[test]
    fn finds_the_separating_feature_and_bin() {
        let x = matrix(&[&[1.0, 2.0, 3.0, 4.0], &[5.0, 1.0, 5.0, 1.0]]);
        let binned = Binned::new(&x, &[0, 1, 2, 3], 255);
        let g = grads(&[-1.0, -1.0, 1.0, 1.0]);
        let hist = Histogram::build(&binned, &[0, 1, 2, 3], &g);
        let s = hist.best_split(&binned, total(&g), &RULES).unwrap();
        assert_eq!((s.feature, s.bin), (0, 1));
        // 2²/2 + 2²/2 − 0
        assert_eq!(s.gain, 4.0);
        assert_eq!((s.left, s.right), (GradPair { g: -2.0, h: 2.0 }, GradPair { g: 2.0, h: 2.0 }));
    }

    #[test]
    fn missing_values_join_the_side_they_resemble() {
        let x = matrix(&[&[1.0, 2.0, f64::NAN, 3.0, 4.0, f64::NAN]]);
        let rows: [u32; 6] = [0, 1, 2, 3, 4, 5];
        let binned = Binned::new(&x, &[0, 1, 2, 3, 4, 5], 255);
        let hist = Histogram::build(&binned, &rows, &grads(&[1.0, 1.0, 1.0, -1.0, -1.0, 1.0]));
        let t = GradPair { g: 2.0, h: 6.0 };
        let s = hist.best_split(&binned, t, &RULES).unwrap();
        assert!(s.nan_left && s.bin == 1);
        let hist = Histogram::build(&binned, &rows, &grads(&[1.0, 1.0, -1.0, -1.0, -1.0, -1.0]));
        let s = hist.best_split(&binned, GradPair { g: -2.0, h: 6.0 }, &RULES).unwrap();
        assert!(!s.nan_left && s.bin == 1);
    }

    #[test]
    fn subtraction_gives_the_sibling_and_rules_can_refuse() {
        let x = matrix(&[&[1.0, 2.0, 3.0, 4.0]]);
        let binned = Binned::new(&x, &[0, 1, 2, 3], 255);
        let g = grads(&[0.5, -1.0, 2.0, 0.25]);
        let mut parent = Histogram::build(&binned, &[0, 1, 2, 3], &g);
        let child = Histogram::build(&binned, &[0, 2], &[g[0], g[2]]);
        parent.subtract(&child);
        let sibling = Histogram::build(&binned, &[1, 3], &[g[1], g[3]]);
        assert_eq!(parent.slots, sibling.slots);
        let strict = SplitRules { min_child_weight: 3.0, ..RULES };
        let hist = Histogram::build(&binned, &[0, 1, 2, 3], &g);
        assert!(hist.best_split(&binned, total(&g), &strict).is_none());
        let flat = grads(&[1.0; 4]);
        let hist = Histogram::build(&binned, &[0, 1, 2, 3], &flat);
        assert!(hist.best_split(&binned, total(&flat), &RULES).is_none());
    }
}
