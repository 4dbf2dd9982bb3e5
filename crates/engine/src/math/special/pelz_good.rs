//! The Pelz-Good (1976, JRSS B 38(2)) asymptotic expansion of Kolmogorov's
//! two-sided CDF, Pr(D_n <= x) ~ K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5
//! with z = x√n, each K written through Jacobi theta identities so that it
//! converges for small z. Simard and L'Ecuyer (2011) use it for large n.

use std::f64::consts::PI;

/// Below this exponent, exp() is zero in double precision.
const MIN_LOG: f64 = -708.0;

/// Pr(D_n <= x) by the Pelz-Good expansion.
pub(crate) fn pelz_good_cdf(n: u64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let nf = n as f64;
    let z = nf.sqrt() * x;
    let z2 = z * z;
    let z3 = z2 * z;
    let z4 = z2 * z2;
    let z6 = z4 * z2;
    let pi2 = PI * PI;
    let pi4 = pi2 * pi2;
    let pi6 = pi4 * pi2;
    let log_q = -pi2 / 8.0 / z2;
    if log_q < MIN_LOG {
        return 0.0;
    }
    let q = log_q.exp();

    let k1a = -z2;
    let k1b = pi2 / 4.0;
    let k2a = 6.0 * z6 + 2.0 * z4;
    let k2b = (2.0 * z4 - 5.0 * z2) * pi2 / 4.0;
    let k2c = pi4 * (1.0 - 2.0 * z2) / 16.0;
    let k3d = pi6 * (5.0 - 30.0 * z2) / 64.0;
    let k3c = pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0;
    let k3b = pi2 * (135.0 * z4 - 96.0 * z6) / 4.0;
    let k3a = -30.0 * z6 - 90.0 * z.powi(8);

    // Sums over odd m = 2k - 1 of c(m) q^(m^2), by Horner in q^8k.
    let max_k = (16.0 * z / PI).ceil() as i64;
    let mut terms = [0.0_f64; 4];
    for k in (1..=max_k).rev() {
        let m = (2 * k - 1) as f64;
        let m2 = m * m;
        let m4 = m2 * m2;
        let m6 = m4 * m2;
        let q_power = q.powf(8.0 * k as f64);
        let coeffs = [1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
        for (t, c) in terms.iter_mut().zip(coeffs) {
            *t = *t * q_power + c;
        }
    }
    let root_two_pi = (2.0 * PI).sqrt();
    let divisors = [z, 6.0 * z4, 72.0 * z.powi(7), 6480.0 * z.powi(10)];
    for (t, d) in terms.iter_mut().zip(divisors) {
        *t = *t * q * root_two_pi / d;
    }

    // The remaining sums over all integers k, for K2 and K3.
    let q_all = (-pi2 / 2.0 / z2).exp();
    let root3_z = 3.0_f64.sqrt() * z;
    let mut k2_extra = 0.0;
    let mut k3_extra = 0.0;
    for k in (1..=max_k).rev() {
        let kf = k as f64;
        let k2 = kf * kf;
        let q_power = q_all.powf(k2);
        let k_pi = PI * kf;
        k2_extra += k2 * q_power;
        k3_extra += (root3_z + k_pi) * (root3_z - k_pi) * k2 * q_power;
    }
    terms[2] += k2_extra * pi2 * root_two_pi / (-36.0 * z3);
    terms[3] += k3_extra * pi2 * root_two_pi / (216.0 * z6);

    let mut total = 0.0;
    for (i, t) in terms.iter().enumerate() {
        total += t / nf.powf(i as f64 / 2.0);
    }
    total
}
