//! Least-squares quadratic through points, `np.polyfit(x, y, 2)`, by
//! Householder QR on the column-scaled Vandermonde matrix (numpy scales the
//! columns too; its SVD solve and this QR solve agree to rounding).

// Dense linear algebra on fixed-size arrays: indices read as the formulas.
#![allow(clippy::needless_range_loop)]

/// Coefficients [c2, c1, c0] of c2 x² + c1 x + c0 minimising the squared
/// residuals at the N points.
pub(crate) fn quadratic_fit<const N: usize>(x: &[f64; N], y: &[f64; N]) -> [f64; 3] {
    let mut a = [[0.0; 3]; N];
    for (row, &xi) in a.iter_mut().zip(x) {
        *row = [xi * xi, xi, 1.0];
    }
    let mut scale = [0.0; 3];
    for (j, s) in scale.iter_mut().enumerate() {
        *s = a.iter().map(|r| r[j] * r[j]).sum::<f64>().sqrt();
        for r in a.iter_mut() {
            r[j] /= *s;
        }
    }
    let mut b = *y;
    // Householder reflections, column by column.
    for j in 0..3 {
        let norm = a.iter().skip(j).map(|r| r[j] * r[j]).sum::<f64>().sqrt();
        if norm == 0.0 {
            continue;
        }
        let alpha = if a[j][j] > 0.0 { -norm } else { norm };
        let mut v = [0.0; N];
        for i in j..N {
            v[i] = a[i][j];
        }
        v[j] -= alpha;
        let vnorm2: f64 = v.iter().map(|t| t * t).sum();
        if vnorm2 == 0.0 {
            continue;
        }
        for k in j..3 {
            let dot: f64 = (j..N).map(|i| v[i] * a[i][k]).sum();
            for i in j..N {
                a[i][k] -= 2.0 * dot / vnorm2 * v[i];
            }
        }
        let dot: f64 = (j..N).map(|i| v[i] * b[i]).sum();
        for i in j..N {
            b[i] -= 2.0 * dot / vnorm2 * v[i];
        }
    }
    // Back substitution on the 3 x 3 triangle, then undo the scaling.
    let mut c = [0.0; 3];
    for j in (0..3).rev() {
        let tail: f64 = ((j + 1)..3).map(|k| a[j][k] * c[k]).sum();
        c[j] = (b[j] - tail) / a[j][j];
    }
    for (cj, s) in c.iter_mut().zip(scale) {
        *cj /= s;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_an_exact_parabola() {
        let x = [0.5, 1.0, 2.0, 3.0, 4.5];
        let y = x.map(|t| 2.0 * t * t - 3.0 * t + 0.25);
        let c = quadratic_fit(&x, &y);
        assert!((c[0] - 2.0).abs() < 1e-12 && (c[1] + 3.0).abs() < 1e-12 && (c[2] - 0.25).abs() < 1e-12);
    }
}
