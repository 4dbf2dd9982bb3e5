//! One pass over the rows: the facet split's confusion counts, overall and
//! per stratum of the group variable.

use super::confusion::{Confusion, FacetCounts};
use super::strata::Strata;

/// Counts rows by facet group (d when `sensitive`), observed label and
/// predicted label (all negative without predictions), and stratum.
#[must_use]
pub fn count_facet(
    sensitive: &[bool],
    label: &[bool],
    predicted: Option<&[bool]>,
    strata: Option<&Strata>,
) -> FacetCounts {
    let mut counts = FacetCounts {
        strata: vec![(Confusion::default(), Confusion::default()); strata.map_or(0, |s| s.names.len())],
        has_predictions: predicted.is_some(),
        has_group_variable: strata.is_some(),
        ..FacetCounts::default()
    };
    for (i, (&d, &y)) in sensitive.iter().zip(label).enumerate() {
        let yhat = predicted.is_some_and(|p| p.get(i).copied().unwrap_or(false));
        if d {
            counts.d.add(y, yhat);
        } else {
            counts.a.add(y, yhat);
        }
        if let Some(Some(code)) = strata.and_then(|s| s.codes.get(i)) {
            if let Some((sd, sa)) = counts.strata.get_mut(*code as usize) {
                if d {
                    sd.add(y, yhat);
                } else {
                    sa.add(y, yhat);
                }
            }
        }
    }
    counts
}
