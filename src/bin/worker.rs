//! The engine worker: see `tideline::worker`.

fn main() {
    tideline::worker::start();
}
