//! Installs what the build and the tests need, skipping what is there.
//! Every step is idempotent, so both README commands start with it.

use crate::process::{exec, output};
use crate::{Result, paths};
use std::path::Path;
use std::process::Command;

/// The wasm-bindgen version pinned in the workspace `Cargo.toml`; the CLI
/// must match it exactly.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// worker-build's minor version must match the `worker` crate's (0.8).
pub const WORKER_BUILD_VERSION: &str = "0.8.7";

/// Everything `build` needs: the wasm target, the two cargo tools, npm packages.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        "7 to 16",
    )?;
    ensure_cargo_tool(
        "worker-build",
        "worker-build",
        WORKER_BUILD_VERSION,
        "about 12",
    )?;
    ensure_npm_packages()
}

fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    println!("Adding the wasm32-unknown-unknown target (under a minute, once)…");
    exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(bin: &str, krate: &str, version: &str, minutes: &str) -> Result {
    let current = output(Command::new(bin).arg("--version")).unwrap_or_default();
    if current.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("Installing {krate} {version} (takes {minutes} minutes on 2 cores, once)…");
    // No --locked: its lockfile names a crate version the registry mirror lacks.
    exec(Command::new("cargo").args(["install", krate, "--version", version]))
}

fn ensure_npm_packages() -> Result {
    let root = paths::root();
    let wanted = ["wrangler", "wasm-opt", "esbuild", "playwright"];
    let installed_lock = root.join("node_modules").join(".package-lock.json");
    let up_to_date = wanted.iter().all(|bin| paths::node_bin(bin).exists())
        && is_newer(&installed_lock, &root.join("package-lock.json"));
    if up_to_date {
        return Ok(());
    }
    println!("Installing npm packages: wrangler, binaryen, Playwright, axe-core (about a minute)…");
    exec(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root),
    )
}

fn is_newer(path: &Path, than: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(a), Some(b)) => a >= b,
        _ => false,
    }
}

/// Debian's Chromium, the browser of the browser tests.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs Debian's Chromium when it is absent and apt can be used;
/// otherwise says exactly what to install.
pub fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root || !Path::new("/usr/bin/apt-get").exists() {
        return Err(format!(
            "the browser tests need Debian's Chromium at {CHROMIUM}: \
             run `sudo apt-get install -y chromium` and try again"
        )
        .into());
    }
    println!("Installing Debian's Chromium with apt-get (2 to 4 minutes, once)…");
    exec(Command::new("apt-get").arg("update"))?;
    exec(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}
