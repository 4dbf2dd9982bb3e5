//! The Monitoring grid: one row per series, grouped by check (a long group
//! starts as its summary row, the worst cell per window), one column per
//! window; each cell shows its status by colour AND a symbol. The page
//! scrolls, not the grid: the header sticks under the section bar, and the
//! windows that do not fit the width are paged, latest first. Picking a cell
//! opens its detail and chart under its row. One Tab stop, arrow keys inside
//! (see `monitoring_grid_keys`).

use std::collections::HashSet;

use leptos::html;
use leptos::prelude::*;
use tideline_engine::timeline::{CheckTimeline, Timeline};
use wasm_bindgen::JsCast;

use super::monitoring_chart::MonitoringChart;
use super::monitoring_detail::MonitoringDetail;
use super::monitoring_grid_keys::{follow_focus, on_key, Paging};
use super::monitoring_groups::{groups, split_name, Group, Look, SHOWN_ROWS};
use super::monitoring_view::{short_label, Selection};
use crate::state::AppState;

/// Width of the series' name column, px (16rem).
const NAME_PX: f64 = 256.0;
/// Width of a window's column, px (1.4rem).
const CELL_PX: f64 = 22.4;
/// Fewest windows shown, however narrow the screen.
const MIN_FIT: usize = 6;

/// The grid's header sticks under the section bar, whose height depends
/// on how its links wrap: `--section-bar-height` follows it.
fn stick_under_section_bar() {
    let bar = document().query_selector(".section-bar").ok().flatten();
    let height = bar.map_or(0, |b| b.get_bounding_client_rect().height().ceil() as i64);
    if let Some(root) = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = root.style().set_property("--section-bar-height", &format!("{height}px"));
    }
}

/// What a row needs to draw itself.
#[derive(Clone, Copy)]
struct Ctx {
    selection: Selection,
    paging: Paging,
    /// Groups opened or closed against their default.
    toggled: RwSignal<HashSet<String>>,
}

impl Ctx {
    fn open(self, group: &Group) -> bool {
        let toggled = self.toggled.with(|t| t.contains(&group.key));
        group.open_at_first() != toggled
    }
}

/// The detail and chart of the picked cell, inside a row under its series.
fn inline_detail(timeline: Memo<Option<Timeline>>, selection: Selection, paging: Paging) -> impl IntoView {
    // Exactly the shown columns: a wider span adds columns to the fixed layout.
    let span = move || paging.fit.get().min(paging.windows) + 1;
    view! {
        <tr class="inline-detail" data-testid="monitoring-inline">
            <td colspan=span>
                <button class="link close" data-testid="monitoring-close" aria-label="Close the detail"
                    on:click=move |_| { selection.series.set(None); selection.window.set(None); }>"Close ✕"</button>
                <MonitoringDetail timeline=timeline selection=selection/>
                <MonitoringChart timeline=timeline selection=selection/>
            </td>
        </tr>
    }
}

fn series_row(
    check: &CheckTimeline,
    shown_as: Option<String>,
    labels: &[String],
    ctx: Ctx,
    open: impl Fn() -> bool + Send + Sync + Clone + 'static,
    timeline: Memo<Option<Timeline>>,
) -> impl IntoView {
    let Ctx { selection, paging, .. } = ctx;
    let name = check.name.clone();
    let detail = shown_as.unwrap_or_else(|| match split_name(&name) {
        ("bias", rest) => rest.rsplit_once(':').map_or(rest, |(_, metric)| metric).to_owned(),
        (_, "") => name.clone(),
        (_, rest) => rest.to_owned(),
    });
    let is_picked = {
        let name = name.clone();
        move || selection.series.with(|s| s.as_deref() == Some(name.as_str()))
    };
    let cells = check
        .cells
        .iter()
        .zip(&check.alert_states)
        .enumerate()
        .map(|(i, (cell, alert))| {
            let look = Look::of(cell.status, *alert);
            let value = cell.value.map(|v| format!("{v:.4}")).unwrap_or_else(|| "none".into());
            let label = format!("{name}, window {}: {value}, {}", labels.get(i).cloned().unwrap_or_default(), look.words());
            let status = serde_json::to_value(cell.status).ok().and_then(|v| v.as_str().map(str::to_owned));
            let alert_text = if look == Look::Alert || look == Look::OkAlert { "in_alert" } else { "ok" };
            let series = name.clone();
            let pressed = {
                let series = name.clone();
                move || selection.window.get() == Some(i) && selection.series.with(|s| s.as_deref() == Some(series.as_str()))
            };
            view! {
                <td class=format!("cell {}", look.class()) data-testid=format!("monitoring-cell-{name}-{i}") data-status=status
                    data-alert=alert_text data-value=cell.value hidden=move || !paging.shows(i)>
                    <button data-c=i + 1 tabindex="-1" title=label.clone() aria-label=label aria-pressed=move || pressed().to_string()
                        on:click=move |_| { selection.series.set(Some(series.clone())); selection.window.set(Some(i)); }>{look.symbol()}</button>
                </td>
            }
        })
        .collect_view();
    let pick = {
        let name = name.clone();
        move |_| {
            let again = selection.series.with(|s| s.as_deref() == Some(name.as_str()));
            selection.series.set((!again).then(|| name.clone()));
            selection.window.set(None);
        }
    };
    let open_detail = open.clone();
    let inline = {
        let picked = is_picked.clone();
        move || (open_detail() && picked()).then(|| inline_detail(timeline, selection, paging))
    };
    let expanded = is_picked.clone();
    view! {
        <tr data-testid=format!("monitoring-row-{name}") data-nav="" class:selected=is_picked hidden=move || !open()>
            <th scope="row" title=name.clone()>
                <button class="link" data-c="0" tabindex="-1" aria-expanded=move || expanded().to_string() on:click=pick
                    title=format!("Chart {name}")>{detail}</button>
            </th>
            {cells}
        </tr>
        {inline}
    }
}

