//! Builds the resident widgets and the staff dashboard into the Worker's assets, then the Worker.

use crate::process::exec;
use crate::{Result, paths};
use std::process::Command;

/// Builds everything the Worker serves and runs.
pub fn run() -> Result {
    widgets()?;
    dashboard()?;
    worker()
}

/// A wasm crate for the browser: cargo, wasm-bindgen (ES module glue), then
/// wasm-opt for size, into `out_dir` as `{name}.js` and `{name}_bg.wasm`.
fn browser_bundle(package: &str, name: &str, out_dir: &std::path::Path) -> Result {
    exec(
        Command::new("cargo")
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                package,
            ])
            .current_dir(paths::root()),
    )?;
    let wasm = paths::target()
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{name}.wasm"));
    exec(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", name])
            .arg("--out-dir")
            .arg(out_dir)
            .arg(&wasm),
    )?;
    let bindgen_wasm = out_dir.join(format!("{name}_bg.wasm"));
    exec(
        Command::new(paths::node_bin("wasm-opt"))
            .args(["-Oz", "--strip-debug", "--strip-producers"])
            .arg(&bindgen_wasm)
            .arg("-o")
            .arg(&bindgen_wasm),
    )
}

/// The staff dashboard, its own bundle, served at `/admin/`.
fn dashboard() -> Result {
    let admin = paths::assets().join("admin");
    browser_bundle("parvis-dashboard", "parvis_dashboard", &admin.join("pkg"))?;
    let static_files = paths::root().join("dashboard").join("static");
    for file in ["index.html", "start.js", "dashboard.css"] {
        std::fs::copy(static_files.join(file), admin.join(file))?;
    }
    Ok(())
}

/// The resident widgets and their loader, into `edge-api/public/`.
fn widgets() -> Result {
    browser_bundle(
        "parvis-widgets",
        "parvis_widgets",
        &paths::assets().join("pkg"),
    )?;
    std::fs::copy(
        paths::root().join("widgets").join("embed.js"),
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
