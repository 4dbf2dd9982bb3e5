//! Exports: the worker hashes the input files, gathers the last result of
//! every analysis with the page's settings, and makes the file asked for
//! with the same code as `tideline report` (the report crate).

use std::rc::Rc;

use base64::Engine as _;
use tideline_report::{
    audit_record, model_card, render_html, sagemaker_files, zip, InputFile, ModelCardInfo, ReportInputs, ReportMeta,
};

use super::{hash_files, post, Worker};
use crate::protocol::{ExportKind, Reply, Side};

/// Makes the export `kind` and posts it (or why it failed).
pub(super) async fn run(worker: &Rc<Worker>, kind: ExportKind, settings: serde_json::Value, card: ModelCardInfo) {
    if let Err(message) = hash_files::hash_loaded(worker).await {
        post(&Reply::ExportFailed { kind, message });
        return;
    }
    let inputs = inputs(worker, settings, &card);
    let reply = match make(kind, &inputs, &card) {
        Ok(reply) => reply,
        Err(message) => Reply::ExportFailed { kind, message },
    };
    post(&reply);
}

/// The export `kind` of `inputs`.
fn make(kind: ExportKind, inputs: &ReportInputs, card: &ModelCardInfo) -> Result<Reply, String> {
    Ok(match kind {
        ExportKind::Report => text(kind, render_html(inputs)),
        ExportKind::ModelCard => text(kind, pretty(&model_card(inputs, card))?),
        ExportKind::Audit => text(kind, pretty(&audit_record(inputs)?)?),
        ExportKind::SagemakerZip => {
            let mut files = sagemaker_files(inputs)?;
            // The card and the record travel with the files they describe.
            files.push(("model_card.json".into(), pretty(&model_card(inputs, card))?.into_bytes()));
            files.push(("audit.json".into(), pretty(&audit_record(inputs)?)?.into_bytes()));
            Reply::Exported {
                kind,
                text: None,
                base64: Some(base64::engine::general_purpose::STANDARD.encode(zip(&files)?)),
            }
        }
    })
}

fn text(kind: ExportKind, text: String) -> Reply {
    Reply::Exported { kind, text: Some(text), base64: None }
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("the export could not be written: {e}"))
}

/// Everything analysed so far, the files behind it and the settings.
fn inputs(worker: &Worker, settings: serde_json::Value, card: &ModelCardInfo) -> ReportInputs {
    let datasets = worker.datasets.borrow();
    let mut inputs = worker.latest.borrow().inputs(&datasets);
    inputs.files = datasets.input_files();
    let model = worker.explain.borrow().model.clone();
    if let Some(held) = &model {
        if let Some(bytes) = &held.bytes {
            inputs.files.push(InputFile {
                role: "model".into(),
                name: held.name.clone(),
                bytes: bytes.len() as u64,
                sha256: tideline_report::sha256_hex(bytes),
            });
        }
    }
    let title = datasets
        .input_files()
        .iter()
        .find(|f| f.role == Side::Current.as_str())
        .map_or_else(|| "Tideline report".to_owned(), |f| format!("Tideline report: {}", f.name));
    inputs.meta = ReportMeta {
        title,
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        generated_at: String::from(js_sys::Date::new_0().to_iso_string()),
        model: model.map(|m| m.name.clone()),
    };
    inputs.settings = settings;
    inputs.model_card = Some(card.clone());
    inputs
}
