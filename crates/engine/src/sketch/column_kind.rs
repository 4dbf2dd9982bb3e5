//! The analysis kind of a column known only by its profile, decided by
//! the rules a loaded table's columns follow (`table::infer_kind` and the
//! storage the builder picks), so sketch mode judges a column as exact
//! mode would.

use crate::data_quality::FeatureProfile;
use crate::types::{Kind, MAX_CATEGORICAL_WHOLE_NUMBERS};

/// A string column needs more distinct values than this to be free text
/// (as the table builder decides).
const MIN_TEXT_DISTINCT: f64 = 20.0;

/// The kind a table would give this column.
#[must_use]
pub fn profile_kind(feature: &FeatureProfile) -> Kind {
    let present = feature.num_present();
    if present == 0 {
        return Kind::Categorical;
    }
    if feature.datetime_cells == present {
        return Kind::Datetime;
    }
    let d = &feature.deequ;
    if d.string + d.boolean == 0 {
        // Every cell a number: stored as numbers.
        let Some(mut numbers) = feature.values.numbers() else { return Kind::Numerical };
        let mut distinct = 0;
        let whole_and_few = numbers.all(|(x, _)| {
            distinct += 1;
            x.fract() == 0.0 && distinct <= MAX_CATEGORICAL_WHOLE_NUMBERS
        });
        return if whole_and_few { Kind::Categorical } else { Kind::Numerical };
    }
    if d.string == 0 {
        return Kind::Categorical;
    }
    let distinct = feature.distinct_count().unwrap_or(0.0);
    if distinct * 2.0 > present as f64 && distinct > MIN_TEXT_DISTINCT {
        Kind::Text
    } else {
        Kind::Categorical
    }
}
