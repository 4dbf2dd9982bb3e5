//! The personal-data panel: what the local scan found in each side's
//! columns (kind, cells, share, masked samples), with a button to mask a
//! column or leave it out on both sides before any analysis or export.

use leptos::prelude::*;
use tideline_engine::pii::{ColumnScan, PiiReport};

use crate::bridge;
use crate::format::count;
use crate::protocol::{PiiAction, Request};
use crate::state::AppState;

/// One flagged column: its scan on each side (when it has one).
#[derive(Clone, PartialEq)]
struct Flagged {
    column: String,
    sides: [Option<ColumnScan>; 2],
}

/// Flagged columns of both sides, in the baseline's order then the current's.
fn flagged(reports: [Option<PiiReport>; 2]) -> Vec<Flagged> {
    let mut out: Vec<Flagged> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        for scan in report.iter().flat_map(PiiReport::flagged) {
            let entry = match out.iter().position(|f| f.column == scan.column) {
                Some(at) => &mut out[at],
                None => {
                    out.push(Flagged { column: scan.column.clone(), sides: [None, None] });
                    let last = out.len() - 1;
                    &mut out[last]
                }
            };
            entry.sides[i] = Some(scan.clone());
        }
    }
    out
}

fn side_cell(scan: Option<&ColumnScan>) -> impl IntoView {
    let Some(scan) = scan else { return view! { <td>"–"</td> }.into_any() };
    let lines = scan
        .findings
        .iter()
        .map(|f| {
            view! {
                <div>
                    <strong>{f.kind.label()}</strong>
                    {format!(": {} of {} cells ({:.1} %)", f.cells, scan.present, 100.0 * f.share)}
                    <div class="samples">{f.samples.iter().map(|s| view! { <code>{s.clone()}</code>" " }).collect_view()}</div>
                </div>
            }
        })
        .collect_view();
    view! { <td>{lines}</td> }.into_any()
}

fn row(f: Flagged) -> impl IntoView {
    let kinds: Vec<&str> = f.sides.iter().flatten().flat_map(|s| s.findings.iter().map(|x| x.kind.as_str())).collect();
    let mut kinds = kinds;
    kinds.sort_unstable();
    kinds.dedup();
    let send = |column: String, action: PiiAction| {
        move |_| bridge::send(&Request::Pii { column: column.clone(), action }, &[])
    };
    let column = f.column.clone();
    view! {
        <tr data-testid=format!("pii-row-{}", f.column) data-kinds=kinds.join(",")>
            <th scope="row">{f.column.clone()}</th>
            {side_cell(f.sides[0].as_ref())}
            {side_cell(f.sides[1].as_ref())}
            <td class="actions">
                <button data-testid=format!("pii-mask-{column}") title="Replace each match by its mask on both sides"
                    on:click=send(column.clone(), PiiAction::Mask)>"Mask"</button>
                " "
                <button data-testid=format!("pii-exclude-{column}") title="Drop the column on both sides"
                    on:click=send(column.clone(), PiiAction::Exclude)>"Leave out"</button>
            </td>
        </tr>
    }
}

/// Shown once data is loaded.
#[component]
pub fn PiiPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reports = move || [state.sides[0].pii.get(), state.sides[1].pii.get()];
    let loaded = move || reports().iter().any(Option::is_some);
    let columns = move || reports().iter().flatten().map(|r| r.columns.len()).sum::<usize>();
    let done = move || {
        state.pii_actions.with(|actions| {
            let list = |action: PiiAction| {
                actions.iter().filter(|(_, a)| *a == action).map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", ")
            };
            let (masked, left_out) = (list(PiiAction::Mask), list(PiiAction::Exclude));
            let mut parts = Vec::new();
            if !masked.is_empty() {
                parts.push(format!("masked: {masked}"));
            }
            if !left_out.is_empty() {
                parts.push(format!("left out: {left_out}"));
            }
            parts.join("; ")
        })
    };
    view! {
        <Show when=loaded>
            <section class="panel pii" data-testid="pii-panel" aria-labelledby="pii-title">
                <h2 id="pii-title">"Personal data"</h2>
                <p class="hint">"Scanned on this device: email addresses, phone numbers, card numbers (Luhn-checked), US SSNs, IBANs, IP addresses, dates of birth and names (by header). Mask or leave out a column before you analyse or export."</p>
                {move || {
                    let rows = flagged(reports());
                    if rows.is_empty() {
                        view! { <p data-testid="pii-clean">{format!("No personal data found in the {} scanned.", count(columns(), "column"))}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll">
                                <table data-testid="pii-table">
                                    <thead><tr><th scope="col">"Column"</th><th scope="col">"Baseline"</th><th scope="col">"Current"</th><th scope="col">"Before analysis"</th></tr></thead>
                                    <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                                </table>
                            </div>
                        }
                        .into_any()
                    }
                }}
                <Show when=move || !done().is_empty()>
                    <p data-testid="pii-done">"Done on both sides: "{done}</p>
                </Show>
            </section>
        </Show>
    }
}
