//! Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic
//! Jacobi method, which is accurate to high relative precision; enough to
//! form a Moore-Penrose pseudo-inverse (for a symmetric matrix the singular
//! values are the absolute eigenvalues).

// Dense linear algebra on fixed-size arrays: indices read as the formulas.
#![allow(clippy::needless_range_loop)]

/// Sweeps before giving up (convergence is quadratic; 4x4 needs < 10).
const MAX_SWEEPS: usize = 100;

/// A symmetric N x N matrix's eigen-decomposition: `values[i]` with
/// eigenvector column `vectors[.][i]`.
pub(crate) struct Eigen<const N: usize> {
    /// Eigenvalues, unordered.
    pub values: [f64; N],
    /// Orthonormal eigenvectors as columns.
    pub vectors: [[f64; N]; N],
}

/// Diagonalises the symmetric matrix `a`.
pub(crate) fn symmetric_eigen<const N: usize>(mut a: [[f64; N]; N]) -> Eigen<N> {
    let mut v = [[0.0; N]; N];
    for (i, row) in v.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for _ in 0..MAX_SWEEPS {
        let off: f64 = (0..N).flat_map(|p| ((p + 1)..N).map(move |q| (p, q))).map(|(p, q)| a[p][q] * a[p][q]).sum();
        if off == 0.0 {
            break;
        }
        for p in 0..N {
            for q in (p + 1)..N {
                let apq = a[p][q];
                if apq == 0.0 {
                    continue;
                }
                // Rotation angle that zeroes a[p][q].
                let theta = (a[q][q] - a[p][p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..N {
                    let (akp, akq) = (a[k][p], a[k][q]);
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for k in 0..N {
                    let (apk, aqk) = (a[p][k], a[q][k]);
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vkp, vkq) = (row[p], row[q]);
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut values = [0.0; N];
    for (i, value) in values.iter_mut().enumerate() {
        *value = a[i][i];
    }
    Eigen { values, vectors: v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconstructs_the_matrix() {
        let m = [[4.0, 1.0, 0.5], [1.0, 3.0, 0.25], [0.5, 0.25, 2.0]];
        let e = symmetric_eigen(m);
        for i in 0..3 {
            for j in 0..3 {
                let back: f64 = (0..3).map(|k| e.vectors[i][k] * e.values[k] * e.vectors[j][k]).sum();
                assert!((back - m[i][j]).abs() < 1e-14);
            }
        }
    }
}
