//! Parvis automation, run as `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! - `demo`: install what is missing, build, migrate, seed, and serve the API
//!   on 127.0.0.1:8787 and the demo city on 127.0.0.1:8080 until Ctrl-C.
//! - `test`: every check and test, ending with `N passed, N failed`.
//! - `build`: install what is missing and build the widgets and the Worker.
//! - `admin`: create a city's first admin (see `admin.rs`).
//! - `bench`: sizes, start time and loads, with their baselines (see `bench.rs`).
//! - `wordpress [PARVIS_ORIGIN]`: a real WordPress on loopback that embeds
//!   consultation links from that Parvis, until Ctrl-C (see `wordpress.rs`).
//! - `oidc-provider [REDIRECT_URI]`: a real OpenID provider on loopback, like
//!   FranceConnect's integration platform, with one client whose redirect URI
//!   is that one, until Ctrl-C (see `oidc_provider.rs`).

mod admin;
mod bench;
mod build;
mod crash_test;
mod demo;
mod first_paint_bench;
mod fuzz;
mod local_api;
mod oidc_provider;
mod paths;
mod process;
mod restart_checks;
mod static_server;
mod test;
mod tools;
mod trust_bench;
mod wordpress;
mod wrangler;

use std::process::ExitCode;

/// The error type of every task: a message for the person at the terminal.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// The result of every task step.
pub type Result<T = ()> = std::result::Result<T, Error>;

const USAGE: &str = "usage: cargo xtask <demo | test [--only PATTERN] | build | bench | \
                     restart-checks | admin … | wordpress [PARVIS_ORIGIN] | \
                     oidc-provider [REDIRECT_URI]>";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "demo" => demo::run(),
        "test" => match std::env::args().nth(2).as_deref() {
            None => test::run(),
            Some("--only") => match std::env::args().nth(3) {
                Some(pattern) => test::run_only(&pattern),
                None => Err("--only needs a test name pattern".into()),
            },
            Some(other) => Err(format!("unknown option {other}; {USAGE}").into()),
        },
        "build" => tools::ensure_build_tools().and_then(|()| build::run()),
        "bench" => process::stop_services_on_interrupt().and_then(|()| bench::run()),
        "restart-checks" => tools::ensure_build_tools()
            .and_then(|()| build::run())
            .and_then(|()| restart_checks::run()),
        "admin" => admin::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "wordpress" => wordpress::run(std::env::args().nth(2).as_deref()),
        "oidc-provider" => oidc_provider::run(std::env::args().nth(2).as_deref()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {task}: {error}");
            ExitCode::FAILURE
        }
    }
}
