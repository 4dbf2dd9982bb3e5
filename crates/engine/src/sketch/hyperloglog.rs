//! A distinct-count estimate in fixed memory: HyperLogLog with 2^14
//! one-byte registers (16 KiB) over a 64-bit hash, estimated with Ertl's
//! improved estimator ("New cardinality estimation algorithms for
//! HyperLogLog sketches", 2017, arXiv:1702.01284, algorithm 6), which needs
//! neither HyperLogLog++'s empirical bias tables nor its linear-counting
//! switch and keeps its relative standard error near 1.04 / √m over the
//! whole range, small counts included. Merging takes each register's
//! maximum, so merge(state(A), state(B)) equals state(A ∪ B) exactly.
//!
//! The hash is fixed (FNV-1a over the value's bytes, then SplitMix64's
//! finaliser), so native and wasm builds, and every run, give the same
//! registers for the same values.

use serde::{Deserialize, Serialize};

/// Index bits: 2^14 registers.
pub const HLL_PRECISION: u32 = 14;
/// Registers.
const M: usize = 1 << HLL_PRECISION;
/// Bits left for the register value (64 − p).
const Q: u32 = 64 - HLL_PRECISION;
/// The estimate's relative standard error, 1.04 / √m ≈ 0.81 %: about two
/// in three estimates lie within it and almost all within three times it.
pub const HLL_RELATIVE_STANDARD_ERROR: f64 = 1.04 / 128.0;

/// A HyperLogLog sketch.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Registers", into = "Registers")]
pub struct HyperLogLog {
    registers: Vec<u8>,
}

/// The registers as a state file holds them.
#[derive(Serialize, Deserialize)]
struct Registers(#[serde(with = "serde_bytes_compat")] Vec<u8>);

impl From<HyperLogLog> for Registers {
    fn from(h: HyperLogLog) -> Self {
        Self(h.registers)
    }
}

impl TryFrom<Registers> for HyperLogLog {
    type Error = String;

    fn try_from(r: Registers) -> Result<Self, String> {
        if r.0.len() != M || r.0.iter().any(|&v| u32::from(v) > Q + 1) {
            return Err(format!(
                "a distinct-count sketch of {} registers (expected {M}, each at most {})",
                r.0.len(),
                Q + 1
            ));
        }
        Ok(Self { registers: r.0 })
    }
}

/// Registers as one byte string (not a list of numbers) in binary formats.
mod serde_bytes_compat {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_bytes(Visitor)
    }
}

impl std::fmt::Debug for HyperLogLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HyperLogLog(~{:.0})", self.estimate())
    }
}

impl Default for HyperLogLog {
    fn default() -> Self {
        Self { registers: vec![0; M] }
    }
}

impl HyperLogLog {
    /// An empty sketch.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a value given as its bytes (a category's text, a number's
    /// canonical form).
    pub fn add_bytes(&mut self, bytes: &[u8]) {
        self.add_hash(hash_bytes(bytes));
    }

    /// Adds a value by its 64-bit hash.
    pub fn add_hash(&mut self, hash: u64) {
        let index = (hash >> Q) as usize;
        // The rank of the first 1 bit in the remaining q bits, q + 1 if none.
        let rest = hash << HLL_PRECISION;
        let rank = (rest.leading_zeros().min(Q) + 1) as u8;
        if let Some(register) = self.registers.get_mut(index) {
            *register = (*register).max(rank);
        }
    }

    /// Merges `other` in: the sketch of both inputs together.
    pub fn merge(&mut self, other: &Self) {
        for (mine, theirs) in self.registers.iter_mut().zip(&other.registers) {
            *mine = (*mine).max(*theirs);
        }
    }

    /// The estimated number of distinct values (0 for an empty sketch).
    #[must_use]
    pub fn estimate(&self) -> f64 {
        let mut counts = [0_u32; Q as usize + 2];
        for &r in &self.registers {
            if let Some(c) = counts.get_mut(usize::from(r)) {
                *c += 1;
            }
        }
        let m = M as f64;
        let count = |k: usize| f64::from(counts.get(k).copied().unwrap_or(0));
        let mut z = m * tau(1.0 - count(Q as usize + 1) / m);
        for k in (1..=Q as usize).rev() {
            z = 0.5 * (z + count(k));
        }
        z += m * sigma(count(0) / m);
        let alpha_infinity = 1.0 / (2.0 * std::f64::consts::LN_2);
        if z.is_infinite() {
            return 0.0;
        }
        alpha_infinity * m * m / z
    }
}

/// σ(x) = x + Σ_{k≥1} x^(2^k) 2^(k−1) (infinite at x = 1: no register set).
fn sigma(x: f64) -> f64 {
    if x >= 1.0 {
        return f64::INFINITY;
    }
    let (mut x, mut y, mut z) = (x, 1.0, x);
    loop {
        x *= x;
        let before = z;
        z += x * y;
        y += y;
        if z == before {
            return z;
        }
    }
}

/// τ(x) = (1 − x − Σ_{k≥1} (1 − x^(2^−k))² 2^−k) / 3.
fn tau(x: f64) -> f64 {
    if x == 0.0 || x == 1.0 {
        return 0.0;
    }
    let (mut x, mut y, mut z) = (x, 1.0, 1.0 - x);
    loop {
        x = x.sqrt();
        let before = z;
        y *= 0.5;
        z -= (1.0 - x).powi(2) * y;
        if z == before {
            return z / 3.0;
        }
    }
}

/// FNV-1a 64 of the bytes, then SplitMix64's finaliser (FNV alone leaves
/// the high bits, which pick the register, poorly mixed for short inputs).
#[must_use]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    finalise(h)
}

/// The hash of a number cell: its bits (−0 as 0) through SplitMix64's
/// finaliser, salted so that numbers and texts hash apart. Cheap enough
/// to run on every cell of a continuous column.
#[must_use]
pub fn hash_number(x: f64) -> u64 {
    let bits = if x == 0.0 { 0 } else { x.to_bits() };
    finalise(bits ^ 0x6E75_6D62_6572_0000)
}

fn finalise(h: u64) -> u64 {
    let mut z = h.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sketch(values: impl Iterator<Item = u64>) -> HyperLogLog {
        let mut h = HyperLogLog::new();
        for v in values {
            h.add_bytes(&v.to_le_bytes());
        }
        h
    }

    #[test]
    fn the_estimate_is_within_three_standard_errors_from_one_to_two_million() {
        let mut checked = 0;
        for n in [1_u64, 2, 10, 100, 1_000, 10_000, 40_000, 100_000, 2_000_000] {
            let estimate = sketch(0..n).estimate();
            let error = (estimate - n as f64).abs() / n as f64;
            assert!(error <= 3.0 * HLL_RELATIVE_STANDARD_ERROR, "{n}: {estimate} ({error:.4})");
            checked += 1;
        }
        assert_eq!(checked, 9);
        assert_eq!(HyperLogLog::new().estimate(), 0.0);
    }

    #[test]
    fn repeats_do_not_count_and_merging_equals_the_sketch_of_the_union() {
        let a = sketch(0..50_000);
        let b = sketch(30_000..90_000);
        let mut merged = a.clone();
        merged.merge(&b);
        assert_eq!(merged, sketch(0..90_000));
        assert_eq!(sketch((0..1000).chain(0..1000)), sketch(0..1000));
        let mut twice = a.clone();
        twice.merge(&a);
        assert_eq!(twice, a);
    }

    #[test]
    fn the_state_round_trips_through_json() {
        let a = sketch(0..1234);
        let back: HyperLogLog = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
    }
}
