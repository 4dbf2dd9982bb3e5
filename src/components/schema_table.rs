//! A dataset's schema: per column its Deequ type, kind, role, missing share,
//! distinct count and range or top values; kind and role can be changed.

use leptos::prelude::*;
use tideline_engine::roles::Role;
use tideline_engine::summary::ColumnSummary;
use tideline_engine::types::Kind;

use crate::bridge;
use crate::format::thousands;
use crate::protocol::{Request, Side};
use crate::state::AppState;

/// The schema table of one side.
#[component]
pub fn SchemaTable(
    /// Which dataset.
    side: Side,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = state.side(side);
    let id = side.as_str();
    move || {
        s.summary.get().filter(|summary| !summary.columns.is_empty() || summary.rows > 0).map(|summary| {
            let rows = summary.rows;
            let n_columns = summary.columns.len();
            view! {
                <div class="schema">
                    <p class="schema-size">
                        <span data-testid=format!("{id}-rows") data-rows=rows>{format!("{} rows", thousands(rows))}</span>
                        {format!(" · {n_columns} columns")}
                    </p>
                    <div class="table-scroll">
                        <table data-testid=format!("{id}-schema")>
                            <thead>
                                <tr>
                                    <th scope="col">"Column"</th>
                                    <th scope="col">"Inferred type"</th>
                                    <th scope="col">"Kind"</th>
                                    <th scope="col">"Role"</th>
                                    <th scope="col">"Missing"</th>
                                    <th scope="col">"Distinct"</th>
                                    <th scope="col">"Range / top values"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {summary.columns.into_iter().map(|c| column_row(side, rows, c)).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        })
    }
}

fn column_row(side: Side, rows: u64, c: ColumnSummary) -> impl IntoView {
    let missing_share = if rows == 0 { 0.0 } else { 100.0 * c.missing as f64 / rows as f64 };
    let name = c.name.clone();
    let name_for_role = c.name.clone();
    let on_kind = move |ev| {
        if let Some(kind) = Kind::parse(&event_target_value(&ev)) {
            bridge::send(&Request::SetKind { side, column: name.clone(), kind }, &[]);
        }
    };
    let on_role = move |ev| {
        if let Some(role) = Role::parse(&event_target_value(&ev)) {
            bridge::send(&Request::SetRole { side, column: name_for_role.clone(), role }, &[]);
        }
    };
    let kind = c.kind;
    let role = c.role;
    view! {
        <tr data-testid=format!("{}-col-{}", side.as_str(), c.name)>
            <th scope="row" data-testid="name">{c.name.clone()}</th>
            <td data-testid="inferred-type">{c.inferred_type.as_str()}</td>
            <td>
                <select data-testid="kind" aria-label=format!("Kind of {}", c.name) on:change=on_kind>
                    {Kind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=k == kind>{k.as_str()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <select data-testid="role" aria-label=format!("Role of {}", c.name) on:change=on_role>
                    {Role::ALL.into_iter().map(|r| view! { <option value=r.as_str() selected=r == role>{r.as_str().replace('_', " ")}</option> }).collect_view()}
                </select>
            </td>
            <td data-testid="missing" class="num">{format!("{missing_share:.1}%")}</td>
            <td data-testid="distinct" class="num">{thousands(c.distinct)}</td>
            <td class="detail">{c.overview()}</td>
        </tr>
    }
}
