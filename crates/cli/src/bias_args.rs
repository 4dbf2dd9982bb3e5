//! The arguments `bias` and `bias-drift` share: a Clarify
//! `analysis_config.json`, or flags that build one for quick use (flags
//! given with a config override its fields).

use std::path::PathBuf;

use clap::Args;
use tideline_engine::bias::{
    AnalysisConfig, BiasError, ColumnRef, FacetConfig, MethodSelection, PyValue, Stage, StageMethods,
};
use tideline_engine::table::{concat, Table};

use crate::load::{load_file, ReadArgs};

/// Where the bias analysis is described and which data it reads.
#[derive(Debug, Args)]
pub struct BiasConfigArgs {
    /// Clarify's analysis_config.json.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Data files (stacked into one dataset).
    #[arg(long = "data", required = true, value_name = "DATA")]
    data: Vec<PathBuf>,
    /// The label column.
    #[arg(long, value_name = "COLUMN")]
    label: Option<String>,
    /// Positive label values, comma-separated (or one threshold).
    #[arg(long, value_name = "V,...", value_delimiter = ',', value_parser = crate::numbers::value)]
    label_values: Option<Vec<String>>,
    /// A facet column (repeat for several; each is analysed on its own).
    #[arg(long, value_name = "COLUMN")]
    facet: Vec<String>,
    /// Sensitive values of the facet, comma-separated (or one threshold); absent: every value against the rest.
    #[arg(long, value_name = "V,...", value_delimiter = ',', value_parser = crate::numbers::value)]
    facet_values: Option<Vec<String>>,
    /// The predicted-label column (enables post-training metrics).
    #[arg(long, value_name = "COLUMN", conflicts_with = "score")]
    predicted_label: Option<String>,
    /// A predicted score column: positive when the score exceeds --threshold.
    #[arg(long, value_name = "COLUMN")]
    score: Option<String>,
    /// Probability threshold for --score (default 0.5).
    #[arg(long, value_name = "T", value_parser = crate::numbers::unit)]
    threshold: Option<f64>,
    /// The group variable of CDDL and CDDPL.
    #[arg(long, value_name = "COLUMN")]
    group: Option<String>,
    /// Compare values literally instead of smclarify's data-type rule.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// The first line of a file (for comparing it with configured headers).
fn first_line(path: &std::path::Path) -> Result<String, String> {
    use std::io::BufRead;
    let file = crate::files::open(path)?;
    let mut line = String::new();
    std::io::BufReader::new(file).read_line(&mut line).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(line.trim_end_matches(['\r', '\n']).trim_start_matches('\u{feff}').to_owned())
}

impl BiasConfigArgs {
    /// The configuration: the file's, with the flags applied on top.
    pub fn config(&self) -> Result<AnalysisConfig, String> {
        let mut config = match &self.config {
            Some(path) => {
                let text = crate::files::read_text(path)?;
                AnalysisConfig::from_json(&text).map_err(|e| format!("{e}: {}", path.display()))?
            }
            None => AnalysisConfig::default(),
        };
        if let Some(label) = &self.label {
            config.label = Some(ColumnRef::Name(label.clone()));
        }
        if let Some(values) = &self.label_values {
            config.label_values_or_threshold = values.iter().map(|v| PyValue::from_text(v)).collect();
        }
        if !self.facet.is_empty() {
            let values = self.facet_values.as_ref().map(|v| v.iter().map(|x| PyValue::from_text(x)).collect());
            config.facet = self
                .facet
                .iter()
                .map(|f| FacetConfig { name_or_index: ColumnRef::Name(f.clone()), value_or_threshold: values.clone() })
                .collect();
        } else if self.facet_values.is_some() {
            return Err("--facet-values needs --facet".into());
        }
        if let Some(p) = &self.predicted_label {
            config.predicted_label = Some(ColumnRef::Name(p.clone()));
            config.predicted_score = None;
        }
        if let Some(s) = &self.score {
            config.predicted_score = Some(ColumnRef::Name(s.clone()));
            config.predicted_label = None;
        }
        if self.threshold.is_some() {
            config.probability_threshold = self.threshold;
        }
        if let Some(g) = &self.group {
            config.group_variable = Some(ColumnRef::Name(g.clone()));
        }
        config.strict |= self.strict;
        let all = || Some(StageMethods { methods: MethodSelection::All("all".into()) });
        if config.methods.pre_training_bias.is_none() && config.methods.post_training_bias.is_none() {
            config.methods.pre_training_bias = all();
            if config.predicted_label.is_some() || config.predicted_score.is_some() {
                config.methods.post_training_bias = all();
            }
        }
        let source = self.config.as_ref().map_or_else(String::new, |p| format!(" ({} names none)", p.display()));
        if config.label.is_none() {
            return Err(format!("no label: give --label (and --label-values) or a --config with a label{source}"));
        }
        if config.facet.is_empty() {
            return Err(format!("no facet: give --facet or a --config with a facet{source}"));
        }
        for stage in [Stage::PreTraining, Stage::PostTraining] {
            if let Some(Err(e)) = config.stage_metrics(stage) {
                let name = match &e {
                    BiasError::UnknownMetric { name, .. } => format!(" (\"{name}\")"),
                    _ => String::new(),
                };
                let from = self.config.as_ref().map_or_else(|| "the methods".to_owned(), |p| p.display().to_string());
                return Err(format!("{e}{name} in {from}"));
            }
        }
        Ok(config)
    }

    /// The data files' names, for messages.
    pub fn data_names(&self) -> String {
        crate::load::names(&self.data)
    }

    /// The data files, stacked. The config's `headers` name the columns of
    /// a CSV without a header row (a file whose first row equals them keeps
    /// it as its header); `--names` wins over them.
    pub fn table(&self, config: &AnalysisConfig) -> Result<Table, String> {
        let mut options = self.read.options()?;
        if let (Some(headers), None) = (&config.headers, &options.column_names) {
            let first = self.data.first().map(|p| first_line(p)).transpose()?.unwrap_or_default();
            let cells: Vec<&str> = first.split(',').map(|c| c.trim().trim_matches('"')).collect();
            if cells != headers.iter().map(String::as_str).collect::<Vec<_>>() {
                options.column_names = Some(headers.clone());
                options.has_header = Some(false);
            }
        }
        let mut parts = Vec::with_capacity(self.data.len());
        for path in &crate::files::expand_folders(&self.data)? {
            let loaded = load_file(path, &options)?;
            for warning in &loaded.warnings {
                eprintln!("warning: {} ({})", warning.message, warning.file);
            }
            parts.push(loaded.table);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { concat(&parts) })
    }
}
