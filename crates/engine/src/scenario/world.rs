//! The small world every scenario starts from: loan applicants with an age,
//! an income (thousands), a debt ratio, a tenure (months), a region, a sex
//! and a count of branch visits; whether they repay follows a logistic law
//! of the first four, and the model is that law as learnt on the baseline.

use crate::math::splitmix64::SplitMix64;

/// The model's features, in the model file's order.
pub(super) const FEATURES: [&str; 4] = ["age", "income", "debt_ratio", "tenure"];
/// Centres the coefficients are written around (the baseline's means).
const CENTRES: [f64; 4] = [40.0, 45.0, 0.4, 24.0];
/// The baseline law's coefficients, per unit of each feature.
pub(super) const COEFFICIENTS: [f64; 4] = [0.04, 0.06, -4.0, 0.015];
/// The law's log-odds at the centres.
const CENTRE_LOG_ODDS: f64 = 0.4;
pub(super) const REGIONS: [&str; 4] = ["north", "south", "east", "west"];

/// One applicant.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Applicant {
    pub age: f64,
    pub income: f64,
    pub debt_ratio: f64,
    pub tenure: f64,
    pub region: &'static str,
    pub female: bool,
    /// `None` when missing.
    pub visits: Option<u32>,
    /// Days since the start of the baseline period.
    pub day: f64,
    pub outcome: bool,
}

/// Random draws for the world.
pub(super) struct Dice(SplitMix64);

impl Dice {
    pub(super) fn new(seed: u64) -> Self {
        Self(SplitMix64::new(seed))
    }

    pub(super) fn uniform(&mut self) -> f64 {
        self.0.next_f64()
    }

    /// A standard normal draw (Box–Muller).
    pub(super) fn normal(&mut self) -> f64 {
        let u = 1.0 - self.uniform();
        let v = self.uniform();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.0.below(n as u64)).unwrap_or(0)
    }
}

pub(super) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The log-odds of repaying under coefficients `w` (the baseline law when
/// `w` is [`COEFFICIENTS`]).
pub(super) fn log_odds(a: &Applicant, w: &[f64; 4]) -> f64 {
    let x = [a.age, a.income, a.debt_ratio, a.tenure];
    CENTRE_LOG_ODDS + x.iter().zip(CENTRES).zip(w).map(|((x, c), w)| w * (x - c)).sum::<f64>()
}

/// The model's intercept: the baseline law written without centres.
pub(super) fn intercept() -> f64 {
    CENTRE_LOG_ODDS - CENTRES.iter().zip(COEFFICIENTS).map(|(c, w)| c * w).sum::<f64>()
}

/// A fresh applicant on `day`, outcome not yet drawn.
pub(super) fn applicant(dice: &mut Dice, day: f64) -> Applicant {
    let female = dice.uniform() < 0.5;
    Applicant {
        age: (40.0 + 11.0 * dice.normal()).clamp(18.0, 85.0).round(),
        income: round_to(45.0 + 14.0 * dice.normal(), 10.0).max(8.0),
        debt_ratio: round_to((0.4 + 0.15 * dice.normal()).clamp(0.0, 1.2), 1000.0),
        tenure: (24.0 + 14.0 * dice.normal()).max(0.0).round(),
        region: REGIONS[dice.below(REGIONS.len())],
        female,
        visits: Some(u32::try_from(dice.below(12)).unwrap_or(0)),
        day,
        outcome: false,
    }
}

pub(super) fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// Draws whether `a` repays under coefficients `w`.
pub(super) fn draw_outcome(dice: &mut Dice, a: &mut Applicant, w: &[f64; 4]) {
    a.outcome = dice.uniform() < sigmoid(log_odds(a, w));
}
