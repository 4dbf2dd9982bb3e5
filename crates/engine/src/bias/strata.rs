//! The group variable of CDDL and CDDPL: each row's stratum, in the order
//! `np.unique` sorts the values.

use super::error::BiasError;
use super::series::{Dtype, Elem, Series};

/// Per-row stratum codes and the strata's names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Strata {
    /// Per row: index into `names`, or `None` for a missing value (its rows
    /// count in no stratum, as `group_variable == nan` selects none).
    pub codes: Vec<Option<u32>>,
    /// The distinct values, sorted.
    pub names: Vec<String>,
}

/// Sort key of a value within one dtype: numbers numerically, strings by
/// code point, booleans False < True.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum SortKey {
    Number(f64),
    Text(String),
}

impl Strata {
    /// Strata of a column. An object column with a missing value fails as
    /// `np.unique` does (it cannot order NaN and strings).
    ///
    /// # Errors
    /// [`BiasError::UnorderedGroupVariable`] for that missing value.
    pub fn new(series: &Series<'_>) -> Result<Self, BiasError> {
        let mut keys: Vec<(SortKey, String)> = Vec::new();
        let mut index = hashbrown::HashMap::new();
        let mut codes = Vec::with_capacity(series.len());
        let mut row_keys = Vec::with_capacity(series.len());
        for i in 0..series.len() {
            let e = series.get(i);
            if e == Elem::Missing {
                if series.dtype == Dtype::Object {
                    return Err(BiasError::UnorderedGroupVariable);
                }
                row_keys.push(None);
                continue;
            }
            let name = e.key();
            let next = index.len();
            let slot = *index.entry(name.clone()).or_insert_with(|| {
                let sort = match e {
                    Elem::Str(s) => SortKey::Text(s.to_owned()),
                    other => SortKey::Number(other.number().unwrap_or(f64::NAN)),
                };
                keys.push((sort, name));
                next
            });
            row_keys.push(Some(slot));
        }
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| keys[a].0.partial_cmp(&keys[b].0).unwrap_or(std::cmp::Ordering::Equal));
        let mut rank = vec![0_u32; keys.len()];
        for (r, &k) in order.iter().enumerate() {
            rank[k] = u32::try_from(r).unwrap_or(u32::MAX);
        }
        codes.extend(row_keys.into_iter().map(|k| k.map(|k| rank[k])));
        let names = order.into_iter().map(|k| keys[k].1.clone()).collect();
        Ok(Self { codes, names })
    }
}
