//! A minimal static file server for the demo city page: it stands in for a
//! city's own web server (a different origin from the API), not for the API.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// In served HTML, this text stands for the Parvis origin: the demo page's
/// pasted snippet is `<script src="{{PARVIS_ORIGIN}}/embed.js" async>`, so
/// the page names no port, and whoever serves it says where the API runs.
pub const ORIGIN_PLACEHOLDER: &str = "{{PARVIS_ORIGIN}}";

/// Where the API runs, for [`ORIGIN_PLACEHOLDER`]: known at start, or set
/// once the API has started (the site must be up first so its origin can be
/// allowed in the database before the API opens it).
pub type ApiOrigin = Arc<OnceLock<String>>;

/// An [`ApiOrigin`] known from the start.
pub fn api_origin(origin: String) -> ApiOrigin {
    Arc::new(OnceLock::from(origin))
}

/// Serves files on 127.0.0.1:`port` (0: a free port this server binds
/// itself, so nothing can take it in between) from a background thread, for
/// as long as xtask runs; returns the port. Each `(prefix, folder)` mount
/// serves `folder` under the URL `prefix` (first match wins, so put `/`
/// last). HTML files have [`ORIGIN_PLACEHOLDER`] replaced by `api_origin`.
pub fn serve(
    mounts: Vec<(&'static str, PathBuf)>,
    port: u16,
    api_origin: ApiOrigin,
) -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (mounts, api_origin) = (mounts.clone(), api_origin.clone());
            std::thread::spawn(move || {
                let origin = api_origin.get().map_or(ORIGIN_PLACEHOLDER, String::as_str);
                let _ = answer(stream, &mounts, origin);
            });
        }
    });
    Ok(port)
}

fn answer(mut stream: TcpStream, mounts: &[(&'static str, PathBuf)], api_origin: &str) -> Result {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // Read the headers to the blank line so the client sees a clean close.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = mounts.iter().find_map(|(prefix, root)| {
        path.strip_prefix(prefix)
            .and_then(|rest| resolve(root, &format!("/{rest}")))
    });
    let (status, content_type, body) = match (method, file) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(&file) {
            Ok(bytes) => {
                let content_type = content_type(&file);
                (
                    200,
                    content_type,
                    fill_html(bytes, content_type, api_origin),
                )
            }
            Err(_) => (404, "text/plain", b"not found".to_vec()),
        },
        ("GET" | "HEAD", None) => (404, "text/plain", b"not found".to_vec()),
        _ => (405, "text/plain", b"method not allowed".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    Ok(())
}

/// Maps a URL path to a file under `root`, refusing anything that climbs out.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => "application/octet-stream",
    }
}

fn fill_html(bytes: Vec<u8>, content_type: &str, api_origin: &str) -> Vec<u8> {
    if content_type.starts_with("text/html") {
        String::from_utf8_lossy(&bytes)
            .replace(ORIGIN_PLACEHOLDER, api_origin)
            .into_bytes()
    } else {
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::path::Path;

    #[test]
    fn paths_cannot_leave_the_root() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(resolve(root, "/Cargo.toml").is_some());
        assert!(resolve(root, "/../Cargo.toml").is_none());
        assert!(resolve(root, "/src/../../Cargo.toml").is_none());
        assert!(resolve(root, "/nope.txt").is_none());
    }
}