fn group_rows(group: Group, labels: &[String], ctx: Ctx, timeline: Memo<Option<Timeline>>) -> AnyView {
    // A group of one series is that series' row, under the group's name.
    if let [check] = group.checks.as_slice() {
        let detail = split_name(&check.name).1.replace(':', " ");
        return series_row(check, Some(format!("{}: {detail}", group.title)), labels, ctx, || true, timeline)
            .into_any();
    }
    let Ctx { paging, toggled, .. } = ctx;
    let key = group.key.clone();
    let n = group.checks.len();
    let in_alert = group.in_alert_now();
    let open = {
        let group = group.clone();
        move || ctx.open(&group)
    };
    let toggle = {
        let key = key.clone();
        move |_| {
            toggled.update(|t| {
                if !t.remove(&key) {
                    t.insert(key.clone());
                }
            });
        }
    };
    let summary = group
        .summary
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let window = labels.get(i).cloned().unwrap_or_default();
            let label =
                format!("{}, window {window}: {} of {n} series failed, {} in alert", group.title, s.failed, s.in_alert);
            let toggle = toggle.clone();
            view! {
                <td class=format!("cell summary {}", s.worst.class()) data-testid=format!("monitoring-group-cell-{key}-{i}")
                    data-failed=s.failed hidden=move || !paging.shows(i)>
                    <button data-c=i + 1 tabindex="-1" title=label.clone() aria-label=label on:click=toggle>{s.worst.symbol()}</button>
                </td>
            }
        })
        .collect_view();
    let first_rows: Vec<CheckTimeline> = group.checks.iter().take(SHOWN_ROWS).cloned().collect();
    let rest: Vec<CheckTimeline> = group.checks.iter().skip(SHOWN_ROWS).cloned().collect();
    let shown = first_rows.iter().map(|c| series_row(c, None, labels, ctx, open.clone(), timeline)).collect_view();
    let all = RwSignal::new(false);
    let more = {
        let (open, labels) = (open.clone(), labels.to_vec());
        move || {
            if rest.is_empty() {
                return None;
            }
            if all.get() {
                return Some(
                    rest.iter()
                        .map(|c| series_row(c, None, &labels, ctx, open.clone(), timeline))
                        .collect_view()
                        .into_any(),
                );
            }
            let open = open.clone();
            Some(
                view! {
                    <tr data-nav="" class="more" hidden=move || !open()>
                        <th scope="row" colspan=move || paging.fit.get().min(paging.windows) + 1>
                            <button class="link" data-c="0" tabindex="-1" data-testid=format!("monitoring-more-{key}")
                                on:click=move |_| all.set(true)>{format!("Show all {n} series ({} more)", rest.len())}</button>
                        </th>
                    </tr>
                }
                .into_any(),
            )
        }
    };
    let heading = if in_alert > 0 {
        format!("{} ({n}, {in_alert} in alert)", group.title)
    } else {
        format!("{} ({n})", group.title)
    };
    let about = format!("{}: {n} series, {in_alert} in alert at the last window", group.about);
    let open_mark = open.clone();
    view! {
        <tr class="group" data-nav="" data-testid=format!("monitoring-group-{}", group.key)>
            <th scope="rowgroup">
                <button class="group-toggle" data-c="0" tabindex="-1" title=about aria-expanded=move || open_mark().to_string() on:click=toggle>
                    <span class="caret" aria-hidden="true">{move || if open() { "▾" } else { "▸" }}</span>{heading}
                </button>
            </th>
            {summary}
        </tr>
        {shown}
        {more}
    }
    .into_any()
}

