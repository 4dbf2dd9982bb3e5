//! Exact count of distinct 64-bit words, for the schema's distinct counts.
//!
//! A hash set of a million words misses the cache on nearly every insert,
//! and sorting takes eight radix passes. Here the words are first dealt
//! into buckets by a hash of each (two passes), so that each bucket's own
//! small hash set stays in cache: three passes over the words in all.

/// Words per bucket aimed at (a bucket's set of 2× as many slots is 64 KB).
const BUCKET_WORDS: usize = 4096;

/// Below this many words a sort is as fast.
const SMALL: usize = 2 * BUCKET_WORDS;

/// How many different words `words` holds.
///
/// # Examples
/// ```
/// use tideline_engine::distinct_words::distinct_words;
/// assert_eq!(distinct_words(&[3, 1, 3, 0, 1]), 3);
/// ```
#[must_use]
pub fn distinct_words(words: &[u64]) -> u64 {
    if words.len() < SMALL {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        return sorted.len() as u64;
    }
    let bits = (words.len() / BUCKET_WORDS).next_power_of_two().trailing_zeros().clamp(1, 16);
    let bucket = |word: u64| (mix(word) >> (64 - bits)) as usize;
    let mut starts = vec![0_usize; (1 << bits) + 1];
    for &word in words {
        starts[bucket(word) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut dealt = vec![0_u64; words.len()];
    for &word in words {
        let slot = &mut next[bucket(word)];
        dealt[*slot] = word;
        *slot += 1;
    }
    let largest = starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
    let mut set = vec![0_u64; (2 * largest).next_power_of_two().max(16)];
    let mut total = 0;
    for w in starts.windows(2) {
        total += count_in(&dealt[w[0]..w[1]], &mut set);
    }
    total
}

/// Distinct words of one bucket, with `set` (all zero on entry and on exit) as the table.
fn count_in(words: &[u64], set: &mut [u64]) -> u64 {
    let size = (2 * words.len()).next_power_of_two().max(16).min(set.len());
    let table = &mut set[..size];
    let mask = size - 1;
    // 0 marks an empty slot, so the word 0 is counted apart.
    let mut zero = false;
    let mut distinct = 0;
    for &word in words {
        if word == 0 {
            zero = true;
            continue;
        }
        // The bucket used the hash's top bits; its low bits place the word.
        let mut i = mix(word) as usize & mask;
        loop {
            let held = table[i];
            if held == word {
                break;
            }
            if held == 0 {
                table[i] = word;
                distinct += 1;
                break;
            }
            i = (i + 1) & mask;
        }
    }
    table.fill(0);
    distinct + u64::from(zero)
}

/// A 64-bit mix (SplitMix64's finaliser): every input bit moves every output bit.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_count(words: &[u64]) -> u64 {
        let mut v = words.to_vec();
        v.sort_unstable();
        v.dedup();
        v.len() as u64
    }

    #[test]
    fn large_inputs_equal_sort_and_dedup() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for (n, range) in [(20_000, u64::MAX), (100_000, 5_000), (300_000, 250_000), (50_000, 2)] {
            let words: Vec<u64> = (0..n).map(|i| if i % 101 == 0 { 0 } else { next() % range }).collect();
            assert_eq!(distinct_words(&words), sorted_count(&words), "{n} words below {range}");
        }
        // Float bits as the summary passes them, with repeats.
        let floats: Vec<u64> = (0..200_000).map(|i| (f64::from(i % 70_000) * 0.25).to_bits()).collect();
        assert_eq!(distinct_words(&floats), 70_000);
    }

    proptest::proptest! {
        #[test]
        fn any_words_equal_sort_and_dedup(words in proptest::collection::vec(0_u64..64, 0..20_000)) {
            proptest::prop_assert_eq!(distinct_words(&words), sorted_count(&words));
        }
    }
}
