//! Where things are in the repository.

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}

/// The Worker crate, where `wrangler.toml` lives.
pub fn edge_api() -> PathBuf {
    root().join("edge-api")
}

/// The Worker's static assets folder, filled by the widgets build.
pub fn assets() -> PathBuf {
    edge_api().join("public")
}

/// An npm tool installed from `package.json`.
pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules").join(".bin").join(name)
}

/// Cargo's target folder.
pub fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
