//! A minimal static file server for the demo city page: it stands in for a
//! city's own web server (a different origin from the API), not for the API.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves files on 127.0.0.1:`port` from a background thread, for as long as
/// xtask runs: each `(prefix, folder)` mount serves `folder` under the URL
/// `prefix` (first match wins, so put `/` last). In HTML files, `rewrite`
/// replaces one text with another (the tests point the pasted snippet at
/// their own API port).
pub fn serve(
    mounts: Vec<(&'static str, PathBuf)>,
    port: u16,
    rewrite: Option<(String, String)>,
) -> Result {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (mounts, rewrite) = (mounts.clone(), rewrite.clone());
            std::thread::spawn(move || {
                let _ = answer(stream, &mounts, rewrite.as_ref());
            });
        }
    });
    Ok(())
}

fn answer(
    mut stream: TcpStream,
    mounts: &[(&'static str, PathBuf)],
    rewrite: Option<&(String, String)>,
) -> Result {
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
                    rewrite_html(bytes, content_type, rewrite),
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

fn rewrite_html(bytes: Vec<u8>, content_type: &str, rewrite: Option<&(String, String)>) -> Vec<u8> {
    match (content_type.starts_with("text/html"), rewrite) {
        (true, Some((from, to))) => String::from_utf8_lossy(&bytes)
            .replace(from, to)
            .into_bytes(),
        _ => bytes,
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
