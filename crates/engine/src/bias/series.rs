//! A column seen as pandas sees it after `pd.read_csv`: smclarify's rules
//! (data type, value matching, thresholds) depend on the pandas dtype, so
//! Tideline rebuilds it from the cells' Deequ classes.

use crate::table::{Column, ColumnData, MISSING_CODE, MISSING_TIMESTAMP};
use crate::types::format_timestamp_millis;

/// The dtype `pd.read_csv` gives a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    /// Whole numbers with no missing cell (`int64`).
    Int,
    /// Numbers with a fraction or a missing cell (`float64`).
    Float,
    /// `True`/`False` with no missing cell (`bool`).
    Bool,
    /// Anything else (`object`, Python strings).
    Object,
}

impl Dtype {
    /// The dtype's pandas name, for messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Int => "int64",
            Self::Float => "float64",
            Self::Bool => "bool",
            Self::Object => "object",
        }
    }
}

/// One cell as a Python value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elem<'a> {
    /// `np.int64`.
    Int(i64),
    /// `np.float64` (never NaN: NaN is `Missing`).
    Float(f64),
    /// `bool`.
    Bool(bool),
    /// `str`.
    Str(&'a str),
    /// NaN / None.
    Missing,
}

impl Elem<'_> {
    /// The value as a number, as `pd.to_numeric` reads it.
    #[must_use]
    pub fn number(self) -> Option<f64> {
        match self {
            Self::Int(i) => Some(i as f64),
            Self::Float(x) => Some(x),
            Self::Bool(b) => Some(f64::from(u8::from(b))),
            Self::Str(s) => s.trim().parse().ok(),
            Self::Missing => None,
        }
    }

    /// A key that sorts and compares as `np.unique` does within one dtype.
    #[must_use]
    pub fn key(self) -> String {
        match self {
            Self::Int(i) => i.to_string(),
            Self::Float(x) => crate::math::float_str(x),
            Self::Bool(b) => if b { "True" } else { "False" }.to_owned(),
            Self::Str(s) => s.to_owned(),
            Self::Missing => "nan".to_owned(),
        }
    }
}

/// A column with its pandas dtype.
#[derive(Clone, Copy, Debug)]
pub struct Series<'a> {
    /// The column.
    pub column: &'a Column,
    /// Its pandas dtype.
    pub dtype: Dtype,
}

const BOOL_WORDS: [&str; 6] = ["True", "False", "true", "false", "TRUE", "FALSE"];

impl<'a> Series<'a> {
    /// The column as pandas types it.
    #[must_use]
    pub fn new(column: &'a Column) -> Self {
        let missing = column.data.missing_count() > 0;
        let d = &column.deequ;
        let dtype = match &column.data {
            ColumnData::Numeric(_) if d.fractional == 0 && !missing => Dtype::Int,
            ColumnData::Numeric(_) => Dtype::Float,
            ColumnData::Boolean(_) if !missing => Dtype::Bool,
            ColumnData::Categorical { dictionary, .. }
                if !missing
                    && !dictionary.is_empty()
                    && dictionary.iter().all(|v| BOOL_WORDS.contains(&v.as_str())) =>
            {
                Dtype::Bool
            }
            ColumnData::Categorical { .. } if d.string == 0 && d.boolean == 0 && d.present() > 0 => {
                if d.fractional == 0 && !missing {
                    Dtype::Int
                } else {
                    Dtype::Float
                }
            }
            _ => Dtype::Object,
        };
        Self { column, dtype }
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.column.len()
    }

