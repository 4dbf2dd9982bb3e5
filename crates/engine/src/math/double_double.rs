//! Double-double numbers (an unevaluated sum of two f64, about 106 bits;
//! Hida, Li & Bailey, "Library for double-double and quad-double arithmetic",
//! 2007), only for multiplying and dividing by exact integers: long products
//! of probability ratios stay accurate to far below f64 rounding.

/// `hi + lo`, with `|lo|` at most half an ulp of `hi`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DoubleDouble {
    hi: f64,
    lo: f64,
}

impl DoubleDouble {
    /// Exactly 1.
    pub(crate) const ONE: Self = Self { hi: 1.0, lo: 0.0 };

    /// The nearest f64.
    pub(crate) fn value(self) -> f64 {
        self.hi
    }

    /// `self · b`.
    pub(crate) fn mul(self, b: f64) -> Self {
        let product = self.hi * b;
        let error = self.hi.mul_add(b, -product) + self.lo * b;
        Self::renormalized(product, error)
    }

    /// `self / b`.
    pub(crate) fn div(self, b: f64) -> Self {
        let q1 = self.hi / b;
        let product = q1 * b;
        let product_error = q1.mul_add(b, -product);
        // hi − product is exact: the two are within an ulp of each other.
        let remainder = (self.hi - product - product_error) + self.lo;
        Self::renormalized(q1, remainder / b)
    }

    /// `a + b` as a normalized pair, for `|a| >= |b|`.
    fn renormalized(a: f64, b: f64) -> Self {
        let hi = a + b;
        Self { hi, lo: b - (hi - a) }
    }
}

#[cfg(test)]
mod tests {
    use super::DoubleDouble;

    #[test]
    fn thirds_round_trip() {
        // 1/3·3 is exactly 1 to double-double precision, unlike f64 chains.
        let mut x = DoubleDouble::ONE;
        for _ in 0..200 {
            x = x.div(3.0).mul(7.0).div(7.0).mul(3.0);
        }
        assert_eq!(x.value(), 1.0);
    }
}
