//! The Model quality view's tables: each side's confusion matrix (rows the
//! true class, columns the predicted one, shaded by the share of the true
//! class's rows) and each class's precision, recall, F1 and support.

use leptos::prelude::*;
use tideline_engine::model_quality::QualityDetail;

use super::model_quality_view::metric_text;

/// One side's confusion matrix.
fn matrix(side: &'static str, detail: QualityDetail) -> impl IntoView {
    let classes = detail.classes.clone();
    let header = classes.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
    let rows = classes
        .iter()
        .zip(&detail.confusion)
        .map(|(actual, counts)| {
            let total: u64 = counts.iter().sum();
            let cells = counts
                .iter()
                .enumerate()
                .map(|(j, &n)| {
                    let share = if total > 0 { n as f64 / total as f64 } else { 0.0 };
                    // The diagonal in blue, errors in vermillion; the share of the row sets the strength.
                    let rgb = if classes.get(j) == Some(actual) { "0, 114, 178" } else { "213, 94, 0" };
                    let style = format!("background: rgba({rgb}, {:.3})", 0.08 + share * 0.6);
                    let title = format!(
                        "{n} rows of true {actual} predicted {} ({:.1} % of the row)",
                        classes[j],
                        share * 100.0
                    );
                    view! { <td class="num" style=style title=title data-count=n>{n}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{actual.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="confusion" data-testid=format!("confusion-{side}")>
            <caption>{format!("{side}: true class (rows) by predicted class (columns), {} rows", detail.labelled_rows)}</caption>
            <thead><tr><th scope="col">"true \\ predicted"</th>{header}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Both sides' confusion matrices, side by side (classifiers only).
#[component]
pub fn ConfusionMatrices(baseline: Option<QualityDetail>, current: Option<QualityDetail>) -> impl IntoView {
    let any = [&baseline, &current].iter().any(|d| d.as_ref().is_some_and(|d| !d.confusion.is_empty()));
    any.then(|| {
        view! {
            <h3>"Confusion matrices"</h3>
            <div class="confusions">
                {baseline.filter(|d| !d.confusion.is_empty()).map(|d| matrix("baseline", d))}
                {current.filter(|d| !d.confusion.is_empty()).map(|d| matrix("current", d))}
            </div>
        }
    })
}

/// Each class's quality on both sides (classifiers only).
#[component]
pub fn PerClassTable(baseline: Option<QualityDetail>, current: Option<QualityDetail>) -> impl IntoView {
    let classes: Vec<String> = baseline
        .as_ref()
        .or(current.as_ref())
        .map(|d| d.per_class.iter().map(|c| c.class.clone()).collect())
        .unwrap_or_default();
    (!classes.is_empty()).then(move || {
        let find = |d: &Option<QualityDetail>, class: &str| {
            d.as_ref().and_then(|d| d.per_class.iter().find(|c| c.class == class).cloned())
        };
        let rows = classes
            .into_iter()
            .map(|class| {
                let (b, c) = (find(&baseline, &class), find(&current, &class));
                let pair = |get: fn(&tideline_engine::model_quality::ClassQuality) -> f64| {
                    let text = |q: &Option<tideline_engine::model_quality::ClassQuality>| q.as_ref().map_or_else(|| "—".to_owned(), |q| metric_text(get(q)));
                    view! { <td class="num">{text(&b)}</td><td class="num">{text(&c)}</td> }
                };
                let support = |q: &Option<tideline_engine::model_quality::ClassQuality>| q.as_ref().map_or(0, |q| q.support);
                view! {
                    <tr data-testid=format!("quality-class-{class}")>
                        <th scope="row">{class.clone()}</th>
                        {pair(|q| q.precision)}
                        {pair(|q| q.recall)}
                        {pair(|q| q.f1)}
                        <td class="num">{support(&b)}</td><td class="num">{support(&c)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="per-class" data-testid="quality-per-class">
                <caption>"Per class (0/0 counts as 0, as scikit-learn's)"</caption>
                <thead>
                    <tr><th scope="col" rowspan="2">"class"</th><th scope="colgroup" colspan="2">"precision"</th><th scope="colgroup" colspan="2">"recall"</th><th scope="colgroup" colspan="2">"F1"</th><th scope="colgroup" colspan="2">"support"</th></tr>
                    <tr>{(0..4).map(|_| view! { <th scope="col">"baseline"</th><th scope="col">"current"</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}
