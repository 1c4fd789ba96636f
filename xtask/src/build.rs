//! Builds the resident widgets into the Worker's assets, then the Worker.

use crate::process::exec;
use crate::{Result, paths};
use std::process::Command;

/// Builds everything the Worker serves and runs.
pub fn run() -> Result {
    widgets()?;
    worker()
}

/// The widgets crate for wasm32, then wasm-bindgen (ES module glue) and
/// wasm-opt (size), plus the loader, into `edge-api/public/`.
fn widgets() -> Result {
    let root = paths::root();
    exec(
        Command::new("cargo")
            .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
            .args(["-p", "parvis-widgets"])
            .current_dir(&root),
    )?;
    let wasm = paths::target()
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("parvis_widgets.wasm");
    let out_dir = paths::assets().join("pkg");
    exec(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "parvis_widgets",
            ])
            .arg("--out-dir")
            .arg(&out_dir)
            .arg(&wasm),
    )?;
    let bindgen_wasm = out_dir.join("parvis_widgets_bg.wasm");
    exec(
        Command::new(paths::node_bin("wasm-opt"))
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(&bindgen_wasm)
            .arg("-o")
            .arg(&bindgen_wasm),
    )?;
    std::fs::copy(
        root.join("widgets").join("embed.js"),
        paths::assets().join("embed.js"),
    )?;
    Ok(())
}

/// The Worker with worker-build, pointed at the tools we installed so that
/// it downloads nothing.
fn worker() -> Result {
    exec(
        Command::new("worker-build")
            .arg("--release")
            .env("WASM_BINDGEN_BIN", "wasm-bindgen")
            .env("WASM_OPT_BIN", paths::node_bin("wasm-opt"))
            .env("ESBUILD_BIN", paths::node_bin("esbuild"))
            .current_dir(paths::edge_api()),
    )
}
