//! Columns & roles: one table for both datasets. Each column's role and
//! kind are set once and apply to both sides; what differs between the
//! sides (a type, a missing share, a column on one side only) is shown
//! side by side, and a column no check looks at says why.

use leptos::prelude::*;
use tideline_engine::roles::Role;
use tideline_engine::summary::{ColumnSummary, DatasetSummary};
use tideline_engine::types::Kind;

use crate::bridge;
use crate::format::{count, thousands};
use crate::protocol::{Request, Side};
use crate::state::AppState;

/// The shared schema of both sides.
#[component]
pub fn SchemaTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let summaries = move || {
        let get = |side: Side| state.side(side).summary.get().filter(|s| !s.columns.is_empty() || s.rows > 0);
        (get(Side::Baseline), get(Side::Current))
    };
    move || {
        let (baseline, current) = summaries();
        if baseline.is_none() && current.is_none() {
            return None;
        }
        let rows = |s: &Option<DatasetSummary>| s.as_ref().map_or(0, |s| s.rows);
        let (b_rows, c_rows) = (rows(&baseline), rows(&current));
        let names = column_names(baseline.as_ref(), current.as_ref());
        let size = |side: Side, n: u64| {
            view! { <span data-testid=format!("{}-rows", side.as_str()) data-rows=n>{format!("{} {} rows", side.title(), thousands(n))}</span> }
        };
        let column = |s: &Option<DatasetSummary>, name: &str| {
            s.as_ref().and_then(|s| s.columns.iter().find(|c| c.name == name).cloned())
        };
        let body = names
            .iter()
            .map(|name| {
                let (b, c) = (column(&baseline, name), column(&current, name));
                column_row(name, b.as_ref(), c.as_ref(), b_rows, c_rows)
            })
            .collect_view();
        Some(view! {
            <section class="schema" data-testid="columns-roles" aria-labelledby="columns-title">
                <h2 id="columns-title">"Columns & roles"</h2>
                <p class="schema-size">
                    {size(Side::Baseline, b_rows)}" · "{size(Side::Current, c_rows)}{format!(" · {}.", count(names.len(), "column"))}
                    <span class="help">" A role or kind set here applies to both datasets; ids, timestamps and split markers are not checked."</span>
                </p>
                <div class="table-scroll">
                    <table data-testid="schema">
                        <thead>
                            <tr>
                                <th scope="col">"Column"</th>
                                <th scope="col">"Role"</th>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Type (baseline / current)"</th>
                                <th scope="col">"Missing"</th>
                                <th scope="col">"Distinct"</th>
                                <th scope="col">"Range / top values (baseline)"</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </section>
        })
    }
}

/// The baseline's columns in order, then the current data's own.
fn column_names(baseline: Option<&DatasetSummary>, current: Option<&DatasetSummary>) -> Vec<String> {
    let mut names: Vec<String> =
        baseline.map(|s| s.columns.iter().map(|c| c.name.clone()).collect()).unwrap_or_default();
    for c in current.map(|s| s.columns.as_slice()).unwrap_or_default() {
        if !names.contains(&c.name) {
            names.push(c.name.clone());
        }
    }
    names
}

/// "12.5%", or "–" for a side without the column.
fn missing_text(c: Option<&ColumnSummary>, rows: u64) -> String {
    match c {
        Some(c) if rows > 0 => format!("{:.1}%", 100.0 * c.missing as f64 / rows as f64),
        Some(_) => "0.0%".to_owned(),
        None => "–".to_owned(),
    }
}

/// Two sides' values as "a / b", or one when they agree.
fn pair(b: Option<String>, c: Option<String>) -> (String, bool) {
    match (b, c) {
        (Some(b), Some(c)) if b == c => (b, false),
        (b, c) => {
            let dash = || "–".to_owned();
            (format!("{} / {}", b.unwrap_or_else(dash), c.unwrap_or_else(dash)), true)
        }
    }
}

fn column_row(
    name: &str,
    b: Option<&ColumnSummary>,
    c: Option<&ColumnSummary>,
    b_rows: u64,
    c_rows: u64,
) -> impl IntoView {
    let Some(first) = b.or(c).cloned() else { return ().into_any() };
    let (role, kind) = (first.role, first.kind);
    let column = name.to_owned();
    let on_kind = {
        let column = column.clone();
        move |ev| {
            if let Some(kind) = Kind::parse(&event_target_value(&ev)) {
                bridge::send(&Request::SetKind { column: column.clone(), kind }, &[]);
            }
        }
    };
    let on_role = {
        let column = column.clone();
        move |ev| {
            if let Some(role) = Role::parse(&event_target_value(&ev)) {
                bridge::send(&Request::SetRole { column: column.clone(), role }, &[]);
            }
        }
    };
    let side_types = (b.map(|x| x.inferred_type.as_str().to_owned()), c.map(|x| x.inferred_type.as_str().to_owned()));
    let side_missing = (missing_text(b, b_rows), missing_text(c, c_rows));
    let side_distinct = (b.map(|x| thousands(x.distinct)), c.map(|x| thousands(x.distinct)));
    let (types, types_differ) = pair(side_types.0.clone(), side_types.1.clone());
    let (missing, _) = pair(Some(side_missing.0.clone()), Some(side_missing.1.clone()));
    let (distinct, _) = pair(side_distinct.0.clone(), side_distinct.1.clone());
    let dash = |x: Option<String>| x.unwrap_or_else(|| "–".to_owned());
    let only = match (b, c) {
        (Some(_), None) => Some("baseline only"),
        (None, Some(_)) => Some("current only"),
        _ => None,
    };
    let note = role.not_checked_note().or_else(|| only.map(|o| format!("{o}: not compared")));
    let not_checked = note.is_some();
    view! {
        <tr data-testid=format!("col-{name}") data-role=role.as_str() class:not-checked=not_checked>
            <th scope="row" data-testid="name">{name.to_owned()}{note.map(|n| view! { <span class="column-note">{n}</span> })}</th>
            <td>
                <select data-testid="role" aria-label=format!("Role of {name}") on:change=on_role>
                    {Role::ALL.into_iter().map(|r| view! { <option value=r.as_str() selected=r == role>{r.as_str().replace('_', " ")}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <select data-testid="kind" aria-label=format!("Kind of {name}") on:change=on_kind>
                    {Kind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=k == kind>{k.as_str()}</option> }).collect_view()}
                </select>
            </td>
            <td data-testid="inferred-type" class:differs=types_differ data-baseline=dash(side_types.0) data-current=dash(side_types.1)>{types}</td>
            <td data-testid="missing" class="num" data-baseline=side_missing.0 data-current=side_missing.1>{missing}</td>
            <td data-testid="distinct" class="num" data-baseline=dash(side_distinct.0) data-current=dash(side_distinct.1)>{distinct}</td>
            <td class="detail" title=first.overview()>{first.overview()}</td>
        </tr>
    }
    .into_any()
}
