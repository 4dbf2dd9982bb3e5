//! Fitting a method on a column's reference rows, and computing it on a
//! window of any table's column of the same name.

use serde::{Deserialize, Serialize};

use super::categories::{FittedCategories, WindowCounts};
use super::chi2::chi2_contingency;
use super::equal_bins::EqualBins;
use super::error::UnivariateError;
use super::kolmogorov_smirnov::ks_statistic;
use super::method::{UnivariateMethod, P_VALUE_ALERT_BELOW};
use super::reference_cdf::ReferenceCdf;
use super::rows::{category_counts, present_numbers};
use super::shares::{hellinger, jensen_shannon_base2, with_leftover};
use super::wasserstein::wasserstein_distance;
use crate::category_counts::Counts;
use crate::drift::linf;
use crate::table::Column;
use crate::thresholds::Threshold;

/// A method's value on one window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UnivariateValue {
    /// The distance or statistic; NaN when not computable (no present value
    /// in the window, or values a continuous method cannot read).
    pub value: f64,
    /// chi2's p-value; `None` for the other methods and when `value` is NaN.
    pub p_value: Option<f64>,
}

impl UnivariateValue {
    const MISSING: Self = Self { value: f64::NAN, p_value: None };

    /// NannyML's alert: for chi2 `p < 0.05`, for the others the value
    /// strictly outside `threshold`. A NaN value never alerts (NannyML
    /// compares NaN, which is false; its chi2 would reuse the previous
    /// chunk's p-value, which is not reproduced).
    #[must_use]
    pub fn alert(&self, method: UnivariateMethod, threshold: &Threshold) -> bool {
        if method.alerts_on_p_value() {
            self.p_value.is_some_and(|p| p < P_VALUE_ALERT_BELOW)
        } else {
            threshold.lower.is_some_and(|l| self.value < l) || threshold.upper.is_some_and(|u| self.value > u)
        }
    }
}

/// A method fitted on a column's reference rows.
#[derive(Debug, Clone)]
pub struct FittedUnivariate {
    method: UnivariateMethod,
    column: String,
    reference: Reference,
}

/// What each method keeps of the reference.
#[derive(Debug, Clone)]
enum Reference {
    /// Continuous jensen_shannon and hellinger: Doane bins and their shares.
    Binned {
        bins: EqualBins,
        shares: Vec<f64>,
    },
    KolmogorovSmirnov(ReferenceCdf),
    Wasserstein(ReferenceCdf),
    Categories(FittedCategories),
}

/// Fits `method` on the `rows` of `column` (reference rows), treating the
/// column as continuous or categorical.
///
/// # Errors
/// [`UnivariateError::Unsupported`] for a method NannyML does not register
/// for that kind, [`UnivariateError::NotNumeric`] for a continuous method on
/// text, timestamps or non-numeric categories,
/// [`UnivariateError::NoReferenceValues`] when no reference row is present.
pub fn fit_univariate(
    method: UnivariateMethod,
    column: &Column,
    rows: &[usize],
    continuous: bool,
) -> Result<FittedUnivariate, UnivariateError> {
    let kind = if continuous { "continuous" } else { "categorical" };
    if !method.supports(continuous) {
        return Err(UnivariateError::Unsupported { method: method.name(), kind, column: column.name.clone() });
    }
    let no_values = || UnivariateError::NoReferenceValues { column: column.name.clone(), rows: rows.len() };
    let reference = if continuous {
        let values = present_numbers(&column.data, rows).ok_or_else(|| UnivariateError::NotNumeric {
            method: method.name(),
            column: column.name.clone(),
            storage: column.data.storage_name(),
        })?;
        if values.is_empty() {
            return Err(no_values());
        }
        match method {
            UnivariateMethod::KolmogorovSmirnov => Reference::KolmogorovSmirnov(ReferenceCdf::fit(&values, false)),
            UnivariateMethod::Wasserstein => Reference::Wasserstein(ReferenceCdf::fit(&values, true)),
            _ => {
                let bins = EqualBins::doane(&values);
                let n = values.len() as f64;
                let shares = bins.counts(&values).in_bins.iter().map(|&c| c as f64 / n).collect();
                Reference::Binned { bins, shares }
            }
        }
    } else {
        let categories = FittedCategories::fit(category_counts(&column.data, rows));
        if categories.total() == 0 {
            return Err(no_values());
        }
        Reference::Categories(categories)
    };
    Ok(FittedUnivariate { method, column: column.name.clone(), reference })
}

impl FittedUnivariate {
    /// The method.
    #[must_use]
    pub fn method(&self) -> UnivariateMethod {
        self.method
    }

    /// The reference column's name.
    #[must_use]
    pub fn column(&self) -> &str {
        &self.column
    }

