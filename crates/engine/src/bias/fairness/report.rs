//! `fairness.json`: per facet, every group's rates, AIF360's metrics of the
//! unprivileged groups against the rest, Fairlearn's metrics over all
//! groups, four-fifths flags and small-group warnings, with optional
//! bootstrap intervals.

use serde::{Deserialize, Serialize};

use super::catalog::{AIF360, FAIRLEARN};
use super::{group_rates, FairnessError, FairnessMetric, FairnessWarning, Flag, GroupRates};
use crate::bias::{bootstrap_ci, bootstrap_groups_ci, BootstrapOptions, Confusion, FacetCounts, SMALL_GROUP};

/// The four-fifths rule: a selection-rate ratio below this is adverse
/// impact (29 CFR §1607.4(D)).
pub const FOUR_FIFTHS: f64 = 0.8;
/// The mirror bound many tools flag for a d/a ratio that favours d.
pub const FIVE_FOURTHS: f64 = 1.25;

/// One facet's groups and counts: a sensitive column's values, or crossed
/// values of several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetGroups {
    /// The facet's name (column names joined by " × " when crossed).
    pub facet: String,
    /// Each group's name and counts, in report order.
    pub groups: Vec<(String, Confusion)>,
    /// Names of the unprivileged groups (d, AIF360's
    /// `unprivileged_groups`); every other group is privileged (a). Empty
    /// for no AIF360 block.
    pub unprivileged: Vec<String>,
    /// True when the counts hold predicted labels (post-training).
    pub has_predictions: bool,
}

/// How to build the report.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FairnessOptions {
    /// Groups with fewer rows get a warning; 30 by default.
    pub min_group_size: u64,
    /// Bootstrap confidence intervals, when given.
    pub bootstrap: Option<BootstrapOptions>,
}

impl Default for FairnessOptions {
    fn default() -> Self {
        Self { min_group_size: SMALL_GROUP, bootstrap: None }
    }
}

/// One facet's fairness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetFairness {
    /// The facet.
    pub facet: String,
    /// Rows counted (in any group).
    pub rows: u64,
    /// The unprivileged groups (d).
    pub unprivileged: Vec<String>,
    /// The privileged groups (a): every other group.
    pub privileged: Vec<String>,
    /// Every group's counts and rates.
    pub groups: Vec<GroupRates>,
    /// AIF360's metrics of d against a (label metrics only without
    /// predictions; empty without unprivileged groups).
    pub aif360: Vec<FairnessMetric>,
    /// Fairlearn's metrics over all groups (empty without predictions).
    pub fairlearn: Vec<FairnessMetric>,
    /// Rule-of-thumb thresholds crossed.
    pub flags: Vec<Flag>,
    /// Groups to read with care.
    pub warnings: Vec<FairnessWarning>,
}

/// The whole `fairness.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FairnessReport {
    /// The options used.
    pub options: FairnessOptions,
    /// The four-fifths bound and its mirror.
    pub impact_ratio_bounds: [f64; 2],
    /// One entry per facet, in input order.
    pub facets: Vec<FacetFairness>,
    /// Clarify's metrics of each intersection of several facets against all
    /// other rows (empty with one facet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intersections: Vec<crate::bias::FacetReport>,
}

