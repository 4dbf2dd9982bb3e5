//! The page: mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    tideline::offline::register();
    leptos::mount::mount_to_body(tideline::app::App);
}