/// The grid of `timeline`.
#[component]
pub fn MonitoringGrid(
    /// The timeline shown (alert states under the current rule).
    timeline: Memo<Option<Timeline>>,
    /// The picked series and window.
    selection: Selection,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let wrapper = NodeRef::<html::Div>::new();
    let windows = Memo::new(move |_| timeline.with(|t| t.as_ref().map_or(0, |t| t.windows.len())));
    let fit = RwSignal::new(40_usize);
    let first = RwSignal::new(0_usize);
    let toggled = RwSignal::new(HashSet::<String>::new());
    let measure = move || {
        stick_under_section_bar();
        let Some(element) = wrapper.get_untracked() else { return };
        let width = f64::from(element.client_width());
        if width > 0.0 {
            fit.set((((width - NAME_PX) / CELL_PX).floor() as usize).max(MIN_FIT));
        }
    };
    // Measured when the section shows (a hidden pane has no width) and on resize.
    Effect::new(move |_| {
        state.section.track();
        windows.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // The latest windows first, whenever the timeline or the width changes.
    Effect::new(move |_| first.set(windows.get().saturating_sub(fit.get())));
    let paging = move || Paging { first, fit, windows: windows.get() };
    let pager = move || {
        let (n, from, shown) = (windows.get(), first.get(), fit.get());
        (n > shown).then(|| {
            let to = (from + shown).min(n);
            view! {
                <div class="grid-pager" data-testid="monitoring-pager" data-first=from data-shown=to - from>
                    <button data-testid="monitoring-earlier" disabled={from == 0}
                        on:click=move |_| first.update(|f| *f = f.saturating_sub(shown))>"◀ Earlier windows"</button>
                    <span role="status">{format!("Windows {} to {} of {n}", from + 1, to)}</span>
                    <button data-testid="monitoring-later" disabled={to >= n}
                        on:click=move |_| first.update(|f| *f = (*f + shown).min(n.saturating_sub(shown)))>"Later windows ▶"</button>
                </div>
            }
        })
    };
    let grid = NodeRef::<html::Table>::new();
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(table) = grid.get_untracked() {
            if on_key(&table, &ev, paging()) {
                ev.prevent_default();
            }
        }
    };
    let focusin = move |ev: leptos::ev::FocusEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let (Some(table), Some(target)) = (grid.get_untracked(), target) {
            follow_focus(&table, &target);
        }
    };
    let body = move || {
        timeline.with(|t| {
            let t = t.as_ref()?;
            let ctx = Ctx { selection, paging: paging(), toggled };
            let labels: Vec<String> = t.windows.iter().map(|w| short_label(&w.label)).collect();
            let heads = t
                .windows
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    view! {
                        <th scope="col" class="window" title=format!("{} ({} rows)", w.label, w.n_rows) hidden=move || !ctx.paging.shows(i)>
                            <span>{short_label(&w.label)}</span>
                        </th>
                    }
                })
                .collect_view();
            let rows = groups(t).into_iter().map(|g| group_rows(g, &labels, ctx, timeline)).collect_view();
            // The first row's name is the grid's Tab stop until focus moves.
            let tab_stop = move || {
                if let Some(first) = grid.get_untracked().and_then(|g| g.query_selector("[data-c=\"0\"]").ok().flatten()) {
                    let _ = first.set_attribute("tabindex", "0");
                }
            };
            request_animation_frame(tab_stop);
            Some(view! {
                <thead><tr><th scope="col" class="corner">"Series"</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            })
        })
    };
    view! {
        <Show when=move || timeline.with(Option::is_some)>
            <p class="legend" aria-hidden="true">
                <span class="cell ok">"✓"</span>" within bounds "
                <span class="cell violation">"✕"</span>" violation "
                <span class="cell alert">"✕!"</span>" in alert "
                <span class="cell ok-alert">"!"</span>" within bounds, still in alert "
                <span class="cell missing">"–"</span>" no value"
            </p>
        </Show>
        {pager}
        <div class="monitoring-grid" node_ref=wrapper>
            <table data-testid="monitoring-grid" role="grid" node_ref=grid hidden=move || timeline.with(Option::is_none) aria-label="Every series by window: arrow keys move, Enter picks"
                on:keydown=keydown on:focusin=focusin>
                {body}
            </table>
        </div>
        <Show when=move || selection.series.with(Option::is_none)>
            <MonitoringChart timeline=timeline selection=selection/>
        </Show>
    }
}
