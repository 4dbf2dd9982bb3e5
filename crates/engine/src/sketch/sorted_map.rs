//! Hash maps written as sorted lists of pairs, so that equal states give
//! equal bytes (a state file's checksum, a test's comparison).

use std::hash::Hash;

use hashbrown::HashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes the map's pairs sorted by key.
///
/// # Errors
/// The serializer's.
pub fn serialize<K, V, S>(map: &HashMap<K, V>, serializer: S) -> Result<S::Ok, S::Error>
where
    K: Ord + Serialize,
    V: Serialize,
    S: Serializer,
{
    let mut pairs: Vec<(&K, &V)> = map.iter().collect();
    pairs.sort_unstable_by(|a, b| a.0.cmp(b.0));
    serializer.collect_seq(pairs)
}

/// Reads pairs back into a map.
///
/// # Errors
/// The deserializer's.
pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<HashMap<K, V>, D::Error>
where
    K: Eq + Hash + Deserialize<'de>,
    V: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let pairs: Vec<(K, V)> = Vec::deserialize(deserializer)?;
    Ok(pairs.into_iter().collect())
}

/// The same for an optional map.
pub mod option {
    use super::{Deserialize, Deserializer, Hash, HashMap, Serialize, Serializer};

    /// Writes `None` or the sorted pairs.
    ///
    /// # Errors
    /// The serializer's.
    pub fn serialize<K, V, S>(map: &Option<HashMap<K, V>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        K: Ord + Serialize,
        V: Serialize,
        S: Serializer,
    {
        let pairs: Option<Vec<(&K, &V)>> = map.as_ref().map(|m| {
            let mut pairs: Vec<(&K, &V)> = m.iter().collect();
            pairs.sort_unstable_by(|a, b| a.0.cmp(b.0));
            pairs
        });
        pairs.serialize(serializer)
    }

    /// Reads `None` or the pairs back into a map.
    ///
    /// # Errors
    /// The deserializer's.
    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<Option<HashMap<K, V>>, D::Error>
    where
        K: Eq + Hash + Deserialize<'de>,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        let pairs: Option<Vec<(K, V)>> = Option::deserialize(deserializer)?;
        Ok(pairs.map(|p| p.into_iter().collect()))
    }
}
