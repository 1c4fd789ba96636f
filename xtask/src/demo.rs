//! `cargo xtask demo`: everything built, migrated, seeded and served.

use crate::process::{Interrupt, http_status};
use crate::wrangler::{self, State};
use crate::{Result, build, paths, static_server, tools};

/// The API's port, which the demo page's snippet is served with.
const API_PORT: u16 = 8787;
/// The demo city's port: a different origin, as a real city site would be.
const CITY_PORT: u16 = 8080;

/// Builds, migrates, seeds, serves both origins, and stops both on Ctrl-C.
pub fn run() -> Result {
    for port in [API_PORT, CITY_PORT] {
        if http_status(&format!("127.0.0.1:{port}"), "/").is_some() {
            return Err(
                format!("port {port} is already in use: stop what runs there first").into(),
            );
        }
    }
    tools::ensure_build_tools()?;
    build::run()?;
    wrangler::ensure_dev_vars()?;
    wrangler::migrate(&State::Default)?;
    wrangler::seed(&State::Default)?;

    let interrupt = Interrupt::catch()?;
    let mut api = wrangler::start_dev(&State::Default, API_PORT, &[])?;
    static_server::serve(
        vec![("/", paths::root().join("examples").join("demo-city"))],
        CITY_PORT,
        static_server::api_origin(format!("http://127.0.0.1:{API_PORT}")),
    )?;

    println!();
    println!("  Parvis API and widget files: http://127.0.0.1:{API_PORT}");
    println!("  Demo city page:              http://127.0.0.1:{CITY_PORT}/");
    println!();
    println!("Press Ctrl-C to stop both.");
    interrupt.wait(|| {
        api.has_exited()
            .then_some("wrangler dev stopped unexpectedly")
    })
}
