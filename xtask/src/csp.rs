//! The SHA-256 of Trunk's inline loader script, as a CSP source expects it.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Base64 SHA-256 of the first `<script type="module">` body in `html`.
pub fn inline_script_hash(html: &str) -> Option<String> {
    let open = "<script type=\"module\">";
    let start = html.find(open)? + open.len();
    let end = start + html.get(start..)?.find("</script>")?;
    let body = html.get(start..end)?;
    Some(base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes())))
}
