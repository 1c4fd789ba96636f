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

/// A wasm crate for the browser: cargo (with `cargo_args`), wasm-bindgen
/// (ES module glue), then wasm-opt for size, into `out_dir` as `{name}.js`
/// and `{name}_bg.wasm`.
fn browser_bundle(
    package: &str,
    cargo_args: &[&str],
    name: &str,
    out_dir: &std::path::Path,
) -> Result {
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
            .args(cargo_args)
            .current_dir(paths::root()),
    )?;
    let wasm = paths::target()
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{}.wasm", package.replace('-', "_")));
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
    browser_bundle(
        "parvis-dashboard",
        &[],
        "parvis_dashboard",
        &admin.join("pkg"),
    )?;
    let static_files = paths::root().join("dashboard").join("static");
    for file in ["index.html", "start.js", "dashboard.css"] {
        std::fs::copy(static_files.join(file), admin.join(file))?;
    }
    Ok(())
}

/// The resident widgets, one bundle per kind and one with every kind (for
/// pages that show several), under content-hashed names in
/// `edge-api/public/pkg/`, and their loader `embed.js`, which names them.
fn widgets() -> Result {
    let pkg = paths::assets().join("pkg");
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg)?;
    }
    let staging = paths::target().join("widget-bundles");
    let mut names = serde_json::Map::new();
    for bundle in BUNDLES {
        let features = format!("csr,{}", bundle.features);
        let args = ["--no-default-features", "--features", features.as_str()];
        browser_bundle("parvis-widgets", &args, bundle.name, &staging)?;
        let js = std::fs::read(staging.join(format!("{}.js", bundle.name)))?;
        let wasm = std::fs::read(staging.join(format!("{}_bg.wasm", bundle.name)))?;
        let hash = content_hash(&[&js, &wasm]);
        let stem = format!("parvis-{}.{hash}", bundle.name);
        std::fs::create_dir_all(&pkg)?;
        std::fs::write(pkg.join(format!("{stem}.js")), &js)?;
        std::fs::write(pkg.join(format!("{stem}.wasm")), &wasm)?;
        names.insert(bundle.name.to_owned(), serde_json::Value::String(stem));
    }
    let loader = std::fs::read_to_string(paths::root().join("widgets").join("embed.js"))?;
    let manifest = serde_json::Value::Object(names).to_string();
    if !loader.contains(BUNDLES_MARK) {
        return Err(format!("widgets/embed.js lost its {BUNDLES_MARK} mark").into());
    }
    std::fs::write(
        paths::assets().join("embed.js"),
        loader.replace(BUNDLES_MARK, &manifest),
    )?;
    // The framed page's height reporter (`/embed/{id}`), as written.
    std::fs::copy(
        paths::root().join("widgets").join("frame.js"),
        paths::assets().join("frame.js"),
    )?;
    // The sign-in window's last page's script (`/oidc/callback`), as written.
    std::fs::copy(
        paths::root().join("widgets").join("sign-in.js"),
        paths::assets().join("sign-in.js"),
    )?;
    // The same names for a loader older than this deployment (never cached).
    std::fs::write(paths::assets().join("bundles.json"), &manifest)?;
    Ok(())
}

/// Where `embed.js` receives the bundles' hashed names, as a JSON object.
const BUNDLES_MARK: &str = "{/*BUNDLES*/}";

/// One resident bundle: its name (a kind, or `all`) and the crate features
/// that choose its kinds.
struct Bundle {
    name: &'static str,
    features: &'static str,
}

const BUNDLES: [Bundle; 4] = [
    Bundle {
        name: "poll",
        features: "poll",
    },
    Bundle {
        name: "ideas",
        features: "ideas",
    },
    Bundle {
        name: "comments",
        features: "comments",
    },
    Bundle {
        name: "all",
        features: "poll,ideas,comments",
    },
];

/// The first 12 hex digits of the SHA-256 of the parts, for file names
/// that change whenever the content does.
fn content_hash(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
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