    /// True when fitted as a continuous column.
    #[must_use]
    pub fn continuous(&self) -> bool {
        !matches!(self.reference, Reference::Categories(_))
    }

    /// The method's value on the `rows` of `column` (the reference's column
    /// or another table's column of the same name). Missing values are
    /// dropped; with none left, or with values a continuous method cannot
    /// read as numbers, the value is NaN (where NannyML returns NaN or its
    /// calculator catches the error).
    #[must_use]
    pub fn calculate(&self, column: &Column, rows: &[usize]) -> UnivariateValue {
        let Reference::Categories(categories) = &self.reference else {
            return match present_numbers(&column.data, rows) {
                Some(values) if !values.is_empty() => {
                    UnivariateValue { value: self.continuous_value(&values), p_value: None }
                }
                _ => UnivariateValue::MISSING,
            };
        };
        let window = categories.window(category_counts(&column.data, rows));
        if window.total == 0 {
            return UnivariateValue::MISSING;
        }
        match self.method {
            UnivariateMethod::Chi2 => {
                let pairs: Vec<(u64, u64)> = categories
                    .counts()
                    .iter()
                    .copied()
                    .zip(window.in_reference.iter().copied())
                    .chain(window.unseen.iter().map(|&c| (0, c)))
                    .collect();
                let (value, p_value) = chi2_contingency(&pairs);
                UnivariateValue { value, p_value: Some(p_value) }
            }
            UnivariateMethod::LInfinity => {
                UnivariateValue { value: linf(&window_table(categories, &window)).statistic, p_value: None }
            }
            method => {
                let (p, q) = with_leftover(&categories.shares(), &window.in_reference, window.total);
                UnivariateValue { value: binned_distance(method, &p, &q), p_value: None }
            }
        }
    }

    /// A continuous method on present values (at least one).
    fn continuous_value(&self, values: &[f64]) -> f64 {
        match &self.reference {
            Reference::Binned { bins, shares } => {
                let (p, q) = with_leftover(shares, &bins.counts(values).in_bins, values.len() as u64);
                binned_distance(self.method, &p, &q)
            }
            Reference::KolmogorovSmirnov(reference) => ks_statistic(reference, values),
            Reference::Wasserstein(reference) => wasserstein_distance(reference, values),
            Reference::Categories(_) => f64::NAN,
        }
    }
}

/// jensen_shannon or hellinger on shares.
fn binned_distance(method: UnivariateMethod, p: &[f64], q: &[f64]) -> f64 {
    if method == UnivariateMethod::Hellinger {
        hellinger(p, q)
    } else {
        jensen_shannon_base2(p, q)
    }
}

