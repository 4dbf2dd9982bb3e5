//! Exact null distribution of the two-sample Cramér-von Mises statistic,
//! by the frequency-table recursion of Xiao, Gordon and Yakovlev (2006,
//! J. Stat. Softw. 17(8), Algorithm 1) on Anderson's (1962) U, as
//! `scipy.stats.cramervonmises_2samp(method="exact")` computes it.
use crate::math::gcd::gcd;

/// Merges two frequency tables (sorted by value), adding counts of equal
/// values, then shifts every value by `shift`.
fn merge_shifted(left: &[(u64, u64)], right: &[(u64, u64)], shift: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (left.get(i), right.get(j)) {
            (Some(&(lv, lc)), Some(&(rv, rc))) => {
                if lv < rv {
                    i += 1;
                    (lv, lc)
                } else if rv < lv {
                    j += 1;
                    (rv, rc)
                } else {
                    i += 1;
                    j += 1;
                    (lv, lc + rc)
                }
            }
            (Some(&l), None) => {
                i += 1;
                l
            }
            (None, Some(&r)) => {
                j += 1;
                r
            }
            (None, None) => break,
        };
        out.push((next.0 + shift, next.1));
    }
    out
}

/// numpy's floor division of floats (`np.floor_divide`), which scipy uses
/// to turn U into the integer threshold ζ.
fn floor_divide(a: f64, b: f64) -> f64 {
    let rem = a % b;
    let mut div = (a - rem) / b;
    if rem != 0.0 && ((b < 0.0) != (rem < 0.0)) {
        div -= 1.0;
    }
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// Pr(U >= u) for sample sizes m and n, with U = m Σ(r_i - i)² + n Σ(s_j - j)²
/// on midranks (so u may be fractional when there are ties).
pub(crate) fn cvm_exact_sf(u: f64, m: u64, n: u64) -> f64 {
    let g = gcd(m, n);
    let lcm = m / g * n;
    let a = lcm / m;
    let b = lcm / n;
    let mn = (m * n) as f64;
    let lcm_f = lcm as f64;
    let zeta = floor_divide(lcm_f * lcm_f * (m + n) as f64 * (6.0 * u - mn * (4.0 * mn - 1.0)), 6.0 * mn * mn);

    // tables[v] holds, for the current row u, the frequencies of the sums
    // of (a v' - b u')² along the lattice paths reaching (u, v).
    let width = m as usize + 1;
    let mut tables: Vec<Vec<(u64, u64)>> = vec![Vec::new(); width];
    if let Some(first) = tables.first_mut() {
        first.push((0, 1));
    }
    for row in 0..=n {
        for v in 0..width {
            // tables[..v] already hold this row; tables[v] still the last.
            let (done, rest) = tables.split_at_mut(v);
            let Some(slot) = rest.first_mut() else { break };
            let previous = done.last().map(Vec::as_slice).unwrap_or(&[]);
            let step = (a * v as u64).abs_diff(b * row);
            *slot = merge_shifted(previous, slot, step * step);
        }
    }
    let paths: u64 = tables.last().map(|t| t.iter().map(|&(_, c)| c).sum()).unwrap_or(0);
    let extreme: u64 =
        tables.last().map(|t| t.iter().filter(|&&(v, _)| v as f64 >= zeta).map(|&(_, c)| c).sum()).unwrap_or(0);
    extreme as f64 / paths as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_divide_matches_numpy() {
        assert_eq!(floor_divide(7.0, 2.0), 3.0);
        assert_eq!(floor_divide(-7.0, 2.0), -4.0);
        assert_eq!(floor_divide(6.0, 3.0), 2.0);
    }

    #[test]
    fn whole_distribution_has_mass_one() {
        // The smallest U has every path at or above it.
        assert_eq!(cvm_exact_sf(0.0, 3, 4), 1.0);
    }
}
