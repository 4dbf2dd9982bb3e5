//! One dataset: where files go in and how they went (the columns of both
//! are in the shared Columns & roles table).

use leptos::prelude::*;

use super::{DropZone, FileList, JobProgress};
use crate::protocol::Side;

/// Heading, drop zone, progress and files of one side.
#[component]
pub fn DatasetPanel(
    /// Which dataset.
    side: Side,
) -> impl IntoView {
    let (title, help) = match side {
        Side::Baseline => ("Baseline", "The reference: training data or an earlier period."),
        Side::Current => ("Current", "The data to check: production, or a later period."),
    };
    view! {
        <section class="dataset" data-testid=format!("{}-panel", side.as_str()) aria-label=title>
            <h2>{title}</h2>
            <p class="help">{help}</p>
            <DropZone side=side/>
            <JobProgress side=side/>
            <FileList side=side/>
        </section>
    }
}
