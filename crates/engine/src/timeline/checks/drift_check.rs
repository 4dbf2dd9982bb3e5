//! Univariate drift per window, as NannyML measures it: each column's
//! methods fitted once on the whole reference, then computed on every
//! window. Default bounds are NannyML's per method; chi2 is judged by its
//! p-value (< 0.05), as NannyML does.

use super::check_error::CheckError;
use super::window_check::{Side, WindowCheck};
use crate::drift::nannyml::{fit_univariate, FittedUnivariate, UnivariateMethod};
use crate::table::{Column, Table};
use crate::timeline::config::DriftConfig;
use crate::timeline::series::{Observation, SeriesSpec, UPPER_SIDE};
use crate::types::Kind;

/// NannyML's chi2 alert level.
const CHI2_ALPHA: f64 = 0.05;

/// One fitted method on one column.
struct Fitted {
    column: String,
    fitted: FittedUnivariate,
}

/// The prepared drift check.
pub struct DriftCheck<'t> {
    reference: &'t Table,
    current: &'t Table,
    fitted: Vec<Fitted>,
    series: Vec<SeriesSpec>,
}

/// Whether a column is tested when the user lists none.
fn tested_by_default(column: &Column, time_column: Option<&str>) -> bool {
    let role_ok = column.role.not_checked().is_none();
    let kind_ok = matches!(column.kind, Kind::Numerical | Kind::Categorical);
    role_ok && kind_ok && Some(column.name.as_str()) != time_column
}

impl<'t> DriftCheck<'t> {
    /// Fits every method on every tested column of the reference; columns a
    /// method cannot be fitted on are reported in the returned warnings.
    ///
    /// # Errors
    /// A listed column is absent from the reference, or a method does not
    /// suit a listed column's type.
    pub fn new(
        reference: &'t Table,
        current: &'t Table,
        config: &DriftConfig,
        time_column: Option<&str>,
    ) -> Result<(Self, Vec<String>), CheckError> {
        let columns: Vec<&Column> = if config.columns.is_empty() {
            reference.columns.iter().filter(|c| tested_by_default(c, time_column)).collect()
        } else {
            config
                .columns
                .iter()
                .map(|name| {
                    reference.column(name).ok_or_else(|| CheckError::NoReferenceColumn { column: name.clone() })
                })
                .collect::<Result<_, _>>()?
        };
        let all_rows: Vec<usize> = (0..reference.n_rows).collect();
        let (mut fitted, mut series, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
        for column in columns.into_iter().filter(|c| !config.exclude.contains(&c.name)) {
            let continuous = column.kind == Kind::Numerical;
            let methods = if continuous { &config.continuous_methods } else { &config.categorical_methods };
            for &method in methods {
                if !method.supports(continuous) {
                    let kind = if continuous { "numeric" } else { "categorical" };
                    return Err(CheckError::MethodKind { method: method.name(), kind, column: column.name.clone() });
                }
                match fit_univariate(method, column, &all_rows, continuous) {
                    Ok(f) => {
                        fitted.push(Fitted { column: column.name.clone(), fitted: f });
                        series.push(spec(&column.name, method));
                    }
                    Err(e) => warnings.push(format!("drift of {} by {}: {e}", column.name, method.name())),
                }
            }
        }
        Ok((Self { reference, current, fitted, series }, warnings))
    }
}

fn spec(column: &str, method: UnivariateMethod) -> SeriesSpec {
    let (lower, upper) = method.value_limits();
    let mut spec = SeriesSpec::new(format!("drift:{column}:{}", method.name()), method.default_threshold(), UPPER_SIDE)
        .limited(lower, upper);
    if method.alerts_on_p_value() {
        spec.p_value_alpha = Some(CHI2_ALPHA);
    }
    spec
}

impl WindowCheck for DriftCheck<'_> {
    fn series(&self) -> &[SeriesSpec] {
        &self.series
    }

    fn observe(&self, side: Side, rows: &[usize]) -> Vec<Observation> {
        let table = side.pick(self.reference, self.current);
        self.fitted
            .iter()
            .map(|f| match table.column(&f.column) {
                Some(column) if !rows.is_empty() => {
                    let v = f.fitted.calculate(column, rows);
                    Observation { value: v.value, p_value: v.p_value }
                }
                _ => Observation::missing(),
            })
            .collect()
    }
}
