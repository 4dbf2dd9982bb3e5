//! The Monitoring grid's keyboard (the ARIA grid pattern): the grid is one
//! Tab stop, the arrow keys move between cells, Home/End go to the row's
//! ends (with Ctrl, to the grid's), Enter or Space press the cell. Cells are
//! the buttons marked `data-c` (0 = the row's name, 1.. = windows) in rows
//! marked `data-nav`; moving past the shown windows pages the windows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// The windows shown: the first one and how many fit.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// Index of the first shown window.
    pub first: RwSignal<usize>,
    /// Windows that fit in the grid's width.
    pub fit: RwSignal<usize>,
    /// Windows in the timeline.
    pub windows: usize,
}

impl Paging {
    /// True when window `i` is shown.
    pub fn shows(self, i: usize) -> bool {
        let first = self.first.get();
        i >= first && i < first + self.fit.get()
    }
}

/// The roving Tab stop follows focus (a click or a move), so Tab leaves the
/// grid and Shift+Tab comes back to the last cell used.
pub fn follow_focus(grid: &Element, target: &Element) {
    if target.get_attribute("data-c").is_none() {
        return;
    }
    if let Ok(list) = grid.query_selector_all("[data-c][tabindex=\"0\"]") {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.set_attribute("tabindex", "-1");
            }
        }
    }
    let _ = target.set_attribute("tabindex", "0");
}

/// The shown rows of the grid, in order.
fn rows(grid: &Element) -> Vec<Element> {
    let Ok(list) = grid.query_selector_all("tr[data-nav]:not([hidden])") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn cell(row: &Element, column: usize) -> Option<HtmlElement> {
    let found = row.query_selector(&format!("[data-c=\"{column}\"]")).ok().flatten()?;
    found.dyn_into::<HtmlElement>().ok()
}

/// Focuses `column` of `row`, or the row's nearest cell to its left (a
/// "show all" row has its name cell only).
fn focus(row: &Element, column: usize) {
    let target = (0..=column).rev().find_map(|c| cell(row, c));
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Moves focus for `ev` (a keydown inside the grid); true when handled.
pub fn on_key(grid: &Element, ev: &KeyboardEvent, paging: Paging) -> bool {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let Some(column) = target.get_attribute("data-c").and_then(|c| c.parse::<usize>().ok()) else { return false };
    let rows = rows(grid);
    let Some(at) = rows.iter().position(|r| r.contains(Some(&target))) else { return false };
    let first = paging.first.get_untracked();
    let fit = paging.fit.get_untracked();
    let last_shown = (first + fit).min(paging.windows);
    // Columns 1..=windows are windows first..; the shown ones are first+1..=last_shown.
    let (row, column, page) = match ev.key().as_str() {
        "ArrowUp" => (at.saturating_sub(1), column, None),
        "ArrowDown" => ((at + 1).min(rows.len() - 1), column, None),
        "ArrowLeft" if column == first + 1 && first > 0 => (at, column - 1, Some(first - 1)),
        "ArrowLeft" if column == first + 1 => (at, 0, None),
        "ArrowLeft" => (at, column.saturating_sub(1), None),
        "ArrowRight" if column == 0 => (at, first + 1, None),
        "ArrowRight" if column == last_shown && last_shown < paging.windows => (at, column + 1, Some(first + 1)),
        "ArrowRight" => (at, (column + 1).min(last_shown), None),
        "Home" if ev.ctrl_key() => (0, 0, None),
        "Home" => (at, 0, None),
        "End" if ev.ctrl_key() => (rows.len() - 1, last_shown, None),
        "End" => (at, last_shown, None),
        _ => return false,
    };
    let row = rows[row].clone();
    match page {
        // The new window is drawn on the next frame.
        Some(first) => {
            paging.first.set(first);
            request_animation_frame(move || focus(&row, column));
        }
        None => focus(&row, column),
    }
    true
}
