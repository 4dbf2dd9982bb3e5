//! `cargo xtask serve | test | bench`: the two commands of a fresh machine
//! (plus the benchmark). Each installs what it needs when it is missing.

mod bench;
mod bench_bias;
mod bench_drift;
mod bench_parquet;
mod bench_shap;
mod bench_sketch;
mod bench_timeline;
mod csp;
mod fuzz;
mod generate;
mod generate_bias;
mod generate_timeline;
mod run;
mod serve;
mod single_file;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install what is missing, build the app and serve it on http://127.0.0.1:8080
  test    install what is missing, then the MSRV check, fmt, clippy (native + wasm32),
          rustdoc (-D warnings), cargo deny (licences, bans, sources), native tests,
          the engine's dependency check, wasm tests in headless Chromium,
          trunk build --release and the Playwright end-to-end tests
  single-file
          build dist-single/tideline.html: the whole app in one file that runs from disk
  fuzz [TARGET...] [--minutes N]
          build the libFuzzer targets of fuzz/ and run each N minutes (default 10)
          on its corpus: csv, json, json_lines, capture, ground_truth, sniffed,
          statistics_json, constraints_json, analysis_config_json, analysis_json,
          model, linear_json
  bench [ingest] [drift] [bias] [timeline] [shap] [parquet] [sketch]
          on generated 1,000,000 x 20 files, natively and in headless Chromium
          (inside the worker): CSV ingest throughput; the evidently drift preset
          end to end; bias metrics; the monitoring timeline; TreeSHAP on a
          generated 100-tree ensemble, natively; Parquet ingest against pyarrow's
          read_table in the same run; sketch-mode drift in a 1 GB budget against
          exact mode, and on 100 x the files per side (default: all)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(),
        Some("test") => test::run(args.get(1..).unwrap_or_default()),
        Some("single-file") => single_file::run(),
        Some("fuzz") => fuzz::run(args.get(1..).unwrap_or_default()),
        Some("bench") => {
            let what = args.get(1..).unwrap_or_default();
            let all = what.is_empty();
            let ingest = if all || what.iter().any(|w| w == "ingest") { bench::run() } else { Ok(()) };
            ingest
                .and_then(|()| if all || what.iter().any(|w| w == "drift") { bench_drift::run() } else { Ok(()) })
                .and_then(|()| if all || what.iter().any(|w| w == "bias") { bench_bias::run() } else { Ok(()) })
                .and_then(|()| if all || what.iter().any(|w| w == "timeline") { bench_timeline::run() } else { Ok(()) })
                .and_then(|()| if all || what.iter().any(|w| w == "shap") { bench_shap::run() } else { Ok(()) })
                .and_then(|()| if all || what.iter().any(|w| w == "parquet") { bench_parquet::run() } else { Ok(()) })
                .and_then(|()| if all || what.iter().any(|w| w == "sketch") { bench_sketch::run() } else { Ok(()) })
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
