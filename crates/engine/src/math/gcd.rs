//! The greatest common divisor, for the lattices of exact two-sample
//! distributions (the KS statistic's steps of 1 / lcm(n, m), the
//! Cramér-von Mises table's scale).

/// Euclid's algorithm; `gcd(a, 0) = a`.
#[must_use]
pub(crate) fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::gcd;

    #[test]
    fn euclid() {
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(7, 0), 7);
        assert_eq!(gcd(0, 7), 7);
        assert_eq!(gcd(17, 5), 1);
    }
}