impl FairnessReport {
    /// Pretty JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The report of every facet.
///
/// # Errors
/// As [`facet_fairness`], for the first facet that fails.
pub fn fairness_report(facets: &[FacetGroups], options: &FairnessOptions) -> Result<FairnessReport, FairnessError> {
    Ok(FairnessReport {
        options: *options,
        impact_ratio_bounds: [FOUR_FIFTHS, FIVE_FOURTHS],
        facets: facets.iter().map(|f| facet_fairness(f, options)).collect::<Result<_, _>>()?,
        intersections: Vec::new(),
    })
}

/// One facet's rates, metrics, flags and warnings.
///
/// # Errors
/// [`FairnessError::NoGroups`] without a group,
/// [`FairnessError::DuplicateGroup`] for a repeated group name,
/// [`FairnessError::UnknownGroup`] for an unprivileged name that is not a
/// group.
///
/// # Examples
/// ```
/// use tideline_engine::bias::Confusion;
/// use tideline_engine::bias::fairness::{facet_fairness, FacetGroups, FairnessOptions};
/// let input = FacetGroups {
///     facet: "sex".into(),
///     groups: vec![
///         ("Female".into(), Confusion { tp: 10, fp: 5, tn: 60, fn_: 25 }),
///         ("Male".into(), Confusion { tp: 40, fp: 10, tn: 40, fn_: 10 }),
///     ],
///     unprivileged: vec!["Female".into()],
///     has_predictions: true,
/// };
/// let report = facet_fairness(&input, &FairnessOptions::default()).unwrap();
/// let di = report.aif360.iter().find(|m| m.name == "disparate_impact").unwrap();
/// assert_eq!(di.value, 0.15 / 0.5);
/// assert!(report.flags.iter().any(|f| f.name == "four_fifths_rule"));
/// ```
pub fn facet_fairness(input: &FacetGroups, options: &FairnessOptions) -> Result<FacetFairness, FairnessError> {
    let facet = &input.facet;
    if input.groups.is_empty() {
        return Err(FairnessError::NoGroups(facet.clone()));
    }
    for (i, (name, _)) in input.groups.iter().enumerate() {
        if input.groups.iter().take(i).any(|(other, _)| other == name) {
            return Err(FairnessError::DuplicateGroup { facet: facet.clone(), group: name.clone() });
        }
    }
    for name in &input.unprivileged {
        if !input.groups.iter().any(|(g, _)| g == name) {
            return Err(FairnessError::UnknownGroup { facet: facet.clone(), group: name.clone() });
        }
    }
    let (mut d, mut a) = (Confusion::default(), Confusion::default());
    let mut privileged = Vec::new();
    for (name, counts) in &input.groups {
        if input.unprivileged.contains(name) {
            d.merge(counts);
        } else {
            a.merge(counts);
            privileged.push(name.clone());
        }
    }
    let counts: Vec<Confusion> = input.groups.iter().map(|(_, c)| *c).collect();
    let mut groups = group_rates(&input.groups);
    if !input.has_predictions {
        // No predicted label: every rate of predictions is undefined, not 0.
        groups.iter_mut().for_each(GroupRates::forget_predictions);
    }
    let aif360 = if input.unprivileged.is_empty() { Vec::new() } else { aif360_block(d, a, input, options) };
    let fairlearn = if input.has_predictions { fairlearn_block(&counts, options) } else { Vec::new() };
    let flags = flags(&groups, &aif360, &fairlearn);
    let warnings = warnings(&groups, input, &d, &a, options);
    Ok(FacetFairness {
        facet: facet.clone(),
        rows: counts.iter().map(Confusion::n).sum(),
        unprivileged: input.unprivileged.clone(),
        privileged,
        groups,
        aif360,
        fairlearn,
        flags,
        warnings,
    })
}

fn aif360_block(d: Confusion, a: Confusion, input: &FacetGroups, options: &FairnessOptions) -> Vec<FairnessMetric> {
    let counts = FacetCounts { d, a, has_predictions: input.has_predictions, ..FacetCounts::default() };
    AIF360
        .iter()
        .filter(|m| m.labels_only || input.has_predictions)
        .map(|m| FairnessMetric {
            name: m.name.to_owned(),
            value: (m.compute)(&d, &a),
            ideal: m.ideal,
            description: m.description.to_owned(),
            reference: m.reference(),
            interval: options.bootstrap.and_then(|b| bootstrap_ci(&counts, |c| Ok((m.compute)(&c.d, &c.a)), &b)),
        })
        .collect()
}

fn fairlearn_block(counts: &[Confusion], options: &FairnessOptions) -> Vec<FairnessMetric> {
    FAIRLEARN
        .iter()
        .map(|m| FairnessMetric {
            name: m.name.to_owned(),
            value: (m.compute)(counts),
            ideal: m.ideal,
            description: m.description.to_owned(),
            reference: m.reference(),
            interval: options.bootstrap.and_then(|b| bootstrap_groups_ci(counts, |g| Ok((m.compute)(g)), &b)),
        })
        .collect()
}

/// The four-fifths rule on Fairlearn's selection-rate ratio (naming the
/// groups below it), and both bounds on AIF360's disparate impact.
fn flags(groups: &[GroupRates], aif360: &[FairnessMetric], fairlearn: &[FairnessMetric]) -> Vec<Flag> {
    let mut flags = Vec::new();
    if let Some(ratio) =
        fairlearn.iter().find(|m| m.name == "demographic_parity_ratio").filter(|m| m.value < FOUR_FIFTHS)
    {
        let top = groups
            .iter()
            .filter(|g| g.impact_ratio == Some(1.0))
            .map(|g| format!("{:?}", g.group))
            .collect::<Vec<_>>()
            .join(", ");
        let below: Vec<String> = groups
            .iter()
            .filter_map(|g| g.impact_ratio.filter(|r| *r < FOUR_FIFTHS).map(|r| format!("{:?} ({r:.3})", g.group)))
            .collect();
        flags.push(Flag {
            name: "four_fifths_rule".into(),
            metric: ratio.name.clone(),
            value: ratio.value,
            threshold: FOUR_FIFTHS,
            message: format!("selection rate below 4/5 of the highest group's ({top}): {}", below.join(", ")),
        });
    }
    for m in aif360.iter().filter(|m| m.name == "disparate_impact" || m.name == "label_disparate_impact") {
        let what = if m.name == "disparate_impact" { "selection rate" } else { "positive-label rate" };
        if m.value < FOUR_FIFTHS {
            flags.push(Flag {
                name: "below_four_fifths".into(),
                metric: m.name.clone(),
                value: m.value,
                threshold: FOUR_FIFTHS,
                message: format!("the unprivileged groups' {what} is below 4/5 of the privileged groups'"),
            });
        } else if m.value > FIVE_FOURTHS {
            flags.push(Flag {
                name: "above_five_fourths".into(),
                metric: m.name.clone(),
                value: m.value,
                threshold: FIVE_FOURTHS,
                message: format!("the unprivileged groups' {what} is above 5/4 of the privileged groups'"),
            });
        }
    }
    flags
}

/// Small and empty groups, groups without positives or negatives (whose
/// rates the libraries fill in differently), and an empty d or a.
fn warnings(
    groups: &[GroupRates],
    input: &FacetGroups,
    d: &Confusion,
    a: &Confusion,
    options: &FairnessOptions,
) -> Vec<FairnessWarning> {
    let mut out = Vec::new();
    let min = options.min_group_size;
    for g in groups {
        let warn = |message: String| FairnessWarning { group: g.group.clone(), rows: g.n, message };
        if g.n == 0 {
            out.push(warn(format!("group {:?} has no rows: Fairlearn leaves it out", g.group)));
            continue;
        }
        if g.n < min {
            out.push(warn(format!("group {:?} has {} rows (fewer than {min}): its rates are unstable", g.group, g.n)));
        }
        if input.has_predictions && (g.positives == 0 || g.positives == g.n) {
            let (missing, rates) =
                if g.positives == 0 { ("positive", "TPR and FNR") } else { ("negative", "FPR and TNR") };
            out.push(warn(format!(
                "group {:?} has no {missing} label: its {rates} are undefined (Fairlearn counts them as 0, AIF360 as NaN)",
                g.group
            )));
        }
    }
    if !input.unprivileged.is_empty() {
        for (side, counts) in [("unprivileged", d), ("privileged", a)] {
            if counts.n() == 0 {
                out.push(FairnessWarning {
                    group: String::new(),
                    rows: 0,
                    message: format!("the {side} groups have no rows: AIF360's metrics are NaN"),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(groups: &[(&str, [u64; 4])], unprivileged: &[&str]) -> FacetGroups {
        FacetGroups {
            facet: "f".into(),
            groups: groups.iter().map(|(n, c)| ((*n).to_owned(), Confusion::from_cells(*c))).collect(),
            unprivileged: unprivileged.iter().map(|u| (*u).to_owned()).collect(),
            has_predictions: true,
        }
    }

    #[test]
    fn bad_inputs_are_errors() {
        let options = FairnessOptions::default();
        assert!(matches!(facet_fairness(&input(&[], &[]), &options), Err(FairnessError::NoGroups(_))));
        let twice = input(&[("x", [1, 1, 1, 1]), ("x", [1, 1, 1, 1])], &[]);
        assert!(matches!(facet_fairness(&twice, &options), Err(FairnessError::DuplicateGroup { .. })));
        let unknown = input(&[("x", [1, 1, 1, 1])], &["y"]);
        assert!(matches!(facet_fairness(&unknown, &options), Err(FairnessError::UnknownGroup { .. })));
    }

    #[test]
    fn one_group_only_and_empty_groups_are_reported_not_refused() {
        let options = FairnessOptions::default();
        let one = facet_fairness(&input(&[("x", [5, 5, 20, 10])], &["x"]), &options).unwrap();
        let ratio = one.fairlearn.iter().find(|m| m.name == "demographic_parity_ratio").unwrap();
        assert_eq!(ratio.value, 1.0);
        assert!(one.aif360.iter().find(|m| m.name == "disparate_impact").unwrap().value.is_nan());
        assert!(one.warnings.iter().any(|w| w.message.contains("privileged groups have no rows")));
        let with_empty = facet_fairness(&input(&[("x", [5, 5, 20, 10]), ("y", [0, 0, 0, 0])], &[]), &options).unwrap();
        assert!(with_empty.aif360.is_empty());
        assert!(with_empty.warnings.iter().any(|w| w.group == "y" && w.rows == 0));
    }

    #[test]
    fn small_groups_without_positives_are_warned_about() {
        let options = FairnessOptions::default();
        let report =
            facet_fairness(&input(&[("big", [30, 10, 40, 20]), ("small", [0, 2, 8, 0])], &["small"]), &options)
                .unwrap();
        let messages: Vec<&str> =
            report.warnings.iter().filter(|w| w.group == "small").map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("10 rows"));
        assert!(messages[1].contains("no positive label"));
    }

    #[test]
    fn pre_training_keeps_label_metrics_only() {
        let mut pre = input(&[("x", [0, 0, 20, 10]), ("y", [0, 0, 10, 30])], &["x"]);
        pre.has_predictions = false;
        let report = facet_fairness(&pre, &FairnessOptions::default()).unwrap();
        assert!(report.fairlearn.is_empty());
        let names: Vec<&str> = report.aif360.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["label_statistical_parity_difference", "label_disparate_impact"]);
        // 1/3 over 3/4: below four fifths.
        assert!(report.flags.iter().any(|f| f.metric == "label_disparate_impact" && f.name == "below_four_fifths"));
    }

    #[test]
    fn bootstrap_intervals_bracket_the_values_and_serialize() {
        let options = FairnessOptions { bootstrap: Some(BootstrapOptions::default()), ..FairnessOptions::default() };
        let report =
            fairness_report(&[input(&[("x", [300, 100, 400, 200]), ("y", [200, 50, 650, 100])], &["y"])], &options)
                .unwrap();
        for m in report.facets[0].aif360.iter().chain(&report.facets[0].fairlearn) {
            let ci = m.interval.unwrap_or_else(|| panic!("{} has no interval", m.name));
            assert!(ci.lower <= m.value && m.value <= ci.upper, "{}: {} outside {ci:?}", m.name, m.value);
        }
        let text = report.to_json();
        let back: FairnessReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back.facets[0].fairlearn, report.facets[0].fairlearn);
    }
}
