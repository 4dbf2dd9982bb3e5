//! One dataset: where files go in, how they went, and their schema.

use leptos::prelude::*;

use super::{DropZone, FileList, JobProgress, SchemaTable};
use crate::protocol::Side;

/// Heading, drop zone, progress, files and schema of one side.
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
            <SchemaTable side=side/>
        </section>
    }
}