/// The reference and window counts over the union of their categories.
fn window_table(categories: &FittedCategories, window: &WindowCounts) -> Counts {
    let unseen = window.unseen.len();
    let n = categories.counts().len() + unseen;
    Counts {
        labels: vec![String::new(); n],
        reference: categories.counts().iter().copied().chain(std::iter::repeat_n(0, unseen)).collect(),
        current: window.in_reference.iter().chain(&window.unseen).copied().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{ColumnBuilder, ColumnData, MISSING_CODE};

    fn column(data: ColumnData) -> Column {
        let mut c = ColumnBuilder::new("x".to_owned(), 0).finish();
        c.data = data;
        c
    }

    fn categories(values: &[&str]) -> Column {
        let mut dictionary: Vec<String> = Vec::new();
        let codes = values
            .iter()
            .map(|v| match dictionary.iter().position(|d| d == v) {
                Some(i) => i as u32,
                None => {
                    dictionary.push((*v).to_owned());
                    dictionary.len() as u32 - 1
                }
            })
            .collect();
        column(ColumnData::Categorical { dictionary, codes })
    }

    fn all(column: &Column) -> Vec<usize> {
        (0..column.len()).collect()
    }

    #[test]
    fn empty_windows_and_missing_reference_values() {
        let numbers = column(ColumnData::Numeric(vec![1.0, 2.0, f64::NAN, 4.0]));
        for method in UnivariateMethod::ALL.into_iter().filter(|m| m.supports(true)) {
            let fitted = fit_univariate(method, &numbers, &all(&numbers), true).unwrap();
            assert!(fitted.calculate(&numbers, &[]).value.is_nan());
            assert!(fitted.calculate(&numbers, &[2]).value.is_nan(), "a window of missing values");
            assert!(fitted.calculate(&numbers, &[2, 99]).value.is_nan(), "rows out of range are missing");
            assert_eq!(
                fit_univariate(method, &numbers, &[2], true).unwrap_err(),
                UnivariateError::NoReferenceValues { column: "x".to_owned(), rows: 1 }
            );
        }
        let missing = column(ColumnData::Categorical { dictionary: vec!["a".into()], codes: vec![MISSING_CODE; 3] });
        assert!(matches!(
            fit_univariate(UnivariateMethod::Chi2, &missing, &[0, 1, 2], false),
            Err(UnivariateError::NoReferenceValues { rows: 3, .. })
        ));
        let fitted = fit_univariate(UnivariateMethod::Chi2, &categories(&["a", "b"]), &[0, 1], false).unwrap();
        let got = fitted.calculate(&missing, &[0, 1]);
        assert!(got.value.is_nan() && got.p_value.is_none());
    }

    #[test]
    fn kinds_and_storages_are_checked() {
        let text = categories(&["a", "b"]);
        assert!(matches!(
            fit_univariate(UnivariateMethod::KolmogorovSmirnov, &text, &[0, 1], false),
            Err(UnivariateError::Unsupported { kind: "categorical", .. })
        ));
        assert!(matches!(
            fit_univariate(UnivariateMethod::Wasserstein, &text, &[0, 1], true),
            Err(UnivariateError::NotNumeric { storage: "categorical", .. })
        ));
        let numbers = column(ColumnData::Numeric(vec![1.0, 2.0]));
        let fitted = fit_univariate(UnivariateMethod::Wasserstein, &numbers, &[0, 1], true).unwrap();
        assert!(fitted.calculate(&text, &[0, 1]).value.is_nan(), "text in the window");
    }

    #[test]
    fn a_category_unseen_in_the_reference() {
        let reference = categories(&["a", "a", "b", "b"]);
        let window = categories(&["a", "b", "c", "c"]);
        let value = |method| {
            let fitted = fit_univariate(method, &reference, &all(&reference), false).unwrap();
            fitted.calculate(&window, &all(&window))
        };
        // scipy.spatial.distance.jensenshannon([.5, .5, 0], [.25, .25, .5], base=2)
        assert!((value(UnivariateMethod::JensenShannon).value - 0.557_923_045_284_143_8).abs() < 1e-15);
        // np.sqrt(np.sum((np.sqrt([.5, .5, 0]) - np.sqrt([.25, .25, .5])) ** 2)) / np.sqrt(2)
        assert!((value(UnivariateMethod::Hellinger).value - 0.541_196_100_146_197).abs() < 1e-15);
        // |0 − 0.5| for "c"
        assert_eq!(value(UnivariateMethod::LInfinity).value, 0.5);
        // scipy.stats.chi2_contingency([[2, 1], [2, 1], [0, 2]])[:2]
        let chi2 = value(UnivariateMethod::Chi2);
        assert!((chi2.value - 2.666_666_666_666_666_5).abs() < 1e-14);
        assert!((chi2.p_value.unwrap() - 0.263_597_138_115_726_77).abs() < 1e-12);
        assert!(!chi2.alert(UnivariateMethod::Chi2, &Threshold::default()));
    }

    #[test]
    fn categories_compare_by_canonical_value() {
        // The car-loan reference's 1.0/0.0 against the analysis' 1/0.
        let reference = column(ColumnData::Numeric(vec![1.0, 0.0, 1.0]));
        let analysis = categories(&["1", "0", "1"]);
        for method in UnivariateMethod::ALL.into_iter().filter(|m| m.supports(false)) {
            let fitted = fit_univariate(method, &reference, &all(&reference), false).unwrap();
            let got = fitted.calculate(&analysis, &all(&analysis)).value;
            assert!(got.abs() < 1e-15, "{}: {got}", method.name());
        }
    }

    #[test]
    fn constant_columns() {
        let small = column(ColumnData::Numeric(vec![5.0; 100]));
        let large = column(ColumnData::Numeric(vec![5.0; 20_000]));
        let same = column(ColumnData::Numeric(vec![5.0; 10]));
        let moved = column(ColumnData::Numeric(vec![6.0; 10]));
        for reference in [&small, &large] {
            for method in UnivariateMethod::ALL.into_iter().filter(|m| m.supports(true)) {
                let fitted = fit_univariate(method, reference, &all(reference), true).unwrap();
                assert_eq!(fitted.calculate(&same, &all(&same)).value, 0.0, "{}", method.name());
                // Disjoint: every distance is 1 (Wasserstein: the shift, 1 too;
                // NannyML's estimate sums 10,000 bin widths, so about 1e-12 off).
                let got = fitted.calculate(&moved, &all(&moved)).value;
                assert!((got - 1.0).abs() < 1e-9, "{} on {} rows: {got}", method.name(), reference.len());
            }
        }
        let one = categories(&["a", "a"]);
        let fitted = fit_univariate(UnivariateMethod::Chi2, &one, &all(&one), false).unwrap();
        assert_eq!(fitted.calculate(&one, &all(&one)), UnivariateValue { value: 0.0, p_value: Some(1.0) });
    }
}
