#!/bin/sh
# Rewrites the README's calibration table (every shared dataset pair, the
# demos and the teaching scenarios under each drift preset) from the engine;
# crates/engine/tests/calibration_table.rs then checks it matches.
set -eu
cd "$(dirname "$0")/.."
TIDELINE_BLESS=1 cargo test --release -p tideline-engine --test calibration_table -- --exact the_readme_calibration_table_is_what_the_engine_computes
