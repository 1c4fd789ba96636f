//! API fuzzing driven by `/v1/openapi.json`: schemathesis (from PyPI, in a
//! virtual environment of its own) sends generated requests to the running
//! Worker and fails on any server error: as a resident, then signed in as a
//! moderator and as an admin. Bounded in examples and time.

use crate::Result;
use crate::process::exec;
use std::path::PathBuf;
use std::process::Command;

/// The pinned schemathesis version.
const VERSION: &str = "4.32.5";
/// Examples per operation, and the time budget of the whole run.
const EXAMPLES: &str = "25";
/// What every answer must satisfy: no server error, and only the statuses
/// and content types the OpenAPI document gives for its operation.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance";

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

/// Who the fuzzer is in one pass.
struct Pass {
    name: &'static str,
    /// Headers sent with every request.
    headers: Vec<String>,
    /// Extra schemathesis filters (which operations this pass covers).
    filters: Vec<&'static str>,
    /// This pass's time budget, in seconds.
    max_seconds: &'static str,
}

/// Signs `email` in (the fixtures' password) and returns its session cookie.
fn session_cookie(api_url: &str, email: &str) -> Result<String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let body = serde_json::json!({ "email": email, "password": STAFF_PASSWORD }).to_string();
    let response = agent
        .post(format!("{api_url}/v1/staff/session"))
        .header("Content-Type", "application/json")
        .header("Origin", api_url)
        .header("Sec-Fetch-Site", "same-origin")
        .send(body.as_bytes())?;
    if response.status().as_u16() != 201 {
        return Err(format!("fuzzing: {email} could not sign in ({})", response.status()).into());
    }
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("__Host-parvis_session="))
        .and_then(|value| value.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("fuzzing: no session cookie for {email}").into())
}

/// The password of the staff accounts in `tests/fixtures/api.sql`.
const STAFF_PASSWORD: &str = "correct horse battery staple";

/// Fuzzes the API at `api_url` three times: every operation as a resident on
/// the city's page, then the staff operations signed in as a moderator and
/// as an admin (signing out and the password change left out, so the
/// session lasts the pass). An error on any 5xx.
pub fn run(api_url: &str, city_origin: &str) -> Result {
    let schemathesis = ensure_schemathesis()?;
    let staff_headers = |cookie: String| {
        vec![
            format!("Origin: {api_url}"),
            "Sec-Fetch-Site: same-origin".to_owned(),
            format!("Cookie: {cookie}"),
        ]
    };
    let staff_filters = vec![
        "--include-path-regex",
        "^/v1/staff/",
        "--exclude-path",
        "/v1/staff/session",
        "--exclude-path",
        "/v1/staff/me/password",
    ];
    let passes = [
        Pass {
            name: "resident",
            headers: vec![format!("Origin: {city_origin}")],
            filters: Vec::new(),
            max_seconds: "150",
        },
        Pass {
            name: "moderator",
            headers: staff_headers(session_cookie(api_url, "moderator@test.example")?),
            filters: staff_filters.clone(),
            max_seconds: "60",
        },
        Pass {
            name: "admin",
            headers: staff_headers(session_cookie(api_url, "admin@test.example")?),
            filters: staff_filters,
            max_seconds: "90",
        },
    ];
    for pass in passes {
        println!("fuzzing as {}…", pass.name);
        let mut command = Command::new(&schemathesis);
        command
            .arg("run")
            .arg(format!("{api_url}/v1/openapi.json"))
            .args(["--url", api_url])
            .args(["--checks", CHECKS])
            .args([
                "--max-examples",
                EXAMPLES,
                "--max-time",
                pass.max_seconds,
                // One worker: with two, the Python 3.11 that Debian ships
                // sometimes crashes inside hypothesis (`ast.parse` from two
                // threads: "AST constructor recursion depth mismatch").
                "--workers",
                "1",
                "--seed",
                "20261126",
            ])
            .args(&pass.filters);
        for header in &pass.headers {
            command.args(["--header", header]);
        }
        let report = crate::paths::target().join("schemathesis").join(pass.name);
        exec(
            command
                .args(["--report", "junit", "--report-dir"])
                .arg(&report)
                // Its example cache goes under target/, not into the work tree.
                .current_dir(crate::paths::target())
                .env("SCHEMATHESIS_TELEMETRY", "false")
                .env("NO_COLOR", "1"),
        )
        .map_err(|error| format!("fuzzing as {}: {error}", pass.name))?;
    }
    Ok(())
}
