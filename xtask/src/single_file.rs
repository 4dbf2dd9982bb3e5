//! `cargo xtask single-file`: one HTML file that runs from `file://` with
//! no server: the release build's page script, wasm, engine worker and
//! style inlined. The wasm travels as base64 in non-executed
//! `<script type="text/plain">` blocks; the engine worker starts from a
//! `blob:` URL made of its script and its wasm, which the app finds in
//! `window.__tidelineWorkerUrl` (its helper workers start from the same
//! URL). The Content-Security-Policy allows the two inline scripts by their
//! hashes, `blob:` workers and nothing to connect to.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::run::{cmd, exec, root};

/// Runs before the app: decodes the app's wasm, and makes the engine
/// worker's `blob:` URL from its script and its wasm (a worker cannot read
/// the page's DOM, so the wasm travels inside the worker's source).
const BOOT: &str = r#"{
const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent.trim()), (c) => c.charCodeAt(0));
const workerWasm = JSON.stringify(document.getElementById('tideline-worker-wasm').textContent.trim());
const workerSource = document.getElementById('tideline-worker-js').textContent
  + '\nwasm_bindgen({ module_or_path: Uint8Array.from(atob(' + workerWasm + '), (c) => c.charCodeAt(0)) });';
window.__tidelineWorkerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
window.__tidelineAppWasm = bytes('tideline-app-wasm');
}"#;

/// Where the file is written, under the repository.
pub const OUTPUT: &str = "dist-single/tideline.html";

fn read(dist: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e} (did the build run?)"))
}

fn text(dist: &Path, name: &str) -> Result<String, String> {
    String::from_utf8(read(dist, name)?).map_err(|e| format!("dist/{name} is not UTF-8: {e}"))
}

fn hash(script: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
}

/// Builds the release dist, then writes the single file.
pub fn run() -> Result<(), String> {
    crate::tools::ensure_rust_tools()?;
    exec(&mut cmd("trunk", &["build", "--release"]))?;
    write_from_dist()
}

/// Writes the single file from the release build already in `dist/`.
pub fn write_from_dist() -> Result<(), String> {
    let html = assemble(&root().join("dist"))?;
    let out = root().join(OUTPUT);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &html).map_err(|e| format!("{}: {e}", out.display()))?;
    let megabytes = html.len() as f64 / 1e6;
    eprintln!("wrote {} ({megabytes:.1} MB): open it from disk, no server needed", out.display());
    Ok(())
}

/// The single file from a release `dist`.
pub fn assemble(dist: &Path) -> Result<String, String> {
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let app_js = text(dist, "app.js")?;
    let worker_js = text(dist, "worker.js")?;
    let style = text(dist, "main.css")?;
    let icon = b64(&read(dist, "favicon.svg")?);
    // A `</script>` inside a script would end it early.
    for (name, js) in [("app.js", &app_js), ("worker.js", &worker_js)] {
        if js.contains("</script") {
            return Err(format!("dist/{name} holds '</script' and cannot be inlined"));
        }
    }
    let boot = BOOT.to_owned();
    let start = format!(
        "{app_js}\nconst __tidelineWasm = await __wbg_init({{ module_or_path: window.__tidelineAppWasm }});\n\
         window.wasmBindings = {{}};\ndispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm: __tidelineWasm }} }}));\n"
    );
    let csp = format!(
        "default-src 'none'; script-src 'sha256-{}' 'sha256-{}' 'wasm-unsafe-eval' blob:; worker-src blob:; \
         style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        hash(&boot),
        hash(&start)
    );
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n\
         <title>Tideline</title>\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\" />\n\
         <style>\n{style}</style>\n\
         <script type=\"text/plain\" id=\"tideline-app-wasm\">{}</script>\n\
         <script type=\"text/plain\" id=\"tideline-worker-wasm\">{}</script>\n\
         <script type=\"text/plain\" id=\"tideline-worker-js\">{worker_js}</script>\n\
         <script>{boot}</script>\n<script type=\"module\">{start}</script>\n</head>\n<body></body>\n</html>\n",
        b64(&read(dist, "app_bg.wasm")?),
        b64(&read(dist, "worker_bg.wasm")?),
    ))
}
