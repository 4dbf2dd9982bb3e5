//! Kolmogorov's two-sided one-sample CDF Pr(D_n <= d) by Durbin's matrix
//! method as organised by Marsaglia, Tsang and Wang (2003, J. Stat. Softw.
//! 8(18)): the (k, k) entry of H^n, times n!/n^n. Exact for every d; the
//! cost is O(m^3 log n) with m = 2 ceil(n d) - 1, so callers use it only
//! where m stays small.

use super::scaling::{ldexp, TWO_POW_128, TWO_POW_MINUS_128};

/// Square matrix, row-major.
struct Matrix {
    size: usize,
    cells: Vec<f64>,
}

impl Matrix {
    fn zeros(size: usize) -> Self {
        Self { size, cells: vec![0.0; size * size] }
    }

    fn identity(size: usize) -> Self {
        let mut m = Self::zeros(size);
        for i in 0..size {
            m.set(i, i, 1.0);
        }
        m
    }

    fn get(&self, row: usize, col: usize) -> f64 {
        self.cells.get(row * self.size + col).copied().unwrap_or(0.0)
    }

    fn set(&mut self, row: usize, col: usize, value: f64) {
        if let Some(cell) = self.cells.get_mut(row * self.size + col) {
            *cell = value;
        }
    }

    fn times(&self, other: &Matrix) -> Matrix {
        let n = self.size;
        let mut out = Matrix::zeros(n);
        for (out_row, row) in out.cells.chunks_exact_mut(n).zip(self.cells.chunks_exact(n)) {
            for (&a, other_row) in row.iter().zip(other.cells.chunks_exact(n)) {
                for (o, &b) in out_row.iter_mut().zip(other_row) {
                    *o += a * b;
                }
            }
        }
        out
    }

    fn scale(&mut self, factor: f64) {
        for c in &mut self.cells {
            *c *= factor;
        }
    }
}

/// Pr(D_n <= d) for the two-sided one-sample statistic.
pub(crate) fn durbin_cdf(n: u64, d: f64) -> f64 {
    if d >= 1.0 {
        return 1.0;
    }
    let nd = n as f64 * d;
    if nd <= 0.5 {
        return 0.0;
    }
    let k = nd.ceil() as usize;
    let h = k as f64 - nd;
    let m = 2 * k - 1;

    // v[j] = (1 - h^(j+1)) / (j+1)!, w[j] = 1/j!.
    let mut v = vec![0.0; m];
    let mut w = vec![0.0; m];
    let mut factorial_inv = 1.0;
    for j in 1..=m {
        if let Some(slot) = w.get_mut(j - 1) {
            *slot = factorial_inv;
        }
        factorial_inv /= j as f64;
        if let Some(slot) = v.get_mut(j - 1) {
            *slot = (1.0 - h.powi(j as i32)) * factorial_inv;
        }
    }
    let corner = (2.0 * h - 1.0).max(0.0).powi(m as i32) - 2.0 * h.powi(m as i32);
    if let Some(last) = v.last_mut() {
        *last = (1.0 + corner) * factorial_inv;
    }

    let mut power = Matrix::zeros(m);
    for col in 1..m {
        for row in (col - 1)..m {
            power.set(row, col, w.get(row + 1 - col).copied().unwrap_or(0.0));
        }
    }
    for (row, &value) in v.iter().enumerate() {
        power.set(row, 0, value);
    }
    for (col, &value) in v.iter().rev().enumerate() {
        power.set(m - 1, col, value);
    }

    // Binary powering, rescaling by 2^128 to keep the entries finite.
    let mut result = Matrix::identity(m);
    let mut result_exponent: i64 = 0;
    let mut power_exponent: i64 = 0;
    let mut remaining = n;
    while remaining > 0 {
        if remaining % 2 == 1 {
            result = result.times(&power);
            result_exponent += power_exponent;
        }
        power = power.times(&power);
        power_exponent *= 2;
        if power.get(k - 1, k - 1).abs() > TWO_POW_128 {
            power.scale(TWO_POW_MINUS_128);
            power_exponent += 128;
        }
        remaining /= 2;
    }

    let mut p = result.get(k - 1, k - 1);
    let nf = n as f64;
    for i in 1..=n {
        p = i as f64 * p / nf;
        if p.abs() < TWO_POW_MINUS_128 {
            p *= TWO_POW_128;
            result_exponent -= 128;
        }
    }
    ldexp(p, result_exponent).clamp(0.0, 1.0)
}
