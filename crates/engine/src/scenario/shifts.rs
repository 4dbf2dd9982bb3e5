//! How each scenario changes the current period, at a strength from 0 (no
//! change: the current data is a fresh draw of the baseline's world) to 1.

use super::world::{applicant, draw_outcome, round_to, Applicant, Dice, COEFFICIENTS};
use super::ScenarioKind;

/// Income rise at full strength: 1.5 baseline standard deviations.
const INCOME_SHIFT: f64 = 21.0;

/// `n` current applicants over days `start..start + days`.
pub(super) fn current(
    kind: ScenarioKind,
    strength: f64,
    dice: &mut Dice,
    n: usize,
    start: f64,
    days: f64,
) -> Vec<Applicant> {
    let s = strength;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let frac = out.len() as f64 / n as f64;
        let mut a = applicant(dice, start + frac * days);
        let mut law = COEFFICIENTS;
        match kind {
            ScenarioKind::CovariateShift => a.income = round_to(a.income + INCOME_SHIFT * s, 10.0),
            ScenarioKind::GradualDrift => a.income = round_to(a.income + INCOME_SHIFT * s * frac, 10.0),
            ScenarioKind::SuddenDrift if frac >= 0.5 => a.income = round_to(a.income + INCOME_SHIFT * s, 10.0),
            ScenarioKind::ConceptDrift => {
                // Income and debt lose, then invert, their meaning.
                law[1] *= 1.0 - 2.0 * s;
                law[2] *= 1.0 - 2.0 * s;
            }
            ScenarioKind::NewCategory if dice.uniform() < 0.3 * s => a.region = "central",
            ScenarioKind::MissingValues if dice.uniform() < 0.4 * s => a.visits = None,
            ScenarioKind::BiasDrift if a.female => a.income = round_to((a.income - 25.0 * s).max(8.0), 10.0),
            ScenarioKind::AttributionDrift => a.tenure = (24.0 + (a.tenure - 24.0) * (1.0 + 10.0 * s)).max(0.0).round(),
            _ => {}
        }
        draw_outcome(dice, &mut a, &law);
        // Prior shift: keep every repayer, drop defaulters more often, so the
        // outcome's share moves while each class's inputs keep their law.
        if kind == ScenarioKind::PriorShift && !a.outcome && dice.uniform() < 0.75 * s {
            continue;
        }
        out.push(a);
    }
    out
}
