//! API fuzzing driven by `/v1/openapi.json`: schemathesis (from PyPI, in a
//! virtual environment of its own) sends generated requests to the running
//! Worker and fails on any server error. Bounded in examples and time.

use crate::Result;
use crate::process::exec;
use std::path::PathBuf;
use std::process::Command;

/// The pinned schemathesis version.
const VERSION: &str = "4.32.5";
/// Examples per operation, and the time budget of the whole run.
const EXAMPLES: &str = "25";
const MAX_SECONDS: &str = "180";

fn venv() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    home.join(".cache")
        .join("parvis-tools")
        .join(format!("schemathesis-{VERSION}"))
}

/// Installs schemathesis once (about a minute) and returns its command.
fn ensure_schemathesis() -> Result<PathBuf> {
    let bin = venv().join("bin").join("schemathesis");
    if bin.exists() {
        return Ok(bin);
    }
    println!(
        "Installing schemathesis {VERSION} from PyPI into {} (about a minute, once)…",
        venv().display()
    );
    exec(Command::new("python3").args(["-m", "venv"]).arg(venv()))?;
    exec(Command::new(venv().join("bin").join("pip")).args([
        "install",
        "--quiet",
        &format!("schemathesis=={VERSION}"),
    ]))?;
    Ok(bin)
}

/// Fuzzes every operation of the API at `api_url`; an error on any 5xx.
pub fn run(api_url: &str, city_origin: &str) -> Result {
    let schemathesis = ensure_schemathesis()?;
    let report = crate::paths::target().join("schemathesis");
    exec(
        Command::new(schemathesis)
            .arg("run")
            .arg(format!("{api_url}/v1/openapi.json"))
            .args(["--url", api_url])
            .args(["--checks", "not_a_server_error"])
            .args([
                "--max-examples",
                EXAMPLES,
                "--max-time",
                MAX_SECONDS,
                "--workers",
                "2",
                "--seed",
                "20261126",
            ])
            .args(["--header", &format!("Origin: {city_origin}")])
            .args(["--report", "junit", "--report-dir"])
            .arg(&report)
            // Its example cache goes under target/, not into the work tree.
            .current_dir(crate::paths::target())
            .env("SCHEMATHESIS_TELEMETRY", "false")
            .env("NO_COLOR", "1"),
    )
}