    /// True when there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn typed<'s>(&self, raw: &'s str) -> Elem<'s> {
        match self.dtype {
            Dtype::Int => {
                raw.parse::<i64>().map_or_else(|_| raw.parse().map_or(Elem::Str(raw), Elem::Float), Elem::Int)
            }
            Dtype::Float => raw.parse().map_or(Elem::Str(raw), Elem::Float),
            Dtype::Bool => Elem::Bool(raw.eq_ignore_ascii_case("true")),
            Dtype::Object => Elem::Str(raw),
        }
    }

    fn number_elem(&self, x: f64) -> Elem<'static> {
        if x.is_nan() {
            Elem::Missing
        } else if self.dtype == Dtype::Int {
            Elem::Int(x as i64)
        } else {
            Elem::Float(x)
        }
    }

    /// One boolean per row: `f` applied to each cell. Dictionary-coded
    /// columns call `f` once per distinct value.
    pub fn mask<E>(&self, mut f: impl FnMut(Elem<'_>) -> Result<bool, E>) -> Result<Vec<bool>, E> {
        Ok(match &self.column.data {
            ColumnData::Numeric(v) => {
                let mut out = Vec::with_capacity(v.len());
                for &x in v {
                    out.push(f(self.number_elem(x))?);
                }
                out
            }
            ColumnData::Categorical { dictionary, codes } => {
                let mut per_code = Vec::with_capacity(dictionary.len());
                for raw in dictionary {
                    per_code.push(f(self.typed(raw))?);
                }
                let missing = f(Elem::Missing)?;
                codes.iter().map(|&c| if c == MISSING_CODE { missing } else { per_code[c as usize] }).collect()
            }
            ColumnData::Boolean(v) => {
                let (t, fa, m) = (f(Elem::Bool(true))?, f(Elem::Bool(false))?, f(Elem::Missing)?);
                v.iter().map(|b| b.map_or(m, |b| if b { t } else { fa })).collect()
            }
            ColumnData::Text(t) => {
                let mut out = Vec::with_capacity(t.present.len());
                for i in 0..t.present.len() {
                    out.push(f(t.get(i).map_or(Elem::Missing, Elem::Str))?);
                }
                out
            }
            ColumnData::Timestamp(v) => {
                let mut out = Vec::with_capacity(v.len());
                for &ms in v {
                    let text = (ms != MISSING_TIMESTAMP).then(|| format_timestamp_millis(ms));
                    out.push(f(text.as_deref().map_or(Elem::Missing, Elem::Str))?);
                }
                out
            }
        })
    }

    /// Row i's cell.
    #[must_use]
    pub fn get(&self, i: usize) -> Elem<'a> {
        match &self.column.data {
            ColumnData::Numeric(v) => v.get(i).map_or(Elem::Missing, |&x| self.number_elem(x)),
            ColumnData::Categorical { dictionary, codes } => codes
                .get(i)
                .and_then(|&c| dictionary.get(c as usize))
                .map_or(Elem::Missing, |raw| self.typed(raw.as_str())),
            ColumnData::Boolean(v) => v.get(i).copied().flatten().map_or(Elem::Missing, Elem::Bool),
            ColumnData::Text(t) => t.get(i).map_or(Elem::Missing, Elem::Str),
            // Timestamps are not borrowed text; callers compare them through `mask`.
            ColumnData::Timestamp(_) => Elem::Missing,
        }
    }

    /// Every row as a number (`pd.to_numeric`), NaN where missing or not a number.
    #[must_use]
    pub fn numbers(&self) -> Vec<f64> {
        match &self.column.data {
            ColumnData::Numeric(v) => v.clone(),
            _ => (0..self.len()).map(|i| self.get(i).number().unwrap_or(f64::NAN)).collect(),
        }
    }

    /// `(series.nunique(), series.count())`: distinct and present values.
    #[must_use]
    pub fn nunique_count(&self) -> (usize, usize) {
        match &self.column.data {
            ColumnData::Numeric(v) => {
                let mut present: Vec<u64> = v.iter().filter(|x| !x.is_nan()).map(|x| (x + 0.0).to_bits()).collect();
                let count = present.len();
                present.sort_unstable();
                present.dedup();
                (present.len(), count)
            }
            ColumnData::Categorical { dictionary, codes } => {
                let mut seen = vec![false; dictionary.len()];
                let mut count = 0;
                for &c in codes {
                    if let Some(s) = seen.get_mut(c as usize) {
                        *s = true;
                        count += 1;
                    }
                }
                (seen.iter().filter(|&&s| s).count(), count)
            }
            ColumnData::Boolean(v) => {
                let t = v.iter().filter(|b| **b == Some(true)).count();
                let f = v.iter().filter(|b| **b == Some(false)).count();
                (usize::from(t > 0) + usize::from(f > 0), t + f)
            }
            ColumnData::Text(t) => {
                let mut present: Vec<&str> = (0..t.present.len()).filter_map(|i| t.get(i)).collect();
                let count = present.len();
                present.sort_unstable();
                present.dedup();
                (present.len(), count)
            }
            ColumnData::Timestamp(v) => {
                let mut present: Vec<i64> = v.iter().copied().filter(|&t| t != MISSING_TIMESTAMP).collect();
                let count = present.len();
                present.sort_unstable();
                present.dedup();
                (present.len(), count)
            }
        }
    }

    /// Distinct values in order of first appearance, missing included
    /// (`unique()`).
    #[must_use]
    pub fn unique_in_order(&self) -> Vec<Elem<'a>> {
        let mut seen: Vec<Elem<'a>> = Vec::new();
        let mut keys = hashbrown::HashSet::new();
        let mut missing = false;
        for i in 0..self.len() {
            let e = self.get(i);
            if e == Elem::Missing {
                if !missing {
                    missing = true;
                    seen.push(e);
                }
            } else if keys.insert(e.key()) {
                seen.push(e);
            }
        }
        seen
    }
}
