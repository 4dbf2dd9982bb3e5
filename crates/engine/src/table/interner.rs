//! A string dictionary: each distinct value stored once, looked up by hash.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

use crate::types::parse_datetime_millis;

/// Distinct strings in order of first appearance, with their codes.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
    pub(crate) values: Vec<String>,
    /// Epoch milliseconds of each value while every value so far is a datetime.
    pub(crate) datetimes: Option<Vec<i64>>,
}

impl Interner {
    pub(crate) fn new() -> Self {
        Self { datetimes: Some(Vec::new()), ..Self::default() }
    }

    /// The code of `value`, adding it when new.
    pub(crate) fn intern(&mut self, value: &str) -> u32 {
        let hash = self.hasher.hash_one(value);
        let values = &self.values;
        if let Some(&code) = self.table.find(hash, |&code| values.get(code as usize).is_some_and(|v| v == value)) {
            return code;
        }
        let code = self.values.len() as u32;
        self.values.push(value.to_owned());
        let (values, hasher) = (&self.values, &self.hasher);
        self.table.insert_unique(hash, code, |&c| hasher.hash_one(values.get(c as usize).map_or("", String::as_str)));
        if let Some(datetimes) = &mut self.datetimes {
            match parse_datetime_millis(value) {
                Some(millis) => datetimes.push(millis),
                None => self.datetimes = None,
            }
        }
        code
    }
}
